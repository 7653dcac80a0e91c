/**
 * What a disk's refusal means for the repo: full (ENOSPC, EDQUOT),
 * read-only (EROFS), or not this user's to use (EACCES, EPERM), each a
 * named error that says where, and what the user can do about it.
 *
 * Every door through which the repo writes passes its failures through
 * here: opening and creating the repo, the flatfs blockstore, atomic files
 * (records, the config, the api file) and the datastore. Directories are
 * made with `makeDir`, whose refusals carry their real errno.
 */
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { DiskFullError, RepoPermissionError, RepoReadOnlyError } from './errors.ts'

/** `err` as the named error of a refused write under `path`; one already named, and any other error, unchanged. */
export function diskError (err: unknown, path: string): unknown {
  if (err instanceof DiskFullError || err instanceof RepoReadOnlyError || err instanceof RepoPermissionError) return err
  const code = errnoOf(err)
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new DiskFullError(`no space left on the disk holding ${path} (${code}): free some space or collect garbage, then try again`, { cause: err })
    case 'EROFS':
      return new RepoReadOnlyError(`${path} is on a read-only file system (EROFS): Planetary writes to its repo, so move it to a writable disk (PLANETARY_PATH)`, { cause: err })
    case 'EACCES':
    case 'EPERM':
      return new RepoPermissionError(`permission denied on ${path} (${code}): Planetary reads and writes its repo as the user running it`, { cause: err })
    default:
      return err
  }
}

/** Run `write`, a refusal of the disk under `path` thrown as its named error. */
export async function writingTo<T> (path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (err) {
    throw diskError(err, path)
  }
}

/**
 * `mkdir -p dir`, failing with the real errno: Node's recursive mkdir
 * reports a read-only file system as ENOENT, so on ENOENT each missing
 * directory is made alone, the first of them failing with the reason.
 */
export async function makeDir (dir: string, mode = 0o777): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    const parent = dirname(dir)
    if (parent !== dir) await makeDir(parent, mode)
    await mkdir(dir, { mode })
  }
}

/**
 * The errno a failure carries: its `code`, else the one its message starts
 * with (datastore-fs keeps only `String(err)`, as in
 * `Error: ENOSPC: no space left on device, open ...`).
 */
function errnoOf (err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined
  const code = (err as NodeJS.ErrnoException).code
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code
  return /^(?:Error: )?(E[A-Z]+): /.exec(err.message)?.[1]
}
