/**
 * Automatic garbage collection: every `Datastore.GCPeriod` the repo's size
 * is compared with `Datastore.StorageMax` × `StorageGCWatermark`%, and a
 * collection runs when it is over, as Kubo's daemon does with --enable-gc.
 */
import type { Blockstore } from '../block/blockstore.ts'

/** What automatic GC needs. */
export interface AutoGcInit {
  store: Pick<Blockstore, 'list' | 'size'>
  /** Bytes above which a collection runs. */
  thresholdBytes: number
  /** Milliseconds between checks; 0 turns automatic GC off. */
  periodMs: number
  /** Run one collection; resolves with the bytes freed. */
  collect(): Promise<number>
  /** Told of each automatic collection. */
  onCollected?(freed: number, sizeBefore: number): void
}

/** The repo's size in bytes (sum of block sizes). */
export async function repoSize (store: Pick<Blockstore, 'list' | 'size'>): Promise<number> {
  let size = 0
  for await (const cid of store.list()) size += await store.size(cid)
  return size
}

/** Checks the repo size on a timer and collects when it is over the watermark. */
export class AutoGc {
  readonly #init: AutoGcInit
  #timer: ReturnType<typeof setInterval> | undefined
  #running = false

  constructor (init: AutoGcInit) {
    this.#init = init
  }

  start (): void {
    if (this.#init.periodMs <= 0) return
    this.#timer = setInterval(() => { void this.check() }, this.#init.periodMs)
    this.#timer.unref()
  }

  stop (): void {
    clearInterval(this.#timer)
  }

  /** Collect now if the repo is over the watermark; returns the bytes freed. */
  async check (): Promise<number> {
    if (this.#running) return 0
    this.#running = true
    try {
      const size = await repoSize(this.#init.store)
      if (size <= this.#init.thresholdBytes) return 0
      const freed = await this.#init.collect()
      this.#init.onCollected?.(freed, size)
      return freed
    } finally {
      this.#running = false
    }
  }
}
