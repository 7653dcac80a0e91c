/**
 * Kubo's `buzhash` chunker: a rolling hash over a 32-byte window cuts a
 * chunk where the hash's low 17 bits are zero, with chunks of 128 KiB at
 * least and 512 KiB at most. Cut points are decided, as in boxo, on a
 * buffer filled to 512 KiB (or the end of the input): input shorter than
 * 128 KiB at the end is one final chunk.
 */
import { BUZHASH_TABLE } from './buzhash-table.ts'
import type { Chunker } from './chunker.ts'

const MIN = 128 << 10
const MAX = 512 << 10
const MASK = (1 << 17) - 1
const WINDOW = 32

/** Where to cut `buf[0, n)`: the length of the next chunk (n >= MIN). */
export function buzhashCut (buf: Uint8Array, n: number): number {
  let state = 0
  for (let i = MIN - WINDOW; i < MIN; i++) {
    state = ((state << 1) | (state >>> 31)) ^ (BUZHASH_TABLE[buf[i] ?? 0] ?? 0)
  }
  const last = n - WINDOW - 1
  let i = MIN - WINDOW
  for (; i <= last; i++) {
    if ((state & MASK) === 0) break
    state = ((state << 1) | (state >>> 31)) ^ (BUZHASH_TABLE[buf[i] ?? 0] ?? 0) ^ (BUZHASH_TABLE[buf[i + WINDOW] ?? 0] ?? 0)
  }
  return i + WINDOW
}

/** A fresh buzhash chunker. */
export function createBuzhashChunker (): Chunker {
  const buf = new Uint8Array(MAX)
  let filled = 0
  const take = (length: number): Uint8Array => {
    const chunk = buf.slice(0, length)
    buf.copyWithin(0, length, filled)
    filled -= length
    return chunk
  }
  return {
    push (bytes) {
      const out: Uint8Array[] = []
      let offset = 0
      while (offset < bytes.byteLength) {
        const n = Math.min(MAX - filled, bytes.byteLength - offset)
        buf.set(bytes.subarray(offset, offset + n), filled)
        filled += n
        offset += n
        if (filled === MAX) out.push(take(buzhashCut(buf, MAX)))
      }
      return out
    },
    end () {
      const out: Uint8Array[] = []
      while (filled >= MIN) out.push(take(buzhashCut(buf, filled)))
      if (filled > 0) out.push(take(filled))
      return out
    }
  }
}
