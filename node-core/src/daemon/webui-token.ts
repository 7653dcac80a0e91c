/**
 * The repo's web UI token: the secret a browser page presents to the
 * WebSocket bridge. Made once per repo (32 random bytes), kept as an
 * owner-only record, printed by the daemon in the web UI's URL.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { repoLayout } from '../repo/paths.ts'
import { RecordStore } from '../repo/records.ts'
import type { Repo } from '../repo/repo.ts'

const NAMESPACE = 'webui'
const RECORD = 'token'

/** The token of `repo`, made on first use. */
export async function webuiToken (repo: Pick<Repo, 'records'>): Promise<string> {
  const records = repo.records(NAMESPACE, true)
  const token = valid(await records.get(RECORD))
  if (token !== undefined) return token
  const made = randomBytes(32).toString('base64url')
  await records.put(RECORD, made)
  return made
}

/**
 * The token of the repo at `repoPath`, read without opening the repo (its
 * lock is the running daemon's), or undefined when none was made yet.
 *
 * For a client run by the repo's owner: the record is owner-only.
 */
export async function readWebuiToken (repoPath: string): Promise<string | undefined> {
  return valid(await new RecordStore(join(repoLayout(repoPath).records, NAMESPACE)).get(RECORD))
}

function valid (stored: Uint8Array | undefined): string | undefined {
  const text = stored === undefined ? '' : new TextDecoder().decode(stored)
  return /^[A-Za-z0-9_-]{43}$/.test(text) ? text : undefined
}
