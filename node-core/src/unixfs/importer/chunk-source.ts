/**
 * A file's chunks, pulled one at a time, with a look ahead of one.
 *
 * Reads the file's byte stream through a Chunker; layouts ask for the next
 * chunk and whether any remain (Kubo's `db.Done()`).
 */
import type { Chunker } from '../chunker/chunker.ts'

/** Pulls chunks from a byte stream. */
export class ChunkSource {
  readonly #bytes: AsyncIterator<Uint8Array>
  readonly #chunker: Chunker
  readonly #queue: Uint8Array[] = []
  readonly #onBytes: (n: number) => void
  #ended = false

  constructor (bytes: AsyncIterable<Uint8Array>, chunker: Chunker, onBytes: (n: number) => void = () => {}) {
    this.#bytes = bytes[Symbol.asyncIterator]()
    this.#chunker = chunker
    this.#onBytes = onBytes
  }

  /** True when no chunk remains. */
  async done (): Promise<boolean> {
    await this.#fill()
    return this.#queue.length === 0
  }

  /** The next chunk, or undefined at the end. */
  async next (): Promise<Uint8Array | undefined> {
    await this.#fill()
    const chunk = this.#queue.shift()
    if (chunk !== undefined) this.#onBytes(chunk.byteLength)
    return chunk
  }

  async #fill (): Promise<void> {
    while (this.#queue.length === 0 && !this.#ended) {
      const { value, done } = await this.#bytes.next()
      if (done === true) {
        this.#ended = true
        this.#queue.push(...this.#chunker.end())
      } else {
        this.#queue.push(...this.#chunker.push(value))
      }
    }
  }
}
