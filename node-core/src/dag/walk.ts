/**
 * Walking a DAG: every block reachable from a root, each once, depth first
 * in pre-order with links followed in order (`linksOf`), which is the order
 * of Kubo's `dag export` (go-car's traversal with ExploreAllRecursively and
 * no duplicate puts). A block seen again under another parent is skipped
 * with its subtree, which was already walked.
 *
 * The next blocks to visit are loaded ahead (at most `READ_AHEAD` at once),
 * so a walk over a store that fetches from the network keeps many requests
 * in flight; the order of the output does not change.
 */
import { loadBytes } from './load.ts'
import { linksOf } from './links.ts'
import type { AbortOptions } from '../abort.ts'
import type { Block } from '../block/block.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { CID } from 'multiformats/cid'

/** Blocks loaded ahead of the walk. */
const READ_AHEAD = 16

/** Options of a walk. */
export interface WalkOptions extends AbortOptions {
  /**
   * CIDs (as strings) already walked, with their subtrees: skipped, and
   * added to as this walk goes. Shared by walks of several roots, a subtree
   * they have in common is read once.
   */
  seen?: Set<string>
}

/** Every block under `root` (root first), each verified against its CID. */
export async function * walkDag (store: Pick<Blockstore, 'get'>, root: CID, options: WalkOptions = {}): AsyncIterable<Block> {
  const seen = options.seen ?? new Set<string>()
  const stack: CID[] = [root]
  const ahead = new Map<string, Promise<Uint8Array>>()
  const prefetch = (): void => {
    for (let i = stack.length - 1; i >= 0 && ahead.size < READ_AHEAD; i--) {
      const cid = stack[i]
      if (cid === undefined || seen.has(cid.toString()) || ahead.has(cid.toString())) continue
      const loading = loadBytes(store, cid, options)
      loading.catch(() => {})
      ahead.set(cid.toString(), loading)
    }
  }
  for (let cid = stack.pop(); cid !== undefined; cid = stack.pop()) {
    const key = cid.toString()
    if (seen.has(key)) continue
    seen.add(key)
    const loading = ahead.get(key) ?? loadBytes(store, cid, options)
    ahead.delete(key)
    const bytes = await loading
    const links = linksOf(cid, bytes)
    for (let i = links.length - 1; i >= 0; i--) {
      const link = links[i]
      if (link !== undefined && !seen.has(link.toString())) stack.push(link)
    }
    prefetch()
    yield { cid, bytes }
  }
}
