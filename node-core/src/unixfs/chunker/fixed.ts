/**
 * Kubo's `size-N` chunker (boxo chunker/splitting.go, SizeSplitter): cut
 * every N bytes, the last chunk shorter. An empty input gives no chunk at
 * all, as Kubo's splitter returns io.EOF at once (the importer then makes
 * the empty file's node itself).
 *
 * Every byte is copied once, straight into the chunk that keeps it. A tail
 * shorter than N (a small file, or the end of a large one) is kept in a
 * buffer of its own size; only if more bytes come is it moved into a full
 * chunk buffer, so a small file never costs an N-byte buffer.
 */
import { FRESH_BUFFERS } from './carry.ts'
import type { ChunkBuffers, Chunker } from './chunker.ts'

/** A chunker of fixed `size`-byte chunks; the last may be shorter. */
export function createFixedSizeChunker (size: number, buffers: ChunkBuffers = FRESH_BUFFERS): Chunker {
  if (!Number.isSafeInteger(size) || size <= 0) throw new RangeError(`chunk size must be a positive integer, got ${size}`)
  /** The chunk being filled: a full-size buffer, or an exact-size tail when `filled` is its length. */
  let current: Uint8Array | undefined
  let filled = 0

  const full = (): Uint8Array => {
    if (current === undefined) return buffers.acquire(size)
    if (current.byteLength === size) return current
    const grown = buffers.acquire(size)
    grown.set(current)
    return grown
  }

  return {
    push (bytes) {
      const out: Uint8Array[] = []
      const end = bytes.byteLength
      let offset = 0
      while (end - offset >= size - filled) {
        const chunk = full()
        chunk.set(bytes.subarray(offset, offset + size - filled), filled)
        offset += size - filled
        out.push(chunk)
        current = undefined
        filled = 0
      }
      if (offset < end) {
        if (filled === 0) {
          current = bytes.slice(offset)
        } else {
          current = full()
          current.set(bytes.subarray(offset), filled)
        }
        filled += end - offset
      }
      return out
    },
    end () {
      if (current === undefined || filled === 0) return []
      const last = current.byteLength === filled ? current : current.subarray(0, filled)
      current = undefined
      filled = 0
      return [last]
    }
  }
}
