/**
 * The HAMT hash of UnixFS sharded directories (go-unixfs hamt): the 8-byte
 * murmur3-x64-64 of the entry name, read most significant bit first,
 * `log2(fanout)` bits per level; slots named by upper-case hex prefixes.
 */
import { murmur364 } from '@multiformats/murmur3'

/** The multihash code of murmur3-x64-64, as shards record it. */
export const HAMT_HASH_CODE = 0x22

/** The 8-byte hash of a name's UTF-8 bytes. */
export function hamtHash (name: Uint8Array): Uint8Array {
  const digest = murmur364.digest(name)
  if (digest instanceof Promise) throw new TypeError('murmur3 hasher must be synchronous')
  return digest.digest
}

const utf8 = new TextEncoder()

/** The 8-byte hash of an entry name (its UTF-8 bytes), as shards index it. */
export function hamtHashName (name: string): Uint8Array {
  return hamtHash(utf8.encode(name))
}

/** Bits per level for a fanout (a power of two from 2 to 65536). */
export function hamtBits (fanout: number): number {
  const bits = Math.log2(fanout)
  if (!Number.isInteger(bits) || bits < 1 || bits > 16) throw new RangeError(`HAMT fanout must be a power of two, got ${fanout}`)
  return bits
}

/** The slot of `hash` at `depth`. */
export function hamtSlot (hash: Uint8Array, depth: number, bits: number): number {
  let slot = 0
  const start = depth * bits
  for (let i = start; i < start + bits; i++) {
    const byte = hash[i >> 3]
    if (byte === undefined) throw new RangeError('HAMT too deep: hash bits exhausted')
    slot = (slot << 1) | ((byte >> (7 - (i & 7))) & 1)
  }
  return slot
}

/** The link-name prefix of a slot: upper-case hex, as wide as `fanout - 1`. */
export function hamtPrefix (slot: number, fanout: number): string {
  return slot.toString(16).toUpperCase().padStart((fanout - 1).toString(16).length, '0')
}
