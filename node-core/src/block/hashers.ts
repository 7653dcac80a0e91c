/**
 * The hash functions this node can address content with.
 *
 * Looked up by Kubo's names (`sha2-256`, `blake2b-256`, ...) or by multihash
 * code. Every hasher here digests synchronously.
 */
import { createHash } from 'node:crypto'
import { blake2b256, blake2b512 } from '@multiformats/blake2/blake2b'
import { from } from 'multiformats/hashes/hasher'
import { identity } from 'multiformats/hashes/identity'
import { sha256, sha512 } from 'multiformats/hashes/sha2'
import { UnknownHashError } from './errors.ts'
import type { MultihashDigest } from 'multiformats/hashes/interface'

/** A hash function that digests synchronously. */
export interface SyncHasher {
  readonly name: string
  readonly code: number
  digest(bytes: Uint8Array): MultihashDigest
}

function nodeHasher (name: string, code: number, algorithm: string): SyncHasher {
  return from({ name, code, encode: (bytes) => new Uint8Array(createHash(algorithm).update(bytes).digest()) }) as SyncHasher
}

const identityHasher: SyncHasher = { name: identity.name, code: identity.code, digest: (bytes) => identity.digest(bytes) }

const all: SyncHasher[] = [
  identityHasher,
  nodeHasher('sha1', 0x11, 'sha1'),
  sha256 as SyncHasher,
  sha512 as SyncHasher,
  nodeHasher('sha3-512', 0x14, 'sha3-512'),
  nodeHasher('sha3-384', 0x15, 'sha3-384'),
  nodeHasher('sha3-256', 0x16, 'sha3-256'),
  nodeHasher('sha3-224', 0x17, 'sha3-224'),
  blake2b256 as SyncHasher,
  blake2b512 as SyncHasher
]

const byName = new Map(all.map((h) => [h.name, h]))
const byCode = new Map(all.map((h) => [h.code, h]))

/** The hasher Kubo calls `name`; throws UnknownHashError for any other. */
export function hasherByName (name: string): SyncHasher {
  const hasher = byName.get(name)
  if (hasher === undefined) throw new UnknownHashError(`unknown hash function "${name}" (known: ${[...byName.keys()].join(', ')})`)
  return hasher
}

/** The hasher for a multihash code; throws UnknownHashError for any other. */
export function hasherByCode (code: number): SyncHasher {
  const hasher = byCode.get(code)
  if (hasher === undefined) throw new UnknownHashError(`unknown multihash code 0x${code.toString(16)}`)
  return hasher
}
