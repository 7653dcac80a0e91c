/**
 * A UnixFS symlink: its target as data; an mtime but never a mode (Kubo).
 */
import * as dagPb from '@ipld/dag-pb'
import { UnixFSType, encodeUnixFSData } from '../format/unixfs-data.ts'
import type { BlockWriter } from './block-writer.ts'
import type { FilePart } from './file-node.ts'
import type { Mtime } from '../format/unixfs-data.ts'

/** Store a symlink node pointing at `target`. */
export async function writeSymlink (writer: BlockWriter, target: string, mtime?: Mtime): Promise<FilePart> {
  const data = encodeUnixFSData({ type: UnixFSType.Symlink, data: new TextEncoder().encode(target), ...(mtime === undefined ? {} : { mtime }) })
  const bytes = dagPb.encode({ Data: data, Links: [] })
  const { cid } = await writer.dagPb(bytes)
  return { cid, fileSize: 0, dagSize: bytes.byteLength }
}
