/**
 * Kubo's `rabin` chunker: boxo chunker/rabin.go over
 * github.com/whyrusleeping/chunker (a 2015 fork of restic's chunker), cut
 * for cut.
 *
 * - A Rabin fingerprint of the last 16 bytes (that fork's windowSize; restic
 *   now uses 64) modulo Kubo's polynomial 17437180132763653 (degree 53).
 * - Split mask: the low floor(log2(avg)) bits; a chunk ends after a byte that
 *   leaves them all zero, once it has `min` bytes, and at `max` bytes in any
 *   case (the `max` test comes after the `min` one, as in Go).
 * - After each cut the fingerprint restarts: a window of zeros, into which
 *   one byte of value 1 is slid; then the first `min − 16` bytes of the new
 *   chunk are counted but not fingerprinted. With `min` under 16 that
 *   unsigned difference wraps in Go: nothing is ever fingerprinted and the
 *   whole input is one chunk. Reproduced, since CIDs depend on it (`rabin-N`
 *   with N < 48 has min = N/3 < 16 and is accepted by Kubo).
 * - The last chunk is whatever remains, if anything does.
 */
import { Carry, FRESH_BUFFERS } from './carry.ts'
import { rabinTables } from './rabin-tables.ts'
import type { ChunkBuffers, Chunker } from './chunker.ts'

/** Kubo's IpfsRabinPoly (boxo chunker/rabin.go): an irreducible polynomial of degree 53. */
export const IPFS_RABIN_POLY = 17437180132763653n
/** Bytes in the fingerprint's window (whyrusleeping/chunker windowSize). */
export const RABIN_WINDOW = 16

const EMPTY = new Uint8Array(0)

/** floor(log2(n)) for n ≥ 1, as Go's uint(math.Log2(float64(n))); 64 (a mask of all ones) for 0. */
function averageBits (avg: number): number {
  if (avg < 1) return 64
  let bits = 0
  while (2 ** (bits + 1) <= avg) bits++
  return bits
}

/** A fresh rabin chunker cutting as Kubo's NewRabinMinMax(min, avg, max). */
export function createRabinChunker (min: number, avg: number, max: number, buffers: ChunkBuffers = FRESH_BUFFERS, polynomial: bigint = IPFS_RABIN_POLY): Chunker {
  for (const [name, value] of [['min', min], ['avg', avg], ['max', max]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`rabin ${name} must be a non-negative integer, got ${value}`)
  }
  const { outHi, outLo, modHi, modLo, indexShift } = rabinTables(polynomial, RABIN_WINDOW)
  const bits = averageBits(avg)
  const maskLo = bits >= 32 ? -1 : (2 ** bits - 1) | 0
  const maskHi = bits <= 32 ? 0 : bits >= 64 ? -1 : (2 ** (bits - 32) - 1) | 0
  const preSkip = min >= RABIN_WINDOW ? min - RABIN_WINDOW : Infinity
  const carry = new Carry(buffers, Math.min(max, 1 << 16))
  /** The RABIN_WINDOW bytes just before the current push, oldest first. */
  const before = new Uint8Array(RABIN_WINDOW)

  let count = 0 // bytes in the current chunk
  let skip = preSkip // bytes still to count without fingerprinting
  let hashed = 0 // bytes fingerprinted in the current chunk
  let hi = 0 // the fingerprint, high and low 32 bits
  let lo = 1

  const restart = (): void => {
    count = 0
    skip = preSkip
    hashed = 0
    hi = 0
    lo = 1
  }

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
        let dHi = hi
        let dLo = lo
        let cut = false
        while (i < n) {
          const b = bytes[i] as number
          // The byte leaving the window: the one RABIN_WINDOW fingerprinted bytes back, or the
          // restart's 1 (then zeros, whose table entry is 0) while fewer have been fingerprinted.
          const o = h >= RABIN_WINDOW
            ? (i >= RABIN_WINDOW ? bytes[i - RABIN_WINDOW] : before[i]) as number
            : (h === RABIN_WINDOW - 1 ? 1 : 0)
          dHi ^= outHi[o] as number
          dLo ^= outLo[o] as number
          const index = dHi >>> indexShift
          dHi = ((dHi << 8) | (dLo >>> 24)) ^ (modHi[index] as number)
          dLo = ((dLo << 8) | b) ^ (modLo[index] as number)
          h++
          c++
          i++
          if (c >= min && (((dLo & maskLo) | (dHi & maskHi)) === 0 || c >= max)) {
            cut = true
            break
          }
        }
        if (!cut) {
          hashed = h
          count = c
          hi = dHi
          lo = dLo
          break
        }
        out.push(carry.take(bytes.subarray(start, i)))
        start = i
        restart()
      }
      if (start < n) carry.append(bytes.subarray(start))
      if (n >= RABIN_WINDOW) {
        before.set(bytes.subarray(n - RABIN_WINDOW))
      } else {
        before.copyWithin(0, n)
        before.set(bytes, RABIN_WINDOW - n)
      }
      return out
    },
    end () {
      if (count === 0) return []
      const last = carry.take(EMPTY)
      restart()
      return [last]
    }
  }
}
