/**
 * Changing a file DAG in place, as boxo's DAG modifier does for Kubo's
 * `files write`: overwriting bytes inside existing leaves (the shape of
 * the DAG never changes) and truncating.
 *
 * Every rewritten node keeps its own CID prefix. Truncation is Kubo's,
 * quirks included: the cut leaf becomes a UnixFS Raw node (losing a mode
 * or mtime it had), and a cut that falls on a leaf boundary keeps an
 * empty leaf there. One deliberate difference: a node holding data of its
 * own besides children (an appended-to single-block file) has its own
 * bytes counted first, where boxo would misplace the write.
 */
import * as dagPb from '@ipld/dag-pb'
import * as raw from 'multiformats/codecs/raw'
import { loadBytes, loadPbNode } from '../../dag/load.ts'
import { UnixFSType } from '../../unixfs/format/unixfs-data.ts'
import { InvalidUnixFSError } from '../../unixfs/format/errors.ts'
import { prefixOf } from '../prefix.ts'
import { FsNode, cumulativeSize } from './fs-node.ts'
import type { Batch } from '../batch.ts'
import type { ByteReader } from './byte-reader.ts'
import type { NodeRef } from './fs-node.ts'
import type { CID } from 'multiformats/cid'

/** The file size of the node `cid`, as go-unixfs reads it. */
export async function fileSizeOf (batch: Batch, cid: CID): Promise<number> {
  if (cid.code === raw.code) return (await loadBytes(batch, cid)).byteLength
  return FsNode.fromPb(await loadPbNode(batch, cid), cid.toString()).fileSize()
}

/** Write bytes from `input` over the file `cid` from `offset`, up to the end of its leaves; returns the new node. */
export async function overwrite (batch: Batch, cid: CID, offset: number, input: ByteReader): Promise<NodeRef> {
  const writer = batch.writer(prefixOf(cid))
  if (cid.code === raw.code) {
    const bytes = new Uint8Array(await loadBytes(batch, cid))
    await input.readInto(bytes.subarray(Math.min(offset, bytes.byteLength)))
    const { cid: next } = await writer.raw(bytes)
    return { cid: next, dagSize: bytes.byteLength }
  }
  const node = await loadPbNode(batch, cid)
  const fs = FsNode.fromPb(node, cid.toString())
  let ownChanged = false
  const own = fs.data?.byteLength ?? 0
  if (offset < own && fs.data !== undefined) {
    const data = new Uint8Array(fs.data)
    await input.readInto(data.subarray(offset))
    fs.data = data
    ownChanged = true
  }
  const links = node.Links.map((l) => ({ ...l }))
  if (links.length === 0) {
    const bytes = dagPb.encode({ Data: fs.encodeData(), Links: [] })
    const { cid: next } = await writer.dagPb(bytes)
    return { cid: next, dagSize: bytes.byteLength }
  }
  let cur = own
  for (let i = 0; i < fs.blockSizes.length && i < links.length; i++) {
    const size = fs.blockSizes[i] ?? 0
    const link = links[i]
    if (link !== undefined && cur + size > offset && !await input.done()) {
      const child = await overwrite(batch, link.Hash, Math.max(0, offset - cur), input)
      links[i] = { ...link, Hash: child.cid }
      offset = cur + size
    }
    cur += size
  }
  const bytes = dagPb.encode({ Data: ownChanged ? fs.encodeData() : node.Data, Links: links })
  const { cid: next } = await writer.dagPb(bytes)
  return { cid: next, dagSize: cumulativeSize(bytes, links) }
}

/** Cut the file `cid` to `size` bytes (less than it holds); returns the new node. */
export async function truncate (batch: Batch, cid: CID, size: number): Promise<NodeRef> {
  const writer = batch.writer(prefixOf(cid))
  if (cid.code === raw.code) {
    const bytes = (await loadBytes(batch, cid)).slice(0, size)
    const { cid: next } = await writer.raw(bytes)
    return { cid: next, dagSize: bytes.byteLength }
  }
  const node = await loadPbNode(batch, cid)
  const fs = FsNode.fromPb(node, cid.toString())
  if (node.Links.length === 0) {
    // go-unixfs WrapData: a Raw node of the remaining bytes, nothing else kept
    const leaf = new FsNode(UnixFSType.Raw)
    leaf.data = fs.data?.subarray(0, size)
    leaf.fileSizeField = leaf.data?.byteLength ?? 0
    const bytes = dagPb.encode({ Data: leaf.encodeData(), Links: [] })
    const { cid: next } = await writer.dagPb(bytes)
    return { cid: next, dagSize: bytes.byteLength }
  }
  const own = fs.data?.byteLength ?? 0
  if (size < own) {
    fs.data = fs.data?.subarray(0, size)
    fs.removeAllBlockSizes()
    fs.links = []
    return await store(writer, fs)
  }
  fs.removeAllBlockSizes()
  let cur = own
  for (let i = 0; i < node.Links.length; i++) {
    const link = node.Links[i] as dagPb.PBLink
    const childSize = await fileSizeOf(batch, link.Hash)
    if (size < cur + childSize) {
      const cut = await truncate(batch, link.Hash, size - cur)
      fs.addBlockSize(size - cur)
      fs.links = [...node.Links.slice(0, i), { Hash: cut.cid, Name: '', Tsize: cut.dagSize }]
      return await store(writer, fs)
    }
    cur += childSize
    fs.addBlockSize(childSize)
  }
  throw new InvalidUnixFSError(`${cid.toString()}: cannot truncate to ${size} bytes, its children hold ${cur}`)
}

async function store (writer: ReturnType<Batch['writer']>, fs: FsNode): Promise<NodeRef> {
  const bytes = fs.encode()
  const dagSize = cumulativeSize(bytes, fs.links)
  const { cid } = await writer.dagPb(bytes)
  return { cid, dagSize }
}
