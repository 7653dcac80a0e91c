/**
 * The dag-pb nodes of a UnixFS file: leaves and the nodes that link them.
 */
import * as dagPb from '@ipld/dag-pb'
import { UnixFSType, encodeUnixFSData } from '../format/unixfs-data.ts'
import { encodeLeafNode } from '../format/leaf-node.ts'
import type { BlockWriter } from './block-writer.ts'
import type { Mtime } from '../format/unixfs-data.ts'
import type { CID } from 'multiformats/cid'

/** A node of a file DAG, as its parent links to it. */
export interface FilePart {
  cid: CID
  /** Bytes of file content under this node. */
  fileSize: number
  /** Encoded bytes of every block under this node, itself included (the link's Tsize). */
  dagSize: number
}

/** Mode and mtime a UnixFS entry may carry. */
export interface EntryMeta {
  mode?: number
  mtime?: Mtime
}

/**
 * Store one chunk as a leaf: a raw block, or a dag-pb node whose UnixFS
 * type is File (balanced) or Raw (trickle), with metadata if it is the root.
 * The chunk becomes the writer's: it is recycled once no longer needed.
 */
export async function writeLeaf (writer: BlockWriter, chunk: Uint8Array, kind: 'raw' | 'file' | 'unixfs-raw', meta: EntryMeta = {}): Promise<FilePart> {
  if (kind === 'raw') {
    const { cid } = await writer.raw(chunk)
    return { cid, fileSize: chunk.byteLength, dagSize: chunk.byteLength }
  }
  const type = kind === 'file' ? UnixFSType.File : UnixFSType.Raw
  const bytes = meta.mode === undefined && meta.mtime === undefined
    ? encodeLeafNode(chunk, type, (size) => writer.pool.acquire(size))
    : dagPb.encode({ Data: encodeUnixFSData({ type, data: chunk, fileSize: chunk.byteLength, ...meta }), Links: [] })
  writer.pool.release(chunk)
  const { cid } = await writer.dagPb(bytes)
  return { cid, fileSize: chunk.byteLength, dagSize: bytes.byteLength }
}

/** Store a File node linking `children` in order. */
export async function writeFileNode (writer: BlockWriter, children: FilePart[], meta: EntryMeta = {}): Promise<FilePart> {
  let fileSize = 0
  let dagSize = 0
  for (const child of children) {
    fileSize += child.fileSize
    dagSize += child.dagSize
  }
  const data = encodeUnixFSData({
    type: UnixFSType.File,
    fileSize,
    blockSizes: children.map((c) => c.fileSize),
    ...meta
  })
  const bytes = dagPb.encode({
    Data: data,
    Links: children.map((c) => ({ Hash: c.cid, Name: '', Tsize: c.dagSize }))
  })
  const { cid } = await writer.dagPb(bytes)
  return { cid, fileSize, dagSize: dagSize + bytes.byteLength }
}
