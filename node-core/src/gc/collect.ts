/**
 * Garbage collection: mark everything reachable from the pins and the
 * extra roots (the MFS root), then sweep every other block.
 *
 * It runs under the GC lock held exclusively, so no add, fetch, import or
 * pin is half-done while it runs (see lock.ts). Marking reads the local
 * store only; if a pinned DAG is incomplete the collection stops before
 * removing anything, as Kubo's does, rather than guess what is safe.
 * Transfers paused mid-way keep what has arrived (`partialRoots`).
 */
import { multihashKey } from '../block/block.ts'
import { linksOf } from '../dag/links.ts'
import { walkDag } from '../dag/walk.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { PinSet } from '../pin/pins.ts'
import type { GcLock } from './lock.ts'
import type { CID } from 'multiformats/cid'

/** What GC needs. */
export interface GcInit {
  store: Blockstore
  pins: PinSet
  lock: GcLock
  /** Roots kept besides the pins (the MFS root). */
  extraRoots(): Promise<CID[]>
  /** Roots of DAGs still arriving (transfers paused mid-way): what is present of them is kept, what is missing is no error. */
  partialRoots?(): Promise<CID[]>
}

/** One result line of `repo gc`: a removed block. */
export interface GcRemoved {
  cid: CID
  bytes: number
}

/** Collect garbage; yields each block removed. */
export async function * collectGarbage (init: GcInit, options: AbortOptions = {}): AsyncIterable<GcRemoved> {
  const release = await init.lock.exclusive()
  try {
    const marked = new Set<string>()
    const roots: CID[] = [...await init.extraRoots()]
    for await (const pin of init.pins.list()) {
      if (pin.type === 'recursive') roots.push(pin.cid)
      else marked.add(multihashKey(pin.cid))
    }
    const walked = new Set<string>()
    for (const root of roots) {
      if (marked.has(multihashKey(root))) continue
      for await (const block of walkDag(init.store, root, { ...options, seen: walked })) marked.add(multihashKey(block.cid))
    }
    for (const root of await init.partialRoots?.() ?? []) await markPresent(init.store, root, marked, options)
    const doomed: CID[] = []
    for await (const cid of init.store.list(options)) if (!marked.has(multihashKey(cid))) doomed.push(cid)
    for (const cid of doomed) {
      options.signal?.throwIfAborted()
      const bytes = await init.store.size(cid, options)
      await init.store.delete(cid, options)
      yield { cid, bytes }
    }
  } finally {
    release()
  }
}

/** Mark every block of `root`'s DAG that is in the store, following links only from blocks present. */
async function markPresent (store: Blockstore, root: CID, marked: Set<string>, options: AbortOptions): Promise<void> {
  const stack = [root]
  for (let cid = stack.pop(); cid !== undefined; cid = stack.pop()) {
    const key = multihashKey(cid)
    if (marked.has(key) || !await store.has(cid, options)) continue
    marked.add(key)
    stack.push(...linksOf(cid, await store.get(cid, options)))
  }
}
