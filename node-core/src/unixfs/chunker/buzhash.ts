/**
 * Kubo's `buzhash` chunker (boxo chunker/buzhash.go), cut for cut.
 *
 * A cyclic-polynomial rolling hash of the last 32 bytes: each byte adds
 * its BUZHASH_TABLE entry, and every step rotates the hash left by one bit,
 * so a byte 32 steps old has turned full circle and XORs itself out. The
 * first 128 KiB − 32 bytes of a chunk are not hashed; then a chunk ends
 * after the first byte, from its 128 KiB-th on, that leaves the hash's low
 * 17 bits zero, or at 512 KiB. Boxo decides this on a 512 KiB buffer refilled
 * after each cut, which comes to the same cuts as deciding byte by byte:
 * what is left at the end of the input is the last chunk, and nothing is
 * left over as an empty chunk (go-ipfs-chunker#22 fixed that).
 */
import { BUZHASH_TABLE } from './buzhash-table.ts'
import { Carry, FRESH_BUFFERS } from './carry.ts'
import type { ChunkBuffers, Chunker } from './chunker.ts'

/** Smallest chunk but the last (buzMin). */
export const BUZHASH_MIN = 128 << 10
/** Largest chunk (buzMax). */
export const BUZHASH_MAX = 512 << 10
/** The hash bits that must be zero for a cut (buzMask). */
export const BUZHASH_MASK = (1 << 17) - 1
/** Bytes in the rolling hash's window. */
export const BUZHASH_WINDOW = 32

const EMPTY = new Uint8Array(0)
const SKIP = BUZHASH_MIN - BUZHASH_WINDOW

/** A fresh buzhash chunker. */
export function createBuzhashChunker (buffers: ChunkBuffers = FRESH_BUFFERS): Chunker {
  const table = BUZHASH_TABLE
  const carry = new Carry(buffers, 1 << 16)
  /** The BUZHASH_WINDOW bytes just before the current push, oldest first. */
  const before = new Uint8Array(BUZHASH_WINDOW)

  let count = 0 // bytes in the current chunk
  let skip = SKIP // bytes still to count without hashing
  let hashed = 0 // bytes hashed in the current chunk
  let state = 0

  return {
    push (bytes) {
      const out: Uint8Array[] = []
      const n = bytes.byteLength
      let start = 0
      let i = 0
      while (i < n) {
        if (skip > 0) {
          const k = Math.min(skip, n - i)
          skip -= k
          count += k
          i += k
          continue
        }
        let h = hashed
        let c = count
        let s = state
        let cut = false
        while (i < n) {
          s = ((s << 1) | (s >>> 31)) ^ (table[bytes[i] as number] as number)
          // Once the window is full, the byte 32 back leaves it (its entry has rotated 32 times).
          if (h >= BUZHASH_WINDOW) s ^= table[(i >= BUZHASH_WINDOW ? bytes[i - BUZHASH_WINDOW] : before[i]) as number] as number
          h++
          c++
          i++
          if (c >= BUZHASH_MIN && ((s & BUZHASH_MASK) === 0 || c >= BUZHASH_MAX)) {
            cut = true
            break
          }
        }
        if (!cut) {
          hashed = h
          count = c
          state = s
          break
        }
        out.push(carry.take(bytes.subarray(start, i)))
        start = i
        count = 0
        skip = SKIP
        hashed = 0
        state = 0
      }
      if (start < n) carry.append(bytes.subarray(start))
      if (n >= BUZHASH_WINDOW) {
        before.set(bytes.subarray(n - BUZHASH_WINDOW))
      } else {
        before.copyWithin(0, n)
        before.set(bytes, BUZHASH_WINDOW - n)
      }
      return out
    },
    end () {
      if (count === 0) return []
      const last = carry.take(EMPTY)
      count = 0
      skip = SKIP
      hashed = 0
      state = 0
      return [last]
    }
  }
}
