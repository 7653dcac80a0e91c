/**
 * The bytes of an unfinished chunk, carried from one `push` to the next.
 *
 * A content-defined chunker scans its input where it lies; only the bytes
 * of a chunk that a push leaves unfinished are copied here (the caller may
 * reuse its buffer), then once more into the chunk when it is cut.
 */
import type { ChunkBuffers } from './chunker.ts'

/** Buffers of exactly the size asked, freshly allocated. */
export const FRESH_BUFFERS: ChunkBuffers = { acquire: (size) => new Uint8Array(size) }

/** A growable store of the current chunk's earlier bytes. */
export class Carry {
  #bytes: Uint8Array
  #length = 0
  readonly #buffers: ChunkBuffers

  constructor (buffers: ChunkBuffers, initialCapacity: number) {
    this.#buffers = buffers
    this.#bytes = new Uint8Array(Math.max(64, initialCapacity))
  }

  /** How many bytes are carried. */
  get length (): number {
    return this.#length
  }

  /** Keep a copy of `bytes` after those already carried. */
  append (bytes: Uint8Array): void {
    const needed = this.#length + bytes.byteLength
    if (needed > this.#bytes.byteLength) {
      const grown = new Uint8Array(Math.max(needed, this.#bytes.byteLength * 2))
      grown.set(this.#bytes.subarray(0, this.#length))
      this.#bytes = grown
    }
    this.#bytes.set(bytes, this.#length)
    this.#length = needed
  }

  /** The chunk made of the carried bytes then `tail`, in a buffer of its own; the carry empties. */
  take (tail: Uint8Array): Uint8Array {
    const chunk = this.#buffers.acquire(this.#length + tail.byteLength)
    if (this.#length > 0) chunk.set(this.#bytes.subarray(0, this.#length))
    chunk.set(tail, this.#length)
    this.#length = 0
    return chunk
  }
}
