/**
 * Walking a DAG: every block reachable from a root, each once, depth first
 * in pre-order with links followed in order (`linksOf`), which is the order
 * of Kubo's `dag export` (go-car's traversal with ExploreAllRecursively and
 * no duplicate puts). A block seen again under another parent is skipped
 * with its subtree, which was already walked.
 */
import { loadBytes } from './load.ts'
import { linksOf } from './links.ts'
import type { AbortOptions } from '../abort.ts'
import type { Block } from '../block/block.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { CID } from 'multiformats/cid'

/** Every block under `root` (root first), each verified against its CID. */
export async function * walkDag (store: Pick<Blockstore, 'get'>, root: CID, options?: AbortOptions): AsyncIterable<Block> {
  const seen = new Set<string>()
  const stack: CID[] = [root]
  for (let cid = stack.pop(); cid !== undefined; cid = stack.pop()) {
    const key = cid.toString()
    if (seen.has(key)) continue
    seen.add(key)
    const bytes = await loadBytes(store, cid, options)
    yield { cid, bytes }
    const links = linksOf(cid, bytes)
    for (let i = links.length - 1; i >= 0; i--) {
      const link = links[i]
      if (link !== undefined && !seen.has(link.toString())) stack.push(link)
    }
  }
}
