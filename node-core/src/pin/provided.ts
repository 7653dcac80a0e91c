/**
 * What Kubo's `Reprovider.Strategy` announces besides `all` (every block):
 * `roots`, the pinned CIDs themselves, direct and recursive; `pinned`,
 * those and every block under each recursive pin. Each block once (by
 * multihash, the DHT's key), read from the local store only; a pinned DAG
 * with a missing or broken block gives what was reached before it, and the
 * next pin follows.
 */
import { multihashKey } from '../block/block.ts'
import { walkDag } from '../dag/walk.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { PinSet } from './pins.ts'
import type { CID } from 'multiformats/cid'

/** The CIDs the `roots` (onlyRoots) or `pinned` strategy announces. */
export async function * pinnedCids (store: Pick<Blockstore, 'get'>, pins: PinSet, onlyRoots: boolean, options: AbortOptions = {}): AsyncIterable<CID> {
  const seen = new Set<string>()
  const first = (cid: CID): boolean => {
    const key = multihashKey(cid)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  }
  const recursive: CID[] = []
  const walked = new Set<string>()
  for await (const pin of pins.list()) {
    options.signal?.throwIfAborted()
    if (first(pin.cid)) yield pin.cid
    if (pin.type === 'recursive' && !onlyRoots) recursive.push(pin.cid)
  }
  for (const root of recursive) {
    try {
      for await (const block of walkDag(store, root, { ...options, seen: walked })) {
        if (first(block.cid)) yield block.cid
      }
    } catch {
      // Missing or undecodable: announce the rest; `pin verify` is where a broken pin is reported.
      options.signal?.throwIfAborted()
    }
  }
}
