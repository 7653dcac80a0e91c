/**
 * What a UnixFS entry is: its type, size, mode, mtime and block counts,
 * read from its root block alone (no children are loaded).
 *
 * `mode` and `mtime` are present only when the DAG stores them, so that
 * `get` restores exactly what was recorded and leaves the rest to the
 * system. Sizes are checked: a file whose stored filesize disagrees with
 * its data and blocksizes is an InvalidUnixFSError.
 */
import * as dagPb from '@ipld/dag-pb'
import * as raw from 'multiformats/codecs/raw'
import { decodeWith } from '../../block/codecs.ts'
import { loadBytes } from '../../dag/load.ts'
import { InvalidUnixFSError } from '../format/errors.ts'
import { decodeUnixFS } from '../format/unixfs-decode.ts'
import { filePartOf, notUnixFS } from './file-part.ts'
import type { AbortOptions } from '../../abort.ts'
import type { Blockstore } from '../../block/blockstore.ts'
import type { Mtime } from '../format/unixfs-data.ts'
import type { PBNode } from '@ipld/dag-pb'
import type { CID } from 'multiformats/cid'

/** A UnixFS entry as `ls`, `get` and `files stat` need it. */
export interface EntryStat {
  cid: CID
  type: 'file' | 'directory' | 'hamt-directory' | 'symlink'
  /** File size in bytes for files; for directories and symlinks the stored filesize, usually absent (0), as Kubo's `ls` shows. */
  size: number
  /** The root block's size plus its links' Tsize: Kubo's CumulativeSize. */
  cumulativeSize: number
  /** Links of the root block: Kubo's ChildBlocks. */
  blocks: number
  /** Permission bits, when the DAG stores them. */
  mode?: number
  /** Modification time, when the DAG stores it. */
  mtime?: Mtime
  /** The symlink target. */
  target?: string
  /** The root dag-pb node (directories, shards, symlinks and files in dag-pb). */
  node?: PBNode
}

/** Stat the UnixFS entry at `cid` (dag-pb with UnixFS data, or raw). */
export async function statEntry (store: Pick<Blockstore, 'get'>, cid: CID, options?: AbortOptions): Promise<EntryStat> {
  const bytes = await loadBytes(store, cid, options)
  if (cid.code === raw.code) return { cid, type: 'file', size: bytes.byteLength, cumulativeSize: bytes.byteLength, blocks: 0 }
  if (cid.code !== dagPb.code) throw notUnixFS(cid)
  const where = cid.toString()
  const node = decodeWith(dagPb.code, bytes) as PBNode
  const unixfs = decodeUnixFS(node, where)
  let cumulativeSize = bytes.byteLength
  for (const link of node.Links) cumulativeSize += link.Tsize ?? 0
  const common = {
    cid,
    cumulativeSize,
    blocks: node.Links.length,
    node,
    ...(unixfs.mode === undefined ? {} : { mode: unixfs.mode }),
    ...(unixfs.mtime === undefined ? {} : { mtime: unixfs.mtime })
  }
  switch (unixfs.type) {
    case 'file':
    case 'raw':
      return { ...common, type: 'file', size: filePartOf(node, unixfs, where).size }
    case 'directory':
      return { ...common, type: 'directory', size: unixfs.fileSize ?? 0 }
    case 'hamt-sharded-directory':
      return { ...common, type: 'hamt-directory', size: unixfs.fileSize ?? 0 }
    case 'symlink':
      return { ...common, type: 'symlink', size: unixfs.fileSize ?? 0, target: new TextDecoder().decode(unixfs.data ?? new Uint8Array(0)) }
    default:
      throw new InvalidUnixFSError(`${where}: UnixFS ${unixfs.type} nodes are not supported`)
  }
}
