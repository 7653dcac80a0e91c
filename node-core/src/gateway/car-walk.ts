/**
 * The blocks of a CAR response, in the order a client can verify them
 * while streaming (IPIP-402, IPIP-412 `order=dfs`): first the blocks read
 * to walk the path, then the DAG at its end as `dag-scope` asks:
 *
 * - `block`: the block at the end of the path alone;
 * - `entity`: what is needed to read that entity: every block of a UnixFS
 *   file (or, with `entity-bytes`, only the blocks that hold the range),
 *   every shard of a HAMT directory, the block itself for anything else;
 * - `all`: the whole DAG under it, depth first, links in order.
 *
 * With `dups` a block is sent each time the walk meets it, else once.
 * Identity CIDs are never sent (their bytes are in the CID). A few blocks
 * ahead of the walk are fetched while the current one is written.
 */
import * as dagPb from '@ipld/dag-pb'
import * as raw from 'multiformats/codecs/raw'
import { IDENTITY_CODE, decodeWith } from '../block/codecs.ts'
import { linksOf } from '../dag/links.ts'
import { loadBytes } from '../dag/load.ts'
import { filePartOf } from '../unixfs/exporter/file-part.ts'
import { decodeUnixFS } from '../unixfs/format/unixfs-decode.ts'
import { shardParams } from '../unixfs/hamt/lookup.ts'
import type { CarOptions } from './negotiate.ts'
import type { ResolvedContent } from './resolve.ts'
import type { AbortOptions } from '../abort.ts'
import type { Block } from '../block/block.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { PBNode } from '@ipld/dag-pb'
import type { CID } from 'multiformats/cid'

/** Blocks fetched ahead of the walk (as many as `cat` reads ahead). */
const READ_AHEAD = 32

/** A block still to visit; `start` is where its bytes begin in the file (file walks). */
interface Pending {
  cid: CID
  start: number
  bytes?: Promise<Uint8Array>
}

/** How a visited block leads on: the children to visit next, in order. */
type Expand = (block: Block, start: number) => Pending[]

/** Every block of the response, in order. */
export async function * carBlocks (store: Pick<Blockstore, 'get'>, resolved: ResolvedContent, car: CarOptions, options: AbortOptions = {}): AsyncIterable<Block> {
  const seen = new Set<string>()
  const fresh = (block: Block): boolean => {
    if (block.cid.multihash.code === IDENTITY_CODE) return false
    const key = block.cid.toString()
    if (!car.dups && seen.has(key)) return false
    seen.add(key)
    return true
  }
  for (const block of resolved.pathBlocks) if (fresh(block)) yield block
  const end: Block = { cid: resolved.cid, bytes: resolved.bytes }
  const expand = car.scope === 'all' ? expandAll : car.scope === 'entity' ? entityExpander(end, car) : undefined
  if (expand === undefined) {
    if (fresh(end)) yield end
    return
  }
  const stack: Pending[] = [{ cid: end.cid, start: 0, bytes: Promise.resolve(end.bytes) }]
  while (stack.length > 0) {
    for (let i = stack.length - 1; i >= Math.max(0, stack.length - READ_AHEAD); i--) {
      const ahead = stack[i] as Pending
      if (ahead.bytes === undefined) {
        ahead.bytes = loadBytes(store, ahead.cid, options)
        ahead.bytes.catch(() => {})
      }
    }
    const next = stack.pop() as Pending
    if (!car.dups && seen.has(next.cid.toString())) continue
    const block = { cid: next.cid, bytes: await (next.bytes as Promise<Uint8Array>) }
    if (fresh(block)) yield block
    const children = expand(block, next.start)
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Pending)
  }
}

/** `dag-scope=all`: every link of every block (blocks of codecs we cannot decode end the walk there). */
const expandAll: Expand = (block) => {
  let links: CID[]
  try {
    links = linksOf(block.cid, block.bytes)
  } catch (err) {
    if ((err as Error).name === 'UnknownCodecError') return []
    throw err
  }
  return links.map((cid) => ({ cid, start: 0 }))
}

/** `dag-scope=entity` for the entity `end`: a file's blocks (in range), a HAMT's shards, or nothing more. */
function entityExpander (end: Block, car: CarOptions): Expand | undefined {
  if (end.cid.code !== dagPb.code) return undefined
  let unixfsType: string
  let node: PBNode
  try {
    node = decodeWith(dagPb.code, end.bytes) as PBNode
    unixfsType = decodeUnixFS(node, end.cid.toString()).type
  } catch {
    return undefined
  }
  if (unixfsType === 'hamt-sharded-directory') {
    const { width } = shardParams(node, end.cid.toString())
    return (block) => {
      const shard = decodeWith(dagPb.code, block.bytes) as PBNode
      return shard.Links.filter((l) => (l.Name ?? '').length === width).map((l) => ({ cid: l.Hash, start: 0 }))
    }
  }
  if (unixfsType !== 'file' && unixfsType !== 'raw') return undefined
  const size = filePartOf(node, decodeUnixFS(node, end.cid.toString()), end.cid.toString()).size
  const range = byteRange(size, car)
  if (range === undefined) return () => []
  const [from, to] = range
  return (block, start) => {
    if (block.cid.code === raw.code || block.cid.code !== dagPb.code) return []
    const where = block.cid.toString()
    const fileNode = decodeWith(dagPb.code, block.bytes) as PBNode
    const part = filePartOf(fileNode, decodeUnixFS(fileNode, where), where)
    const children: Pending[] = []
    let position = start + part.data.byteLength
    part.links.forEach((cid, i) => {
      const childSize = part.sizes[i] ?? 0
      if (childSize > 0 && position <= to && position + childSize - 1 >= from) children.push({ cid, start: position })
      position += childSize
    })
    return children
  }
}

/** The inclusive byte range of a file of `size` bytes that `entity-bytes` asks for; undefined when it holds no byte. */
function byteRange (size: number, car: CarOptions): [number, number] | undefined {
  const wanted = car.entityBytes
  if (wanted === undefined) return size === 0 ? undefined : [0, size - 1]
  const from = wanted.from < 0 ? Math.max(0, size + wanted.from) : wanted.from
  const to = Math.min(size - 1, wanted.to === undefined ? size - 1 : wanted.to < 0 ? size + wanted.to : wanted.to)
  if (from > to || from >= size) return undefined
  return [from, to]
}
