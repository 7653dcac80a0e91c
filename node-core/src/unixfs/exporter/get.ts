/**
 * `get`: write a UnixFS file, directory tree or symlink to disk, restoring
 * the modes and mtimes the DAG stores. Names from the DAG are checked so
 * that a malicious directory cannot write outside the output path.
 */
import { createWriteStream } from 'node:fs'
import { chmod, lutimes, mkdir, symlink, utimes } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { cat } from './cat.ts'
import { UnsafePathError } from './errors.ts'
import { directoryLinks } from './ls.ts'
import { statEntry } from './stat.ts'
import type { AbortOptions } from '../../abort.ts'
import type { Blockstore } from '../../block/blockstore.ts'
import type { CID } from 'multiformats/cid'

/** Write the entry at `cid` to `out` (which must not exist yet). */
export async function getToDisk (store: Pick<Blockstore, 'get'>, cid: CID, out: string, options: AbortOptions = {}): Promise<void> {
  options.signal?.throwIfAborted()
  const stat = await statEntry(store, cid, options)
  if (stat.type === 'symlink') {
    await symlink(stat.target ?? '', out)
    if (stat.mtime !== undefined) await lutimes(out, toDate(stat.mtime), toDate(stat.mtime))
    return
  }
  if (stat.type === 'file') {
    await pipeline(cat(store, cid, options), createWriteStream(out, { flags: 'wx' }))
  } else {
    await mkdir(out)
    for await (const link of directoryLinks(store, cid, options)) {
      await getToDisk(store, link.cid, join(out, safeName(link.name)), options)
    }
  }
  if (stat.mode !== undefined) await chmod(out, stat.mode & 0o7777)
  if (stat.mtime !== undefined) await utimes(out, toDate(stat.mtime), toDate(stat.mtime))
}

/** A directory entry name that stays inside its directory. */
export function safeName (name: string): string {
  if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\\') || name.includes('\0')) {
    throw new UnsafePathError(`refusing directory entry name ${JSON.stringify(name)}`)
  }
  return name
}

function toDate (mtime: { secs: number, nsecs?: number }): number {
  return mtime.secs + (mtime.nsecs ?? 0) / 1e9
}
