/**
 * The reading verbs over one root: `stat`, `ls`, `read`. They read a
 * snapshot (the root given), so an edit committed meanwhile does not
 * change what a listing or a read returns.
 */
import { cat } from '../unixfs/exporter/cat.ts'
import { directoryLinks, ls, sortByName } from '../unixfs/exporter/ls.ts'
import { statEntry } from '../unixfs/exporter/stat.ts'
import { MfsInvalidOptionError, MfsNotAFileError } from './errors.ts'
import { lookup } from './tree.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { EntryStat } from '../unixfs/exporter/stat.ts'
import type { Mtime } from '../unixfs/format/unixfs-data.ts'
import type { MfsPath } from './path.ts'
import type { CID } from 'multiformats/cid'

/** What an entry is, as `files stat` names it. */
export type MfsEntryType = 'file' | 'directory' | 'symlink'

/** `files stat`: Kubo's Hash, Size, CumulativeSize, Blocks, Type, and Mode/Mtime when stored. */
export interface MfsStat {
  cid: CID
  type: MfsEntryType
  /** File size for files (0 for directories and symlinks, unless they store one). */
  size: number
  /** The root block plus its links' Tsize. */
  cumulativeSize: number
  /** Links of the root block (Kubo's Blocks / ChildBlocks). */
  blocks: number
  mode?: number
  mtime?: Mtime
}

/** One entry of `files ls`; `type` and `size` only with `long`. */
export interface MfsEntry {
  name: string
  cid: CID
  type?: MfsEntryType
  size?: number
}

/** Options of `ls`. */
export interface MfsLsOptions extends AbortOptions {
  /** Stat each entry for its type and size (`-l`). */
  long?: boolean
  /** Sort by name (default); false keeps the directory's order (`-U`). */
  sort?: boolean
}

/** Options of `read`. */
export interface MfsReadOptions extends AbortOptions {
  offset?: number
  count?: number
}

/** The `files stat` type of an entry (a HAMT shard is a directory). */
export function entryType (stat: EntryStat): MfsEntryType {
  return stat.type === 'hamt-directory' ? 'directory' : stat.type
}

/** `files stat <path>`. */
export async function statPath (store: Pick<Blockstore, 'get'>, root: CID, path: MfsPath, options: AbortOptions = {}): Promise<MfsStat> {
  const { cid } = await lookup(store, root, path.segments)
  const stat = await statEntry(store, cid, options)
  return {
    cid,
    type: entryType(stat),
    size: stat.size,
    cumulativeSize: stat.cumulativeSize,
    blocks: stat.blocks,
    ...(stat.mode === undefined ? {} : { mode: stat.mode }),
    ...(stat.mtime === undefined ? {} : { mtime: stat.mtime })
  }
}

/** `files ls [-l] [-U] <path>`: a directory's entries, or the file itself. */
export async function lsPath (store: Pick<Blockstore, 'get'>, root: CID, path: MfsPath, options: MfsLsOptions = {}): Promise<MfsEntry[]> {
  const long = options.long === true
  const { cid } = await lookup(store, root, path.segments)
  const stat = await statEntry(store, cid, options)
  const type = entryType(stat)
  if (type !== 'directory') {
    const name = path.segments[path.segments.length - 1] ?? ''
    return [long ? { name, cid, type, size: stat.size } : { name, cid }]
  }
  const entries: MfsEntry[] = []
  if (long) {
    for await (const e of ls(store, cid, { ...options, sort: options.sort !== false })) {
      entries.push({ name: e.name, cid: e.cid, type: e.type === 'hamt-directory' ? 'directory' : e.type, size: e.size })
    }
    return entries
  }
  for await (const link of directoryLinks(store, cid, options)) entries.push({ name: link.name, cid: link.cid })
  return options.sort === false ? entries : sortByName(entries)
}

/** Check the request and find the file; the bytes then stream from `cat`. */
export async function readPath (store: Pick<Blockstore, 'get'>, root: CID, path: MfsPath, options: MfsReadOptions = {}): Promise<AsyncIterable<Uint8Array>> {
  const offset = options.offset ?? 0
  if (!Number.isSafeInteger(offset) || offset < 0) throw new MfsInvalidOptionError(`cannot specify negative offset (got ${String(offset)})`)
  if (options.count !== undefined && (!Number.isSafeInteger(options.count) || options.count < 0)) {
    throw new MfsInvalidOptionError(`cannot specify negative 'count' (got ${String(options.count)})`)
  }
  const { cid } = await lookup(store, root, path.segments)
  const stat = await statEntry(store, cid, options)
  if (stat.type !== 'file') throw new MfsNotAFileError(`${path.text} was not a file`)
  if (offset > stat.size) throw new MfsInvalidOptionError(`offset was past end of file (${offset} > ${stat.size})`)
  return cat(store, cid, { offset, ...(options.count === undefined ? {} : { length: options.count }), ...(options.signal === undefined ? {} : { signal: options.signal }) })
}
