/**
 * The bytes given to `files write`, read as the DAG modifier needs them:
 * first into existing leaves (a given number of bytes at a time), then the
 * rest as a stream for the chunker. `count` caps the total, as Kubo's
 * `--count`. A chunk from the source is held only until it is consumed, so
 * a source may reuse its buffer once asked for the next chunk.
 */
import type { AbortOptions } from '../../abort.ts'

/** A pull reader over a byte stream, with an optional limit. */
export class ByteReader {
  readonly #source: AsyncIterator<Uint8Array>
  readonly #signal: AbortSignal | undefined
  #current: Uint8Array = new Uint8Array(0)
  #left: number
  #ended = false

  constructor (source: AsyncIterable<Uint8Array>, limit = Infinity, options: AbortOptions = {}) {
    this.#source = source[Symbol.asyncIterator]()
    this.#left = limit
    this.#signal = options.signal
  }

  /** True when no byte remains (the stream ended or the limit was reached). */
  async done (): Promise<boolean> {
    return !await this.#fill()
  }

  /** Fill `target` as far as the bytes go; returns how many were written. */
  async readInto (target: Uint8Array): Promise<number> {
    let n = 0
    while (n < target.byteLength && await this.#fill()) {
      const take = Math.min(target.byteLength - n, this.#current.byteLength)
      target.set(this.#current.subarray(0, take), n)
      this.#consume(take)
      n += take
    }
    return n
  }

  /** Every remaining byte, as a stream. */
  async * rest (): AsyncIterable<Uint8Array> {
    while (await this.#fill()) {
      const chunk = this.#current
      this.#consume(chunk.byteLength)
      yield chunk
    }
  }

  #consume (n: number): void {
    this.#current = this.#current.subarray(n)
    this.#left -= n
  }

  /** Make bytes available; false at the end. */
  async #fill (): Promise<boolean> {
    while (this.#current.byteLength === 0) {
      if (this.#ended || this.#left <= 0) return false
      this.#signal?.throwIfAborted()
      const { value, done } = await this.#source.next()
      if (done === true) {
        this.#ended = true
        return false
      }
      this.#current = value
    }
    if (this.#current.byteLength > this.#left) this.#current = this.#current.subarray(0, this.#left)
    return this.#left > 0
  }
}

/** `size` zero bytes, in pieces of at most 64 KiB (the filler of a sparse extension). */
export async function * zeros (size: number): AsyncIterable<Uint8Array> {
  const piece = new Uint8Array(Math.min(size, 65536))
  for (let left = size; left > 0; left -= piece.byteLength) yield left >= piece.byteLength ? piece : piece.subarray(0, left)
}
