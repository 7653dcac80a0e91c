/**
 * A UnixFS file node being edited: boxo's FSNodeOverDag (the UnixFS data
 * and the dag-pb links together), for the DAG modifier and trickle append.
 *
 * It keeps what Go's protobuf keeps: whether `Data` and `filesize` are
 * present (a present but empty `Data` is written as such), and updates
 * `filesize` the way go-unixfs does, incrementally, so that re-encoding a
 * node gives Kubo's bytes.
 */
import * as dagPb from '@ipld/dag-pb'
import { UnixFSType, encodeUnixFSData } from '../../unixfs/format/unixfs-data.ts'
import { UNIXFS_TYPES, decodeUnixFS } from '../../unixfs/format/unixfs-decode.ts'
import type { Mtime } from '../../unixfs/format/unixfs-data.ts'
import type { PBLink, PBNode } from '@ipld/dag-pb'
import type { CID } from 'multiformats/cid'

/** A stored node as a parent links to it. */
export interface NodeRef {
  cid: CID
  /** Encoded bytes of the node and everything under it (the link's Tsize). */
  dagSize: number
}

/** The mutable UnixFS data and links of one dag-pb file node. */
export class FsNode {
  type: number
  /** The node's own bytes; undefined when the field is absent. */
  data: Uint8Array | undefined
  /** The stored filesize field; undefined when absent. */
  fileSizeField: number | undefined
  blockSizes: number[]
  links: PBLink[]
  mode: number | undefined
  mtime: Mtime | undefined

  constructor (type: number) {
    this.type = type
    this.data = undefined
    this.fileSizeField = 0
    this.blockSizes = []
    this.links = []
    this.mode = undefined
    this.mtime = undefined
  }

  /** The node of a decoded dag-pb block (`where` names it in errors). */
  static fromPb (node: PBNode, where: string): FsNode {
    const unixfs = decodeUnixFS(node, where)
    const fs = new FsNode(UNIXFS_TYPES.indexOf(unixfs.type))
    fs.data = unixfs.data
    fs.fileSizeField = unixfs.fileSize
    fs.blockSizes = [...unixfs.blockSizes]
    fs.links = node.Links.map((l) => ({ ...l }))
    fs.mode = unixfs.mode
    fs.mtime = unixfs.mtime
    return fs
  }

  /** go-unixfs FileSize(): the filesize field for files, the data length for raw and symlink nodes. */
  fileSize (): number {
    if (this.type === UnixFSType.Raw || this.type === UnixFSType.Symlink) return this.data?.byteLength ?? 0
    if (this.type === UnixFSType.File) return this.fileSizeField ?? 0
    return 0
  }

  numChildren (): number {
    return this.blockSizes.length
  }

  updateFileSize (diff: number): void {
    this.fileSizeField = (this.fileSizeField ?? 0) + diff
  }

  /** Append a child link holding `fileSize` bytes of the file. */
  addChild (child: NodeRef, fileSize: number): void {
    this.links.push({ Hash: child.cid, Name: '', Tsize: child.dagSize })
    this.addBlockSize(fileSize)
  }

  /** Record one more child's size (go-unixfs AddBlockSize). */
  addBlockSize (size: number): void {
    this.updateFileSize(size)
    this.blockSizes.push(size)
  }

  removeChild (index: number): void {
    this.updateFileSize(-(this.blockSizes[index] ?? 0))
    this.blockSizes.splice(index, 1)
    this.links.splice(index, 1)
  }

  /** go-unixfs RemoveAllBlockSizes: no blocksizes, filesize back to the own data's length (links stay). */
  removeAllBlockSizes (): void {
    this.blockSizes = []
    this.fileSizeField = this.data?.byteLength ?? 0
  }

  setData (data: Uint8Array): void {
    this.updateFileSize(data.byteLength - (this.data?.byteLength ?? 0))
    this.data = data
  }

  /** The UnixFS Data message, field for field as Go's protobuf writes it. */
  encodeData (): Uint8Array {
    const bytes = encodeUnixFSData({
      type: this.type,
      ...(this.data === undefined ? {} : { data: this.data }),
      ...(this.fileSizeField === undefined ? {} : { fileSize: this.fileSizeField }),
      blockSizes: this.blockSizes,
      ...(this.mode === undefined ? {} : { mode: this.mode }),
      ...(this.mtime === undefined ? {} : { mtime: this.mtime })
    })
    if (this.data === undefined || this.data.byteLength > 0) return bytes
    // a present but empty Data field: encodeUnixFSData leaves it out, Go writes it (tag 0x12, length 0) after the 2-byte Type
    const out = new Uint8Array(bytes.byteLength + 2)
    out.set(bytes.subarray(0, 2))
    out.set([0x12, 0x00], 2)
    out.set(bytes.subarray(2), 4)
    return out
  }

  /** The dag-pb bytes of the node. */
  encode (): Uint8Array {
    return dagPb.encode({ Data: this.encodeData(), Links: this.links })
  }
}

/** The Tsize a parent records for a node of `bytes` with these links. */
export function cumulativeSize (bytes: Uint8Array, links: readonly PBLink[]): number {
  let size = bytes.byteLength
  for (const link of links) size += link.Tsize ?? 0
  return size
}
