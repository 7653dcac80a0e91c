/**
 * `get` over the RPC: a UnixFS file, directory tree (HAMT shards included)
 * or symlink as a tar stream, as Kubo sends it. Entries come depth first,
 * each directory before its contents; files are 0644, directories and
 * symlinks 0777, stamped now, unless the DAG stores a mode or mtime.
 *
 * The DAG is untrusted, as in `get` to disk: every entry name is checked
 * (`safeName`) and a name twice in one directory refused, so the archive
 * never holds a path outside its top entry; a file whose bytes disagree
 * with its stored size ends the stream with an error.
 */
import { cat } from './cat.ts'
import { UnsafePathError } from './errors.ts'
import { safeName } from './get.ts'
import { statLinks } from './ls.ts'
import { statEntry } from './stat.ts'
import { tarEnd, tarHeader, tarPadding } from './tar-format.ts'
import { InvalidUnixFSError } from '../format/errors.ts'
import type { AbortOptions } from '../../abort.ts'
import type { Blockstore } from '../../block/blockstore.ts'
import type { CID } from 'multiformats/cid'

/** The tar archive of the entry at `cid`, its top entry named `name`. */
export async function * tarArchive (store: Pick<Blockstore, 'get'>, cid: CID, name: string, options: AbortOptions = {}): AsyncIterable<Uint8Array> {
  yield * tarEntries(store, cid, name, Math.floor(Date.now() / 1000), options)
  yield tarEnd()
}

async function * tarEntries (store: Pick<Blockstore, 'get'>, cid: CID, path: string, now: number, options: AbortOptions): AsyncIterable<Uint8Array> {
  options.signal?.throwIfAborted()
  const stat = await statEntry(store, cid, options)
  const mtime = stat.mtime?.secs ?? now
  if (stat.type === 'symlink') {
    yield tarHeader({ name: path, type: 'symlink', mode: stat.mode ?? 0o777, size: 0, mtime, linkname: stat.target ?? '' })
    return
  }
  if (stat.type === 'file') {
    yield tarHeader({ name: path, type: 'file', mode: stat.mode ?? 0o644, size: stat.size, mtime })
    let written = 0
    for await (const chunk of cat(store, cid, options)) {
      written += chunk.byteLength
      if (written > stat.size) break
      yield chunk
    }
    if (written !== stat.size) throw new InvalidUnixFSError(`${cid.toString()}: the file holds ${written > stat.size ? 'more' : 'fewer'} bytes than its size, ${stat.size}`)
    yield tarPadding(stat.size)
    return
  }
  yield tarHeader({ name: path, type: 'directory', mode: stat.mode ?? 0o777, size: 0, mtime })
  const names = new Set<string>()
  for await (const link of statLinks(store, stat, options)) {
    const name = safeName(link.name)
    if (names.has(name)) throw new UnsafePathError(`directory ${cid.toString()} has two entries named ${JSON.stringify(name)}`)
    names.add(name)
    yield * tarEntries(store, link.cid, `${path}/${name}`, now, options)
  }
}
