/**
 * Pinning content that may arrive from peers: the pin is recorded only
 * once every block it covers is written and synced, and the whole of it
 * runs under the shared GC lock, so no collection sees it half done.
 */
import { pinAdd } from '../pin/pinning.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { GcLock } from './lock.ts'
import type { PinAddOptions } from '../pin/pinning.ts'
import type { Pin, PinSet } from '../pin/pins.ts'
import type { CID } from 'multiformats/cid'

/** What pins and GC work on: a node's (reading through peers), or an offline repo's. */
export interface PinContext {
  /** Where pinned DAGs are read from (online: fetched if missing). */
  reader: Pick<Blockstore, 'get'>
  /** Resolves once what `reader` fetched is in `store` (an online reader writes beside its answers). */
  fetched?: () => Promise<void>
  store: Blockstore
  pins: PinSet
  lock: GcLock
}

/** Every block read so far is written and synced: a pin may now promise it. */
export async function durable (ctx: PinContext): Promise<void> {
  await ctx.fetched?.()
  await ctx.store.sync()
}

/** Pin `cid` (its whole DAG unless `recursive` is false); the pin is durable when this resolves. */
export async function pinDurably (ctx: PinContext, cid: CID, options: Omit<PinAddOptions, 'beforeRecord'> = {}): Promise<Pin> {
  return await ctx.lock.withShared(async () => await pinAdd(ctx.reader, ctx.pins, cid, { ...options, beforeRecord: async () => { await durable(ctx) } }))
}
