/**
 * A bounded time series: the last `capacity` points of one or more values
 * over time, kept in fixed typed arrays (a ring), so ten minutes of samples
 * a second cost the same memory after an hour as after a minute.
 */

/** Points of a series in time order: `[times (s), ...values]`, as uPlot draws them. */
export type SeriesData = [Float64Array, ...Float64Array[]]

/** A ring of `capacity` points, each a time (seconds) and `width` values. */
export class RingSeries {
  readonly capacity: number
  readonly width: number
  private readonly times: Float64Array
  private readonly values: Float64Array[]
  private start = 0
  private count = 0
  /** Bumped on every change, so a reader can tell it has new points. */
  version = 0

  constructor (capacity: number, width: number) {
    if (!(capacity > 0) || !(width > 0)) throw new RangeError('a series needs room for at least one point of one value')
    this.capacity = capacity
    this.width = width
    this.times = new Float64Array(capacity)
    this.values = Array.from({ length: width }, () => new Float64Array(capacity))
  }

  /** How many points it holds. */
  get length (): number {
    return this.count
  }

  /** Add a point at `time` (seconds); the oldest point goes when the ring is full. */
  push (time: number, ...values: number[]): void {
    const at = (this.start + this.count) % this.capacity
    this.times[at] = time
    for (let i = 0; i < this.width; i++) (this.values[i] as Float64Array)[at] = values[i] ?? 0
    if (this.count < this.capacity) this.count++
    else this.start = (this.start + 1) % this.capacity
    this.version++
  }

  /** The newest point's time and values, or undefined when empty. */
  last (): { time: number, values: number[] } | undefined {
    if (this.count === 0) return undefined
    const at = (this.start + this.count - 1) % this.capacity
    return { time: this.times[at] ?? 0, values: this.values.map((v) => v[at] ?? 0) }
  }

  /** The points at or after `since` (seconds; all when omitted), oldest first, as fresh arrays. */
  data (since = -Infinity): SeriesData {
    let skip = 0
    while (skip < this.count && (this.times[(this.start + skip) % this.capacity] ?? 0) < since) skip++
    const n = this.count - skip
    const out: SeriesData = [new Float64Array(n), ...this.values.map(() => new Float64Array(n))]
    for (let k = 0; k < n; k++) {
      const at = (this.start + skip + k) % this.capacity
      out[0][k] = this.times[at] ?? 0
      for (let i = 0; i < this.width; i++) (out[i + 1] as Float64Array)[k] = (this.values[i] as Float64Array)[at] ?? 0
    }
    return out
  }

  /** The smallest and largest of value `index` at or after `since` (seconds), or undefined when there is none. */
  extent (index: number, since = -Infinity): { min: number, max: number } | undefined {
    const column = this.values[index]
    if (column === undefined) return undefined
    let min = Infinity
    let max = -Infinity
    for (let k = 0; k < this.count; k++) {
      const at = (this.start + k) % this.capacity
      if ((this.times[at] ?? 0) < since) continue
      const v = column[at] ?? 0
      if (v < min) min = v
      if (v > max) max = v
    }
    return min > max ? undefined : { min, max }
  }

  /** Forget every point. */
  clear (): void {
    this.start = 0
    this.count = 0
    this.version++
  }
}
