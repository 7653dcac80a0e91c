/**
 * A progress bar on stderr for long operations, redrawn at most 10 times a
 * second, only when stderr is a terminal.
 */
import type { Writable } from 'node:stream'

/** Counts bytes done against a total and draws a bar. */
export class ProgressBar {
  readonly #out: Writable
  readonly #total: number
  readonly #started = Date.now()
  #done = 0
  #lastDraw = 0

  constructor (out: Writable, total: number) {
    this.#out = out
    this.#total = total
  }

  /** Add `n` bytes done. */
  advance (n: number): void {
    this.#done += n
    const now = Date.now()
    if (now - this.#lastDraw >= 100) {
      this.#lastDraw = now
      this.#draw(now)
    }
  }

  /** Draw the final state and end the line. */
  finish (): void {
    this.#draw(Date.now())
    this.#out.write('\n')
  }

  #draw (now: number): void {
    const fraction = this.#total === 0 ? 1 : Math.min(1, this.#done / this.#total)
    const width = 30
    const filled = Math.round(fraction * width)
    const seconds = Math.max(0.001, (now - this.#started) / 1000)
    const rate = humanBytes(this.#done / seconds)
    this.#out.write(`\r${humanBytes(this.#done)} / ${humanBytes(this.#total)} [${'='.repeat(filled)}${' '.repeat(width - filled)}] ${(fraction * 100).toFixed(1)}% ${rate}/s `)
  }
}

/** Bytes as a short human string (KiB, MiB, GiB). */
export function humanBytes (n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = n
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit] ?? 'B'}`
}
