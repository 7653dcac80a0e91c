/**
 * Announcing content on the DHTs, as Kubo's reprovider does: new content
 * when it is added, and everything the strategy covers on an interval.
 * Announcements run a few at a time, each with a deadline; progress is
 * kept for `stats provide` and published as `provide:progress` events.
 */
import type { AbortOptions } from '../abort.ts'
import type { CID } from 'multiformats/cid'

/** Kubo's `Reprovider.Strategy`. */
export type ProvideStrategy = 'all' | 'pinned' | 'roots'

/** Where a reprovide run stands. */
export interface ProvideProgress {
  /** Announcements made in this run (or the last). */
  provided: number
  failed: number
  /** CIDs the run covers, as far as known. */
  total: number
  running: boolean
  /** When the last run ended (ms since the epoch), 0 before the first. */
  lastRun: number
}

/** What the reprovider needs. */
export interface ReproviderInit {
  provide(cid: CID, options: AbortOptions): Promise<void>
  /** The CIDs a strategy covers: `all` every block, `pinned`/`roots` the pin set's. */
  cids(strategy: ProvideStrategy): AsyncIterable<CID>
  strategy: ProvideStrategy
  /** Milliseconds between runs; 0: no periodic runs. */
  intervalMs: number
  /** Called as progress changes. */
  onProgress(progress: ProvideProgress): void
}

/** Announcements in flight at once. */
const CONCURRENCY = 4
/** The longest one announcement may take. */
const PROVIDE_TIMEOUT_MS = 60_000
/** First periodic run after start (the DHTs need peers first). */
const FIRST_RUN_MS = 60_000

/** Announces content. */
export class Reprovider {
  readonly #init: ReproviderInit
  readonly #progress: ProvideProgress = { provided: 0, failed: 0, total: 0, running: false, lastRun: 0 }
  #timer: ReturnType<typeof setTimeout> | undefined
  #controller = new AbortController()

  constructor (init: ReproviderInit) {
    this.#init = init
  }

  start (): void {
    this.#controller = new AbortController()
    if (this.#init.intervalMs > 0) this.#schedule(Math.min(FIRST_RUN_MS, this.#init.intervalMs))
  }

  stop (): void {
    clearTimeout(this.#timer)
    this.#controller.abort(new Error('the node is stopping'))
  }

  progress (): ProvideProgress {
    return { ...this.#progress }
  }

  /**
   * Announce new content now, alongside any run in progress: the roots of
   * what was just added (the rest of it waits for the next run). Under the
   * `pinned` and `roots` strategies only content that was `pinned`.
   */
  async provide (cids: CID[], pinned: boolean): Promise<void> {
    if (this.#init.strategy !== 'all' && !pinned) return
    await this.#announce((async function * () { yield * cids })())
  }

  /** Announce everything the strategy covers. */
  async reprovide (): Promise<void> {
    if (this.#progress.running) return
    Object.assign(this.#progress, { provided: 0, failed: 0, total: 0, running: true })
    try {
      await this.#announce(this.#init.cids(this.#init.strategy))
    } finally {
      this.#progress.running = false
      this.#progress.lastRun = Date.now()
      this.#init.onProgress(this.progress())
    }
  }

  #schedule (ms: number): void {
    this.#timer = setTimeout(() => {
      void this.reprovide().catch(() => {}).finally(() => { if (!this.#controller.signal.aborted) this.#schedule(this.#init.intervalMs) })
    }, ms)
    this.#timer.unref()
  }

  async #announce (cids: AsyncIterable<CID>): Promise<void> {
    const inFlight = new Set<Promise<void>>()
    for await (const cid of cids) {
      if (this.#controller.signal.aborted) break
      this.#progress.total++
      const one = this.#init.provide(cid, { signal: AbortSignal.any([this.#controller.signal, AbortSignal.timeout(PROVIDE_TIMEOUT_MS)]) })
        .then(() => { this.#progress.provided++ }, () => { this.#progress.failed++ })
        .finally(() => {
          inFlight.delete(one)
          this.#init.onProgress(this.progress())
        })
      inFlight.add(one)
      if (inFlight.size >= CONCURRENCY) await Promise.race(inFlight)
    }
    await Promise.all(inFlight)
  }
}
