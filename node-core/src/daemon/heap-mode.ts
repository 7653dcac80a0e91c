/**
 * V8 sized for footprint while the daemon idles, for throughput while it
 * works.
 *
 * `--optimize-for-size` keeps an idle daemon about 45 MB smaller (120 vs
 * 165 MiB resident), but under load it keeps the old generation's headroom
 * so small that V8 marks almost continuously: a 256 MiB gateway read ran
 * 22–26 full collections instead of ~9 and streamed at 270 instead of
 * ~430 MB/s (bench/README.md). V8 reads the flag at every collection, so
 * the daemon turns it off once its process has used more than BUSY_SHARE
 * of a core over a second, and on again after QUIET_MS without that. Lean
 * also hands the old generation's growth back to V8 (Bitswap widens it for
 * transfers: exchange/heap.ts), fast widens it again.
 */
import { setFlagsFromString } from 'node:v8'
import { HEAP_GROWING_PERCENT } from '../exchange/heap.ts'

/** Timings and thresholds (tests shorten them). */
export interface HeapModeOptions {
  /** How often CPU use is sampled. */
  intervalMs?: number
  /** Share of one core (0–1) above which a sample counts as busy. */
  busyShare?: number
  /** Quiet time before going lean again. */
  quietMs?: number
  /** Called when the mode changes. */
  onChange?: (mode: 'lean' | 'fast') => void
}

/** Switches V8 between lean and fast as the daemon's CPU use rises and falls. */
export class HeapMode {
  readonly #interval: number
  readonly #busyShare: number
  readonly #quietMs: number
  readonly #onChange: ((mode: 'lean' | 'fast') => void) | undefined
  #timer: NodeJS.Timeout | undefined
  #mode: 'lean' | 'fast' = 'lean'
  #lastBusy = 0

  constructor (options: HeapModeOptions = {}) {
    this.#interval = options.intervalMs ?? 1000
    this.#busyShare = options.busyShare ?? 0.25
    this.#quietMs = options.quietMs ?? 15_000
    this.#onChange = options.onChange
  }

  get mode (): 'lean' | 'fast' {
    return this.#mode
  }

  start (): void {
    this.#set('lean')
    let previous = process.cpuUsage()
    let at = performance.now()
    this.#timer = setInterval(() => {
      const used = process.cpuUsage(previous)
      const now = performance.now()
      const share = (used.user + used.system) / 1000 / (now - at)
      previous = process.cpuUsage()
      at = now
      if (share > this.#busyShare) {
        this.#lastBusy = now
        this.#set('fast')
      } else if (now - this.#lastBusy > this.#quietMs) {
        this.#set('lean')
      }
    }, this.#interval)
    this.#timer.unref()
  }

  stop (): void {
    clearInterval(this.#timer)
    this.#timer = undefined
  }

  #set (mode: 'lean' | 'fast'): void {
    if (mode === this.#mode && this.#timer !== undefined) return
    this.#mode = mode
    setFlagsFromString(mode === 'lean' ? '--optimize-for-size --heap-growing-percent=0' : `--no-optimize-for-size --heap-growing-percent=${HEAP_GROWING_PERCENT}`)
    this.#onChange?.(mode)
  }
}
