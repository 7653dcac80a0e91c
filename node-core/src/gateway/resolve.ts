/**
 * Walking a content path the way a gateway needs it: besides the CID at
 * the end, the CID of every logical segment (`X-Ipfs-Roots`), the blocks
 * read on the way (a CAR response starts with them, so that a client can
 * verify the path), and the segments left inside a dag-cbor/dag-json value
 * that is not a link (answered with a 501).
 *
 * The walk is the one `cat` and `dag get` use (`unixfs/exporter/resolve.ts`:
 * UnixFS directories and HAMT shards by name, dag-cbor and dag-json by map
 * key and list index), over a store that records each block it reads, so
 * shard blocks are among the path's blocks. Every block is checked against
 * its CID.
 */
import { UnknownCodecError } from '../block/errors.ts'
import { PathNotFoundError } from '../dag/errors.ts'
import { loadBytes } from '../dag/load.ts'
import { resolvePath } from '../unixfs/exporter/resolve.ts'
import type { AbortOptions } from '../abort.ts'
import type { Block } from '../block/block.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { CID } from 'multiformats/cid'

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

/** Walk `segments` from `root`; PathNotFoundError names the first segment that leads nowhere. */
export async function resolveContent (store: Pick<Blockstore, 'get'>, root: CID, segments: readonly string[], options: AbortOptions = {}): Promise<ResolvedContent> {
  const roots = [root]
  const pathBlocks: Block[] = []
  const recording: Pick<Blockstore, 'get'> = {
    get: async (cid, o) => {
      const bytes = await loadBytes(store, cid, o)
      pathBlocks.push({ cid, bytes })
      return bytes
    }
  }
  let resolved
  try {
    resolved = await resolvePath(recording, { root, segments: [...segments] }, { ...options, onLink: (c) => roots.push(c) })
  } catch (err) {
    // a path through a block no codec here reads leads nowhere this gateway can follow: a 404, as any missing link
    if (err instanceof UnknownCodecError) throw new PathNotFoundError(`${[root.toString(), ...segments].join('/')}: a block on the way has no links to follow (${err.message})`, { cause: err })
    throw err
  }
  const { cid, remainder } = resolved
  // A path that ends inside a block read that block last: it is the answer, not a step on the way.
  const last = remainder.length > 0 && pathBlocks.at(-1)?.cid.equals(cid) === true ? pathBlocks.pop() : undefined
  return { cid, bytes: last?.bytes ?? await loadBytes(store, cid, options), roots, pathBlocks, remainder }
}
