/**
 * What a UnixFS node is: its type, size, mode and mtime.
 */
import * as dagPb from '@ipld/dag-pb'
import * as raw from 'multiformats/codecs/raw'
import { UnknownCodecError } from '../../block/errors.ts'
import { loadBytes, loadPbNode } from '../../dag/load.ts'
import { decodeUnixFS } from '../format/unixfs-decode.ts'
import type { AbortOptions } from '../../abort.ts'
import type { Blockstore } from '../../block/blockstore.ts'
import type { Mtime } from '../format/unixfs-data.ts'
import type { PBNode } from '@ipld/dag-pb'
import type { CID } from 'multiformats/cid'

/** A node as `ls` and `get` need it. */
export interface EntryStat {
  type: 'file' | 'directory' | 'hamt-directory' | 'symlink'
  /** File size in bytes (0 for directories). */
  size: number
  mode?: number
  mtime?: Mtime
  /** The dag-pb node, for directories and symlinks. */
  node?: PBNode
  /** The symlink target. */
  target?: string
}

/**
 * The mode ipfs-unixfs reports when a node stores none. A node that stores
 * exactly this mode is reported without one, which only means that `get`
 * leaves such a file's permissions to the umask.
 */
function defaultMode (type: string): number {
  return type === 'directory' || type === 'hamt-sharded-directory' ? 0o755 : 0o644
}

/** Stat the UnixFS node at `cid`. */
export async function statEntry (store: Pick<Blockstore, 'get'>, cid: CID, options?: AbortOptions): Promise<EntryStat> {
  if (cid.code === raw.code) return { type: 'file', size: (await loadBytes(store, cid, options)).byteLength }
  if (cid.code !== dagPb.code) throw new UnknownCodecError(`${cid.toString()} is not UnixFS (codec 0x${cid.code.toString(16)})`)
  const node = await loadPbNode(store, cid, options)
  const unixfs = decodeUnixFS(node, cid.toString())
  const meta = {
    ...(unixfs.mode !== undefined && unixfs.mode !== defaultMode(unixfs.type) ? { mode: unixfs.mode } : {}),
    ...(unixfs.mtime === undefined ? {} : { mtime: { secs: Number(unixfs.mtime.secs), nsecs: unixfs.mtime.nsecs ?? 0 } })
  }
  switch (unixfs.type) {
    case 'directory': return { type: 'directory', size: 0, node, ...meta }
    case 'hamt-sharded-directory': return { type: 'hamt-directory', size: 0, node, ...meta }
    case 'symlink': return { type: 'symlink', size: 0, node, target: new TextDecoder().decode(unixfs.data ?? new Uint8Array(0)), ...meta }
    default: return { type: 'file', size: Number(unixfs.fileSize()), ...meta }
  }
}
