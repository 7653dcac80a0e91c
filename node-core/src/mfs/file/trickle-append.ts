/**
 * Appending to a file DAG in the trickle layout, as boxo's `trickle.Append`
 * does for Kubo's `files write` (through the DAG modifier).
 *
 * This is a port, step for step, so that the same bytes appended to the
 * same DAG give Kubo's CIDs, quirks included: appending to an empty root
 * starts its subtrees one depth deeper than the trickle importer would,
 * and the last subtree of a partly filled layer is not refilled. Leaves are
 * raw blocks, or dag-pb nodes of UnixFS type Raw. Each node is stored when
 * it is linked into its parent; the caller stores the root.
 */
import * as dagPb from '@ipld/dag-pb'
import { loadPbNode } from '../../dag/load.ts'
import { UnixFSType } from '../../unixfs/format/unixfs-data.ts'
import { InvalidUnixFSError } from '../../unixfs/format/errors.ts'
import { writeLeaf } from '../../unixfs/importer/file-node.ts'
import { FsNode, cumulativeSize } from './fs-node.ts'
import type { Batch } from '../batch.ts'
import type { ChunkSource } from '../../unixfs/importer/chunk-source.ts'
import type { BlockWriter } from '../../unixfs/importer/block-writer.ts'
import type { FilePart } from '../../unixfs/importer/file-node.ts'
import type { NodeRef } from './fs-node.ts'

/** Subtrees of each depth (boxo's depthRepeat). */
const DEPTH_REPEAT = 4

/** Where appended data comes from and how it is stored (boxo's DagBuilderHelper). */
export interface TrickleBuilder {
  batch: Batch
  /** Writes nodes with the file's prefix. */
  writer: BlockWriter
  chunks: ChunkSource
  rawLeaves: boolean
  maxLinks: number
  /** Every chunk has the same bytes (a sparse extension's zeros): store each leaf size once. */
  sameChunks?: boolean
}

interface Built {
  ref: NodeRef
  fileSize: number
}

/** Append the builder's chunks to the file node `base` (changed in place, not stored). */
export async function trickleAppend (db: TrickleBuilder, base: FsNode): Promise<void> {
  const info = depthInfo(base, db.maxLinks)
  let depth = info[0]
  const repeat = info[1]
  if (depth === 0) {
    await fillNodeLayer(db, base)
    if (await db.chunks.done()) return
    depth++
  }
  await appendFillLastChild(db, base, depth - 1, repeat)
  if (!await db.chunks.done()) depth++
  for (let i = depth; !await db.chunks.done(); i++) {
    for (let j = 0; j < DEPTH_REPEAT && !await db.chunks.done(); j++) {
      const child = await fillTrickleRec(db, new FsNode(UnixFSType.File), i)
      base.addChild(child.ref, child.fileSize)
    }
  }
}

/** Store a file node; its reference as a parent links it. */
export async function commitNode (writer: BlockWriter, node: FsNode): Promise<NodeRef> {
  const bytes = node.encode()
  const dagSize = cumulativeSize(bytes, node.links)
  const { cid } = await writer.dagPb(bytes)
  return { cid, dagSize }
}

async function appendFillLastChild (db: TrickleBuilder, node: FsNode, depth: number, repeat: number): Promise<void> {
  if (node.numChildren() <= db.maxLinks) return
  const last = node.numChildren() - 1
  const lastChild = await getChild(db, node, last)
  const size = await appendRec(db, lastChild, depth - 1)
  node.removeChild(last)
  node.addChild(await commitNode(db.writer, lastChild), size)
  if (repeat !== 0) {
    for (; repeat < DEPTH_REPEAT && !await db.chunks.done(); repeat++) {
      const child = await fillTrickleRec(db, new FsNode(UnixFSType.File), depth)
      node.addChild(child.ref, child.fileSize)
    }
  }
}

async function appendRec (db: TrickleBuilder, node: FsNode, maxDepth: number): Promise<number> {
  if (maxDepth === 0 || await db.chunks.done()) return node.fileSize()
  const info = depthInfo(node, db.maxLinks)
  let depth = info[0]
  const repeat = info[1]
  if (depth === 0) {
    await fillNodeLayer(db, node)
    depth++
  }
  if (depth === maxDepth) return node.fileSize()
  await appendFillLastChild(db, node, depth, repeat)
  if (!await db.chunks.done()) depth++
  for (let i = depth; i < maxDepth && !await db.chunks.done(); i++) {
    for (let j = 0; j < DEPTH_REPEAT && !await db.chunks.done(); j++) {
      const child = await fillTrickleRec(db, new FsNode(UnixFSType.File), i)
      node.addChild(child.ref, child.fileSize)
    }
  }
  return node.fileSize()
}

async function fillTrickleRec (db: TrickleBuilder, node: FsNode, maxDepth: number): Promise<Built> {
  await fillNodeLayer(db, node)
  for (let depth = 1; maxDepth === -1 || depth < maxDepth; depth++) {
    if (await db.chunks.done()) break
    for (let r = 0; r < DEPTH_REPEAT && !await db.chunks.done(); r++) {
      const child = await fillTrickleRec(db, new FsNode(UnixFSType.File), depth)
      node.addChild(child.ref, child.fileSize)
    }
  }
  return { ref: await commitNode(db.writer, node), fileSize: node.fileSize() }
}

async function fillNodeLayer (db: TrickleBuilder, node: FsNode): Promise<void> {
  while (node.numChildren() < db.maxLinks && !await db.chunks.done()) {
    const leaf = await newLeaf(db)
    node.addChild({ cid: leaf.cid, dagSize: leaf.dagSize }, leaf.fileSize)
  }
}

const sameLeaves = new WeakMap<TrickleBuilder, Map<number, FilePart>>()

async function newLeaf (db: TrickleBuilder): Promise<FilePart> {
  const chunk = await db.chunks.next()
  if (chunk === undefined) throw new Error('trickle append: no chunk left')
  if (db.sameChunks !== true) return await writeLeaf(db.writer, chunk, db.rawLeaves ? 'raw' : 'unixfs-raw')
  let cache = sameLeaves.get(db)
  if (cache === undefined) sameLeaves.set(db, cache = new Map())
  const known = cache.get(chunk.byteLength)
  if (known !== undefined) return known
  const leaf = await writeLeaf(db.writer, chunk, db.rawLeaves ? 'raw' : 'unixfs-raw')
  cache.set(chunk.byteLength, leaf)
  return leaf
}

/** The child at `index`, as a file node to append to (boxo: it must be dag-pb). */
async function getChild (db: TrickleBuilder, node: FsNode, index: number): Promise<FsNode> {
  const link = node.links[index]
  if (link === undefined) throw new InvalidUnixFSError(`file node has no link ${index}`)
  if (link.Hash.code !== dagPb.code) throw new InvalidUnixFSError(`${link.Hash.toString()}: expected a dag-pb node inside a trickle DAG`)
  return FsNode.fromPb(await loadPbNode(db.batch, link.Hash), link.Hash.toString())
}

/** Where a trickle node's filling stopped: the depth of its last subtrees and how many of that depth it has. */
function depthInfo (node: FsNode, maxLinks: number): [number, number] {
  const n = node.numChildren()
  if (n < maxLinks) return [0, 0]
  const nonLeaf = n - maxLinks
  return [Math.floor(nonLeaf / DEPTH_REPEAT) + 1, nonLeaf % DEPTH_REPEAT]
}
