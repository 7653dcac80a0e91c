/**
 * The repo's `api` file: the RPC address of the running daemon, written on
 * start and removed on stop, as Kubo does, so that the CLI (and Kubo's
 * tools pointed at the repo) can find the daemon.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../repo/atomic-file.ts'

const API_FILE = 'api'

/** Record the daemon's RPC multiaddr in the repo. */
export async function writeApiFile (repoPath: string, address: string): Promise<void> {
  await writeFileAtomic(join(repoPath, API_FILE), address)
}

/** The recorded RPC multiaddr, or undefined when no daemon wrote one. */
export async function readApiFile (repoPath: string): Promise<string | undefined> {
  try {
    return (await readFile(join(repoPath, API_FILE), 'utf8')).trim()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
}

/** Remove the record (on stop). */
export async function removeApiFile (repoPath: string): Promise<void> {
  await rm(join(repoPath, API_FILE), { force: true })
}
