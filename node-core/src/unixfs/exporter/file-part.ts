/**
 * One node of a file DAG, checked: the bytes it holds itself, its children
 * and the size of each, and its total size.
 *
 * A raw block is all data. A dag-pb node must carry UnixFS `file` (or
 * `raw`) data with one blocksize per link, and a stored `filesize` that
 * equals its data plus its blocksizes; anything else is an
 * InvalidUnixFSError — or, for the node a read starts at, a NotAFileError
 * when it is a directory or a symlink, in Kubo's words.
 */
import * as dagPb from '@ipld/dag-pb'
import * as raw from 'multiformats/codecs/raw'
import { loadBytes } from '../../dag/load.ts'
import { decodeWith } from '../../block/codecs.ts'
import { InvalidUnixFSError } from '../format/errors.ts'
import { decodeUnixFS } from '../format/unixfs-decode.ts'
import { NotAFileError } from './errors.ts'
import type { AbortOptions } from '../../abort.ts'
import type { Blockstore } from '../../block/blockstore.ts'
import type { UnixFSNode } from '../format/unixfs-decode.ts'
import type { PBNode } from '@ipld/dag-pb'
import type { CID } from 'multiformats/cid'

/** A checked node of a file DAG. */
export interface FilePart {
  /** Bytes held in the node itself; they come before its children's. */
  data: Uint8Array
  /** The children, in file order. */
  links: CID[]
  /** The file bytes under each child. */
  sizes: number[]
  /** data + all children. */
  size: number
}

/** The file part of a decoded dag-pb node whose UnixFS data is `unixfs`. */
export function filePartOf (node: PBNode, unixfs: UnixFSNode, where: string): FilePart {
  if (unixfs.type !== 'file' && unixfs.type !== 'raw') throw new InvalidUnixFSError(`${where}: a ${unixfs.type} node inside a file`)
  if (unixfs.blockSizes.length !== node.Links.length) {
    throw new InvalidUnixFSError(`${where}: ${node.Links.length} links but ${unixfs.blockSizes.length} blocksizes`)
  }
  const data = unixfs.data ?? new Uint8Array(0)
  let size = data.byteLength
  for (const s of unixfs.blockSizes) size += s
  if (!Number.isSafeInteger(size)) throw new InvalidUnixFSError(`${where}: file size past 2^53`)
  if (unixfs.fileSize !== undefined && unixfs.fileSize !== size) {
    throw new InvalidUnixFSError(`${where}: filesize ${unixfs.fileSize} but data and blocksizes add up to ${size}`)
  }
  return { data, links: node.Links.map((l) => l.Hash), sizes: unixfs.blockSizes, size }
}

/**
 * Load and check the file node `cid`. With `top`, it is where the read
 * starts, and a directory or symlink there is a NotAFileError.
 */
export async function loadFilePart (store: Pick<Blockstore, 'get'>, cid: CID, top: boolean, options?: AbortOptions): Promise<FilePart> {
  const where = cid.toString()
  const bytes = await loadBytes(store, cid, options)
  if (cid.code === raw.code) return { data: bytes, links: [], sizes: [], size: bytes.byteLength }
  if (cid.code !== dagPb.code) throw notUnixFS(cid)
  const node = decodeWith(dagPb.code, bytes) as PBNode
  const unixfs = decodeUnixFS(node, where)
  if (top && unixfs.type !== 'file' && unixfs.type !== 'raw') {
    const what = unixfs.type === 'symlink' ? 'a symlink' : unixfs.type === 'metadata' ? 'a metadata node' : 'a directory'
    throw new NotAFileError(`this dag node is ${what}: ${where}`)
  }
  return filePartOf(node, unixfs, where)
}

/** The error for a CID whose codec is neither dag-pb nor raw. */
export function notUnixFS (cid: CID): InvalidUnixFSError {
  return new InvalidUnixFSError(`${cid.toString()} is not UnixFS: its codec is 0x${cid.code.toString(16)}, not dag-pb or raw`)
}
