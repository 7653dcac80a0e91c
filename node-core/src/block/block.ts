/**
 * A block: the bytes and the CID that addresses them.
 *
 * `parseCid` is the one place a CID string from outside is parsed, so every
 * malformed one gets an InvalidCidError; `makeBlock` and `verifyBlock` are
 * the places bytes meet their hashes.
 */
import { CID } from 'multiformats/cid'
import { equals } from 'uint8arrays/equals'
import { BlockHashMismatchError, InvalidCidError } from './errors.ts'
import { hasherByCode } from './hashers.ts'
import { anyBase } from './multibase.ts'
import type { SyncHasher } from './hashers.ts'

/** Content and its address. */
export interface Block {
  readonly cid: CID
  readonly bytes: Uint8Array
}

/** Parse a CID: CIDv0 in base58btc, CIDv1 in any multibase; throws InvalidCidError otherwise. */
export function parseCid (text: string): CID {
  try {
    if (text.startsWith('Qm') || text.startsWith('1')) return CID.parse(text)
    return CID.parse(text, anyBase)
  } catch (err) {
    throw new InvalidCidError(`invalid CID "${text.length > 100 ? text.slice(0, 100) + '…' : text}": ${(err as Error).message}`)
  }
}

/** Address `bytes` with `codec` and `hasher`, as CID `version`. */
export function makeBlock (bytes: Uint8Array, codec: number, hasher: SyncHasher, version: 0 | 1): Block {
  const digest = hasher.digest(bytes)
  const cid = version === 0 ? CID.createV0(digest as never) : CID.createV1(codec, digest)
  return { cid, bytes }
}

/**
 * Bytes this process hashed on arrival (a block from a peer), with the
 * multihash they hashed to: checking them again on their way to a reader
 * would hash every fetched block twice. Held weakly, by the very array.
 */
const hashedOnArrival = new WeakMap<Uint8Array, Uint8Array>()

/** A map key for `cid` by its multihash: CIDv0 and CIDv1 of the same bytes are one key. */
export function multihashKey (cid: CID): string {
  return Buffer.from(cid.multihash.bytes).toString('base64')
}

/** Record that `bytes` were just hashed to `cid`'s multihash (by whoever received them). */
export function markVerified (cid: CID, bytes: Uint8Array): void {
  hashedOnArrival.set(bytes, cid.multihash.bytes)
}

/** Check that `bytes` hash to `cid`; throws BlockHashMismatchError if not. */
export function verifyBlock (cid: CID, bytes: Uint8Array): void {
  const known = hashedOnArrival.get(bytes)
  if (known !== undefined && equals(known, cid.multihash.bytes)) return
  const digest = hasherByCode(cid.multihash.code).digest(bytes)
  if (!equals(digest.digest.subarray(0, cid.multihash.size), cid.multihash.digest)) {
    throw new BlockHashMismatchError(`block ${cid.toString()} does not match its hash`)
  }
}
