/**
 * Writing and pinning content durably: a pin is recorded only once every
 * block it covers is written and synced (blocks fetched from peers
 * included), and the whole of it runs under the shared GC lock, so no
 * collection sees it half done.
 */
import { pinAdd } from '../pin/pinning.ts'
import type { AbortOptions } from '../abort.ts'
import type { Block } from '../block/block.ts'
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

/** Where content is written and kept. */
export type ContentTarget = Pick<PinContext, 'store' | 'pins' | 'lock'>

/** Run `write` (an import) under the shared GC lock, sync what it wrote, then pin the complete DAGs it returns when `pin`. */
export async function writeAndPin<T extends { cid: CID }> (target: ContentTarget, write: () => Promise<T[]>, pin: boolean): Promise<T[]> {
  return await target.lock.withShared(async () => {
    const roots = await write()
    await target.store.sync()
    if (pin) for (const root of roots) await target.pins.put({ cid: root.cid, type: 'recursive', name: '' })
    return roots
  })
}

/** Store `block` and sync it; with `pin` (a context to read its links through), pin it recursively once durable. One hold of the GC lock. */
export async function storeDurably (target: ContentTarget, block: Block, pin: PinContext | undefined, options: AbortOptions = {}): Promise<void> {
  await target.lock.withShared(async () => {
    await target.store.put(block.cid, block.bytes, options)
    await target.store.sync()
    if (pin !== undefined) await pinAdd(pin.reader, pin.pins, block.cid, { ...options, recursive: true, beforeRecord: async () => { await durable(pin) } })
  })
}
