/**
 * `get`: write a UnixFS file, directory tree (HAMT shards included) or
 * symlink to disk, restoring the permission bits and mtimes the DAG stores.
 *
 * The DAG is untrusted: every entry name is checked (`safeName`), a name
 * twice in one directory is refused, and nothing is ever written through an
 * existing path (files are created exclusively, directories must be new,
 * symlinks are never followed), so a malicious DAG cannot write outside
 * `out`. Only the permission bits 0o777 are restored, never setuid,
 * setgid or sticky. Directory modes and mtimes are set after their
 * contents are written, so read-only directories still fill.
 */
import { createWriteStream } from 'node:fs'
import { chmod, lutimes, mkdir, symlink, utimes } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { cat } from './cat.ts'
import { UnsafePathError } from './errors.ts'
import { statLinks } from './ls.ts'
import { statEntry } from './stat.ts'
import type { AbortOptions } from '../../abort.ts'
import type { Blockstore } from '../../block/blockstore.ts'
import type { Mtime } from '../format/unixfs-data.ts'
import type { CID } from 'multiformats/cid'

/** Write the entry at `cid` to the path `out`, which must not exist yet. */
export async function getToDisk (store: Pick<Blockstore, 'get'>, cid: CID, out: string, options: AbortOptions = {}): Promise<void> {
  options.signal?.throwIfAborted()
  const stat = await statEntry(store, cid, options)
  if (stat.type === 'symlink') {
    await symlink(stat.target ?? '', out)
    if (stat.mtime !== undefined) await lutimes(out, seconds(stat.mtime), seconds(stat.mtime))
    return
  }
  if (stat.type === 'file') {
    await pipeline(cat(store, cid, options), createWriteStream(out, { flags: 'wx' }), options.signal === undefined ? {} : { signal: options.signal })
  } else {
    await mkdir(out)
    const names = new Set<string>()
    for await (const link of statLinks(store, stat, options)) {
      const name = safeName(link.name)
      if (names.has(name)) throw new UnsafePathError(`directory ${cid.toString()} has two entries named ${JSON.stringify(name)}`)
      names.add(name)
      await getToDisk(store, link.cid, join(out, name), options)
    }
  }
  if (stat.mode !== undefined) await chmod(out, stat.mode & 0o777)
  if (stat.mtime !== undefined) await utimes(out, seconds(stat.mtime), seconds(stat.mtime))
}

/** A directory entry name that stays inside its directory; UnsafePathError otherwise. */
export function safeName (name: string): string {
  if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\\') || name.includes('\0')) {
    throw new UnsafePathError(`refusing directory entry name ${JSON.stringify(name)}`)
  }
  return name
}

function seconds (mtime: Mtime): number {
  return mtime.secs + (mtime.nsecs ?? 0) / 1e9
}
