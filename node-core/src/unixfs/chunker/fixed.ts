/**
 * Kubo's `size-N` chunker: cut every N bytes.
 */
import type { ChunkBuffers, Chunker } from './chunker.ts'

const fresh: ChunkBuffers = { acquire: (size) => new Uint8Array(size) }

/** A chunker of fixed `size`-byte chunks; the last may be shorter. */
export function createFixedSizeChunker (size: number, buffers: ChunkBuffers = fresh): Chunker {
  let current = buffers.acquire(size)
  let filled = 0
  return {
    push (bytes) {
      const out: Uint8Array[] = []
      let offset = 0
      while (offset < bytes.byteLength) {
        const take = Math.min(size - filled, bytes.byteLength - offset)
        current.set(bytes.subarray(offset, offset + take), filled)
        filled += take
        offset += take
        if (filled === size) {
          out.push(current)
          current = buffers.acquire(size)
          filled = 0
        }
      }
      return out
    },
    end () {
      if (filled === 0) return []
      const last = current.slice(0, filled)
      filled = 0
      return [last]
    }
  }
}
