/**
 * Recycled byte buffers for an import.
 *
 * Touching fresh memory costs a page fault per 4 KiB; at a gigabyte a
 * second that was a third of a default add's time. Chunks and leaf blocks
 * are therefore taken from this pool and given back once their block is
 * written (never when the blockstore keeps the bytes it is given).
 */

/** A free list of buffers per size, each list bounded. */
export class BufferPool {
  readonly #free = new Map<number, Uint8Array[]>()
  readonly #perSize: number

  constructor (perSize = 32) {
    this.#perSize = perSize
  }

  /** A buffer of exactly `size` bytes, with arbitrary contents. */
  acquire (size: number): Uint8Array {
    return this.#free.get(size)?.pop() ?? new Uint8Array(size)
  }

  /** Give back a buffer nothing references any more. */
  release (buffer: Uint8Array): void {
    if (buffer.byteOffset !== 0 || buffer.byteLength !== buffer.buffer.byteLength) return
    let list = this.#free.get(buffer.byteLength)
    if (list === undefined) {
      list = []
      this.#free.set(buffer.byteLength, list)
    }
    if (list.length < this.#perSize) list.push(buffer)
  }
}
