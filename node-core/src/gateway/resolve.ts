/**
 * Walking a content path the way a gateway needs it: besides the CID at
 * the end, the CID of every logical segment (`X-Ipfs-Roots`), the blocks
 * read on the way (a CAR response starts with them, so that a client can
 * verify the path), and the segments left inside a dag-cbor/dag-json value
 * that is not a link (answered with a 501).
 *
 * dag-pb is walked as UnixFS: HAMT-sharded directories by the hash of the
 * name, recording each shard block read; dag-cbor and dag-json by map key
 * and list index. Every block is checked against its CID.
 */
import * as dagPb from '@ipld/dag-pb'
import { CID } from 'multiformats/cid'
import { decodeWith } from '../block/codecs.ts'
import { PathNotFoundError } from '../dag/errors.ts'
import { loadBytes } from '../dag/load.ts'
import { step, unixfsPbLookup } from '../unixfs/exporter/resolve.ts'
import type { AbortOptions } from '../abort.ts'
import type { Block } from '../block/block.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { PBNode } from '@ipld/dag-pb'

/** Where a content path leads. */
export interface ResolvedContent {
  /** The CID the path ends on. */
  cid: CID
  /** The verified bytes of that block. */
  bytes: Uint8Array
  /** The root, then the CID reached by each segment (HAMT shards not included). */
  roots: CID[]
  /** Blocks read to walk the path, in order, the last block excluded. */
  pathBlocks: Block[]
  /** Segments inside the last block that lead to no link. */
  remainder: string[]
}

const DAG_JSON = 0x0129
const DAG_CBOR = 0x71

/** Walk `segments` from `root`; PathNotFoundError names the first segment that leads nowhere. */
export async function resolveContent (store: Pick<Blockstore, 'get'>, root: CID, segments: readonly string[], options: AbortOptions = {}): Promise<ResolvedContent> {
  let cid = root
  let walked = root.toString()
  const roots = [root]
  const pathBlocks: Block[] = []
  const recording: Pick<Blockstore, 'get'> = {
    get: async (c, o) => {
      const bytes = await loadBytes(store, c, o)
      pathBlocks.push({ cid: c, bytes })
      return bytes
    }
  }
  let at = 0
  while (at < segments.length) {
    const bytes = await loadBytes(store, cid, options)
    pathBlocks.push({ cid, bytes })
    if (cid.code === dagPb.code) {
      const name = segments[at++] ?? ''
      const node = decodeWith(dagPb.code, bytes) as PBNode
      const link = await unixfsPbLookup(recording, node, name, walked, options)
      if (link === undefined) throw new PathNotFoundError(`no link named "${name}" under ${walked}`)
      cid = link.Hash
      walked += `/${name}`
      roots.push(cid)
      continue
    }
    if (cid.code !== DAG_CBOR && cid.code !== DAG_JSON) throw new PathNotFoundError(`no link named "${segments[at] ?? ''}" under ${walked}: its codec 0x${cid.code.toString(16)} has no links to follow`)
    let value = decodeWith(cid.code, bytes)
    const start = at
    while (at < segments.length && CID.asCID(value) === null) {
      const segment = segments[at++] ?? ''
      value = step(value, segment, walked)
      walked += `/${segment}`
    }
    const link = CID.asCID(value)
    if (link === null) {
      pathBlocks.pop()
      return { cid, bytes, roots, pathBlocks, remainder: segments.slice(start) }
    }
    cid = link
    roots.push(cid)
  }
  const bytes = await loadBytes(store, cid, options)
  return { cid, bytes, roots, pathBlocks, remainder: [] }
}
