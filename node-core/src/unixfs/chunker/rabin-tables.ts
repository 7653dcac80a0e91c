/**
 * Lookup tables of a Rabin fingerprint over GF(2)[x], as the chunker Kubo
 * uses (github.com/whyrusleeping/chunker, a fork of restic's) builds them:
 *
 * - out[b] = b(x) · x^(8·(window−1)) mod P: XOR it in to drop byte b as it
 *   leaves the window;
 * - mod[b] = (b(x) · x^k mod P) | b(x) · x^k, k = deg P: after the digest is
 *   shifted left by 8, XOR in mod[top 8 bits] to reduce it mod P again.
 *
 * The digest stays below 2^deg(P) but its shift does not fit a double's
 * integers, so every 64-bit value is split in two 32-bit halves.
 */

/** A polynomial's tables, in high and low 32-bit halves. */
export interface RabinTables {
  readonly outHi: Int32Array
  readonly outLo: Int32Array
  readonly modHi: Int32Array
  readonly modLo: Int32Array
  /** deg(P) − 8 − 32: the index of the reduction table is `hi >>> indexShift`. */
  readonly indexShift: number
}

/** Degree of a polynomial given as its coefficient bits (−1 for zero). */
export function degree (p: bigint): number {
  return p === 0n ? -1 : p.toString(2).length - 1
}

/** The remainder of x divided by p over GF(2). */
export function polyMod (x: bigint, p: bigint): bigint {
  const dp = degree(p)
  for (let dx = degree(x); dx >= dp; dx = degree(x)) x ^= p << BigInt(dx - dp)
  return x
}

const cache = new Map<string, RabinTables>()

/** The tables of polynomial `p` for a `window`-byte window, computed once. */
export function rabinTables (p: bigint, window: number): RabinTables {
  const key = `${p}/${window}`
  const cached = cache.get(key)
  if (cached !== undefined) return cached
  const k = degree(p)
  // The digest is < 2^k; shifted by 8 it must fit 64 bits, and its high half a signed int32.
  if (k < 41 || k > 55) throw new RangeError(`rabin polynomial degree must be between 41 and 55, got ${k}`)
  const tables: RabinTables = {
    outHi: new Int32Array(256),
    outLo: new Int32Array(256),
    modHi: new Int32Array(256),
    modLo: new Int32Array(256),
    indexShift: k - 8 - 32
  }
  for (let b = 0; b < 256; b++) {
    let h = polyMod(BigInt(b), p)
    for (let i = 0; i < window - 1; i++) h = polyMod(h << 8n, p)
    tables.outHi[b] = Number(h >> 32n)
    tables.outLo[b] = Number(BigInt.asIntN(32, h))
    const top = BigInt(b) << BigInt(k)
    const m = polyMod(top, p) | top
    tables.modHi[b] = Number(m >> 32n)
    tables.modLo[b] = Number(BigInt.asIntN(32, m))
  }
  cache.set(key, tables)
  return tables
}
