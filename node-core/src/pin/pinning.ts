/**
 * `pin add|rm|ls|verify|update`, as Kubo does them.
 *
 * A recursive pin is recorded only after every block under its root has
 * been read (fetched if the store is online) and verified, so a pin never
 * promises content the repo does not hold. Indirect pins are the blocks
 * reachable from recursive pins, computed on demand from the local store.
 */
import { loadBytes } from '../dag/load.ts'
import { walkDag } from '../dag/walk.ts'
import { AlreadyPinnedError, NotPinnedError } from './errors.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { Pin, PinSet, PinType } from './pins.ts'
import type { CID } from 'multiformats/cid'

/** Options of `pin add`. */
export interface PinAddOptions extends AbortOptions {
  /** Default true. */
  recursive?: boolean
  name?: string
  /** Blocks read so far (recursive pins). */
  onProgress?(blocks: number): void
  /** Runs after every block was read and before the pin is recorded: make them durable here. */
  beforeRecord?(): Promise<void>
}

/** Pin `cid`; returns the pin recorded. */
export async function pinAdd (store: Pick<Blockstore, 'get'>, pins: PinSet, cid: CID, options: PinAddOptions = {}): Promise<Pin> {
  const recursive = options.recursive ?? true
  const existing = await pins.get(cid)
  if (!recursive && existing?.type === 'recursive') throw new AlreadyPinnedError(`${cid.toString()} is already pinned recursively`)
  if (recursive) {
    let blocks = 0
    for await (const block of walkDag(store, cid, options)) {
      void block
      options.onProgress?.(++blocks)
    }
  } else {
    await store.get(cid, options)
  }
  const pin: Pin = { cid, type: recursive ? 'recursive' : 'direct', name: options.name ?? existing?.name ?? '' }
  await options.beforeRecord?.()
  await pins.put(pin)
  return pin
}

/** Unpin `cid`; NotPinnedError unless it is pinned (recursively, or directly when `recursive` is false). */
export async function pinRm (pins: PinSet, cid: CID, recursive = true): Promise<void> {
  const existing = await pins.get(cid)
  if (existing === undefined) throw new NotPinnedError(`${cid.toString()} is not pinned or pinned indirectly`)
  if (existing.type === 'recursive' && !recursive) throw new AlreadyPinnedError(`${cid.toString()} is pinned recursively`)
  await pins.delete(cid)
}

/** What `pin ls` lists. */
export type PinFilter = 'all' | PinType | 'indirect'

/** One line of `pin ls`. */
export interface PinListing {
  cid: CID
  type: PinType | 'indirect'
  name: string
  /** For an indirect pin asked about by CID: the recursive pin it is under. */
  via?: CID
}

/** Every block reachable below the recursive pins (not the roots), with the root it is under. */
async function indirect (store: Pick<Blockstore, 'get'>, pins: PinSet, options: AbortOptions): Promise<Map<string, { cid: CID, via: CID }>> {
  const roots: CID[] = []
  for await (const pin of pins.list()) if (pin.type === 'recursive') roots.push(pin.cid)
  const rootKeys = new Set(roots.map((c) => c.toV1().toString()))
  const found = new Map<string, { cid: CID, via: CID }>()
  for (const root of roots) {
    for await (const block of walkDag(store, root, options)) {
      const key = block.cid.toV1().toString()
      if (!rootKeys.has(key) && !found.has(key)) found.set(key, { cid: block.cid, via: root })
    }
  }
  return found
}

/** `pin ls [--type] [<cid>...]` */
export async function * pinLs (store: Pick<Blockstore, 'get'>, pins: PinSet, type: PinFilter = 'all', cids: CID[] = [], options: AbortOptions = {}): AsyncIterable<PinListing> {
  if (cids.length > 0) {
    let reachable: Map<string, { cid: CID, via: CID }> | undefined
    for (const cid of cids) {
      const pin = await pins.get(cid)
      if (pin !== undefined && (type === 'all' || type === pin.type)) {
        yield { cid, type: pin.type, name: pin.name }
        continue
      }
      if (type === 'all' || type === 'indirect') {
        reachable ??= await indirect(store, pins, options)
        const hit = reachable.get(cid.toV1().toString())
        if (hit !== undefined) {
          yield { cid, type: 'indirect', name: '', via: hit.via }
          continue
        }
      }
      throw new NotPinnedError(`${cid.toString()} is not pinned${type === 'all' ? '' : ` as ${type}`}`)
    }
    return
  }
  if (type !== 'indirect') {
    for await (const pin of pins.list()) if (type === 'all' || type === pin.type) yield { cid: pin.cid, type: pin.type, name: pin.name }
  }
  if (type === 'all' || type === 'indirect') {
    for (const { cid, via } of (await indirect(store, pins, options)).values()) yield { cid, type: 'indirect', name: '', via }
  }
}

/** One result of `pin verify`. */
export interface PinCheck {
  cid: CID
  ok: boolean
  /** The first missing or corrupt block under it, and why. */
  problem?: string
}

/** Check that every pinned block is present and hashes to its CID. */
export async function * pinVerify (store: Pick<Blockstore, 'get'>, pins: PinSet, options: AbortOptions = {}): AsyncIterable<PinCheck> {
  for await (const pin of pins.list()) {
    try {
      if (pin.type === 'recursive') {
        for await (const block of walkDag(store, pin.cid, options)) void block
      } else {
        await loadBytes(store, pin.cid, options)
      }
      yield { cid: pin.cid, ok: true }
    } catch (err) {
      yield { cid: pin.cid, ok: false, problem: `${(err as Error).name}: ${(err as Error).message}` }
    }
  }
}

/** `pin update <from> <to>`: pin `to` recursively, then (with `unpin`) drop `from`. */
export async function pinUpdate (store: Pick<Blockstore, 'get'>, pins: PinSet, from: CID, to: CID, unpin = true, options: PinAddOptions = {}): Promise<void> {
  const existing = await pins.get(from)
  if (existing?.type !== 'recursive') throw new NotPinnedError(`${from.toString()} is not pinned recursively`)
  await pinAdd(store, pins, to, { ...options, recursive: true, name: existing.name })
  if (unpin && from.toV1().toString() !== to.toV1().toString()) await pins.delete(from)
}
