/**
 * One `files write`: Kubo's sequence over its DAG modifier, on the file's
 * current DAG (or a new empty file node).
 *
 * 1. `--truncate`: cut the file to zero bytes (a no-op when it is empty).
 * 2. Seek to `--offset`: past the end, the file first grows by zeros, in
 *    4 KiB leaves (boxo's expandSparse).
 * 3. The bytes (at most `--count`) overwrite the leaves from the offset on,
 *    and what goes past the end is appended in the trickle layout with
 *    256 KiB chunks and 174 links per node, whatever `Import.*` says.
 *
 * Kubo flushes its write buffer whenever more than 2 MiB are pending, so
 * the chunking of a longer write there depends on how the upload was read;
 * here one call is one buffer, so the result depends only on the bytes
 * (and equals Kubo's for any write that fits Kubo's buffer).
 */
import * as raw from 'multiformats/codecs/raw'
import { ChunkSource } from '../../unixfs/importer/chunk-source.ts'
import { createFixedSizeChunker } from '../../unixfs/chunker/fixed.ts'
import { loadPbNode } from '../../dag/load.ts'
import { UnixFSType } from '../../unixfs/format/unixfs-data.ts'
import { prefixOf } from '../prefix.ts'
import { ByteReader, zeros } from './byte-reader.ts'
import { FsNode } from './fs-node.ts'
import { fileSizeOf, overwrite, truncate } from './modify.ts'
import { commitNode, trickleAppend } from './trickle-append.ts'
import type { AbortOptions } from '../../abort.ts'
import type { Batch } from '../batch.ts'
import type { CidPrefix } from '../prefix.ts'
import type { NodeRef } from './fs-node.ts'
import type { CID } from 'multiformats/cid'

/** Kubo's MFS chunk size (chunker.DefaultSplitter). */
export const MFS_CHUNK_SIZE = 262144
/** Kubo's links per file node (helpers.DefaultLinksPerBlock). */
export const MFS_MAX_LINKS = 174
/** The leaf size of zeros added by a write past the end (boxo's expandSparse). */
export const SPARSE_CHUNK_SIZE = 4096

/** How one write changes a file. */
export interface FileWrite extends AbortOptions {
  offset: number
  /** At most this many bytes of the source; default all. */
  count?: number
  truncate: boolean
  rawLeaves: boolean
}

/** Store a new, empty file node (Kubo's `FilePBData(nil, 0)`). */
export async function createEmptyFile (batch: Batch, prefix: CidPrefix): Promise<NodeRef> {
  return await commitNode(batch.writer(prefix), new FsNode(UnixFSType.File))
}

/** Apply one write to the file `file`; returns its new root. */
export async function writeFile (batch: Batch, file: NodeRef, source: AsyncIterable<Uint8Array>, options: FileWrite): Promise<NodeRef> {
  let current = file
  if (options.truncate && await fileSizeOf(batch, current.cid) > 0) current = await truncate(batch, current.cid, 0)
  const size = await fileSizeOf(batch, current.cid)
  if (options.offset > size) {
    current = await append(batch, current.cid, zeros(options.offset - size), SPARSE_CHUNK_SIZE, options.rawLeaves, true)
  }
  const input = new ByteReader(source, options.count ?? Infinity, options)
  if (await input.done()) return current
  current = await overwrite(batch, current.cid, options.offset, input)
  if (await input.done()) return current
  return await append(batch, current.cid, input.rest(), MFS_CHUNK_SIZE, options.rawLeaves, false)
}

/** Append `bytes` to the file `cid` in the trickle layout; returns the new root. */
async function append (batch: Batch, cid: CID, bytes: AsyncIterable<Uint8Array>, chunkSize: number, rawLeaves: boolean, sameChunks: boolean): Promise<NodeRef> {
  const prefix = prefixOf(cid)
  const writer = batch.writer(prefix)
  let root: FsNode
  if (cid.code === raw.code) {
    // boxo refuses to append to a raw block; here it becomes the first leaf of a file node
    root = new FsNode(UnixFSType.File)
    root.addChild({ cid, dagSize: await fileSizeOf(batch, cid) }, await fileSizeOf(batch, cid))
  } else {
    root = FsNode.fromPb(await loadPbNode(batch, cid), cid.toString())
  }
  const chunks = new ChunkSource(bytes, createFixedSizeChunker(chunkSize))
  await trickleAppend({ batch, writer, chunks, rawLeaves, maxLinks: MFS_MAX_LINKS, sameChunks }, root)
  return await commitNode(writer, root)
}
