/**
 * The repo lock: one process at a time owns a repo.
 *
 * The lock is a file created exclusively, holding the owner's pid. A lock
 * whose process is gone (a crash) is stale: it is moved aside under a
 * unique name, checked to still be the stale one, and removed before the
 * lock is taken again, so two processes recovering at once cannot both win.
 */
import { open, readFile, rename, rm } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { RepoLockedError } from './errors.ts'

/** The lock file's name inside the repo. */
export const LOCK_FILE = 'repo.lock'

/** A held lock; `release` gives it up. */
export interface RepoLock {
  release(): Promise<void>
}

/** Take the lock of the repo at `dir`; RepoLockedError if a live process has it. */
export async function lockRepo (dir: string): Promise<RepoLock> {
  const path = join(dir, LOCK_FILE)
  const token = `${process.pid} ${randomBytes(8).toString('hex')}\n`
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o644)
      await handle.writeFile(token)
      await handle.close()
      return { release: async () => { await releaseIfOurs(path, token) } }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
    const holder = await readFile(path, 'utf8').catch(() => '')
    const pid = Number.parseInt(holder, 10)
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
      throw new RepoLockedError(`repo ${dir} is locked by process ${pid} (is a daemon running? stop it, or use its API)`)
    }
    await removeStale(path, holder)
  }
  throw new RepoLockedError(`repo ${dir} is locked: could not take the lock after recovering a stale one`)
}

async function removeStale (path: string, stale: string): Promise<void> {
  const aside = `${path}.stale-${randomBytes(6).toString('hex')}`
  try {
    await rename(path, aside)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
    throw err
  }
  const moved = await readFile(aside, 'utf8').catch(() => '')
  if (moved === stale) {
    await rm(aside, { force: true })
    return
  }
  await rename(aside, path)
}

async function releaseIfOurs (path: string, token: string): Promise<void> {
  const holder = await readFile(path, 'utf8').catch(() => '')
  if (holder === token) await rm(path, { force: true })
}

/** Whether process `pid` exists (one we may not signal counts). */
export function isAlive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
