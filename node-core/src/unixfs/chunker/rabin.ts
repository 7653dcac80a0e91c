/**
 * Kubo's `rabin` chunker: a Rabin fingerprint over a 64-byte window with
 * the polynomial 17437180132763653 (degree 53), as restic's chunker, which
 * Kubo's (whyrusleeping/chunker) is a fork of. A chunk ends where the
 * fingerprint's low log2(avg) bits are zero, at `min` bytes at least and
 * `max` at most. After each cut the window restarts (zeros, then one byte
 * of value 1) and the first `min - 64` bytes of the next chunk are not
 * fingerprinted. With `min` under 64 that unsigned difference wraps in Go,
 * so Kubo never cuts at all and the whole input is one chunk: reproduced
 * here, since the CIDs depend on it.
 *
 * The fingerprint stays below 2^53, but shifting it by 8 does not: it is
 * kept as two 32-bit halves so that every step is plain integer arithmetic.
 */
import type { Chunker } from './chunker.ts'

/** Kubo's IpfsRabinPoly. */
export const IPFS_RABIN_POLY = 17437180132763653n
const WINDOW = 64

interface Tables { outHi: Uint32Array, outLo: Uint32Array, modHi: Uint32Array, modLo: Uint32Array, shift: number }

const deg = (p: bigint): number => p.toString(2).length - 1

function mod (x: bigint, p: bigint): bigint {
  const dp = deg(p)
  while (x > 0n && deg(x) >= dp) x ^= p << BigInt(deg(x) - dp)
  return x
}

let cached: Tables | undefined

/** The slide-out and reduction tables of the polynomial, computed once. */
function tables (): Tables {
  if (cached !== undefined) return cached
  const p = IPFS_RABIN_POLY
  const k = deg(p)
  const t: Tables = { outHi: new Uint32Array(256), outLo: new Uint32Array(256), modHi: new Uint32Array(256), modLo: new Uint32Array(256), shift: k - 8 }
  for (let b = 0; b < 256; b++) {
    let h = mod(BigInt(b), p)
    for (let i = 0; i < WINDOW - 1; i++) h = mod(h << 8n, p)
    t.outHi[b] = Number(h >> 32n)
    t.outLo[b] = Number(h & 0xffffffffn)
    const m = mod(BigInt(b) << BigInt(k), p) | (BigInt(b) << BigInt(k))
    t.modHi[b] = Number(m >> 32n)
    t.modLo[b] = Number(m & 0xffffffffn)
  }
  cached = t
  return t
}

/** A fresh rabin chunker with Kubo's bounds. */
export function createRabinChunker (min: number, avg: number, max: number): Chunker {
  const t = tables()
  const bits = Math.floor(Math.log2(avg))
  const maskHi = bits > 32 ? (2 ** (bits - 32) - 1) : 0
  const maskLo = bits >= 32 ? 0xffffffff : (2 ** bits - 1)
  const hiShift = t.shift - 32
  const window = new Uint8Array(WINDOW)
  let wpos = 0
  let hi = 0
  let lo = 0
  let pending: Uint8Array[] = []
  let count = 0
  let skip = 0

  const slide = (b: number): void => {
    const out = window[wpos] ?? 0
    window[wpos] = b
    hi ^= t.outHi[out] ?? 0
    lo = (lo ^ (t.outLo[out] ?? 0)) >>> 0
    wpos = (wpos + 1) % WINDOW
    const index = hi >>> hiShift
    hi = ((hi << 8) | (lo >>> 24)) ^ (t.modHi[index] ?? 0)
    lo = (((lo << 8) | b) ^ (t.modLo[index] ?? 0)) >>> 0
  }
  const reset = (): void => {
    window.fill(0)
    wpos = 0
    hi = 0
    lo = 0
    slide(1)
    count = 0
    skip = min >= WINDOW ? min - WINDOW : Infinity
  }
  reset()

  const cut = (piece: Uint8Array, end: number): Uint8Array => {
    pending.push(piece.subarray(0, end))
    const total = pending.reduce((n, p) => n + p.byteLength, 0)
    const chunk = new Uint8Array(total)
    let at = 0
    for (const p of pending) {
      chunk.set(p, at)
      at += p.byteLength
    }
    pending = []
    reset()
    return chunk
  }

  return {
    push (bytes) {
      const out: Uint8Array[] = []
      let start = 0
      let i = 0
      while (i < bytes.byteLength) {
        if (skip > 0) {
          const n = Math.min(skip, bytes.byteLength - i)
          skip -= n
          count += n
          i += n
          continue
        }
        const b = bytes[i] ?? 0
        slide(b)
        count++
        i++
        if (count >= min && ((((hi & maskHi) | (lo & maskLo)) === 0) || count >= max)) {
          out.push(cut(bytes.subarray(start, i), i - start))
          start = i
        }
      }
      if (start < bytes.byteLength) pending.push(bytes.slice(start))
      return out
    },
    end () {
      if (pending.length === 0) return []
      const total = pending.reduce((n, p) => n + p.byteLength, 0)
      const chunk = new Uint8Array(total)
      let at = 0
      for (const p of pending) {
        chunk.set(p, at)
        at += p.byteLength
      }
      pending = []
      return [chunk]
    }
  }
}
