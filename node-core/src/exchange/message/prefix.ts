/**
 * CID prefixes of Bitswap 1.1.0+ payloads: varints [CID version, codec,
 * multihash code, digest length]. A received block's CID is computed from
 * its prefix and its bytes, never taken on trust, so a block is only ever
 * stored under the hash of its own bytes.
 */
import { varint } from 'multiformats'
import { CID } from 'multiformats/cid'
import { create as createDigest } from 'multiformats/hashes/digest'
import { markVerified } from '../../block/block.ts'
import { hasherByCode } from '../../block/hashers.ts'
import { InvalidBitswapMessageError } from '../errors.ts'

const IDENTITY = 0x00
/** sha2-256's multihash code. */
export const SHA2_256 = 0x12
/** Shorter digests are too weak to address content by (Kubo's verifcid minimum). */
const MIN_DIGEST_BYTES = 20

/** The prefix of `cid`. */
export function encodePrefix (cid: CID): Uint8Array {
  const parts = [cid.version, cid.code, cid.multihash.code, cid.multihash.size]
  const out = new Uint8Array(parts.reduce((n, p) => n + varint.encodingLength(p), 0))
  let offset = 0
  for (const p of parts) {
    varint.encodeTo(p, out, offset)
    offset += varint.encodingLength(p)
  }
  return out
}

/** The multihash code a prefix names, or undefined if it does not parse that far. */
export function prefixHashCode (prefix: Uint8Array): number | undefined {
  try {
    let offset = 0
    for (let i = 0; i < 2; i++) offset += varint.decode(prefix, offset)[1]
    return varint.decode(prefix, offset)[0]
  } catch {
    return undefined
  }
}

/**
 * The CID of `data` under `prefix`; InvalidBitswapMessageError for a
 * malformed prefix or an unknown hash. `sha256`, when given, is the
 * SHA-256 digest of these very bytes, computed elsewhere.
 */
export function cidOfPayload (prefix: Uint8Array, data: Uint8Array, sha256?: Uint8Array): CID {
  const parts: number[] = []
  let offset = 0
  try {
    while (offset < prefix.length && parts.length < 4) {
      const [value, read] = varint.decode(prefix, offset)
      parts.push(value)
      offset += read
    }
  } catch {
    throw new InvalidBitswapMessageError('malformed CID prefix')
  }
  const [version, codec, hashCode, length] = parts
  if (version === undefined || codec === undefined || hashCode === undefined || length === undefined || offset !== prefix.length) {
    throw new InvalidBitswapMessageError('a CID prefix has four varints: version, codec, hash, length')
  }
  let hasher
  try {
    hasher = hasherByCode(hashCode)
  } catch {
    throw new InvalidBitswapMessageError(`a block hashed with unknown multihash 0x${hashCode.toString(16)}`)
  }
  const digest = sha256 !== undefined && hashCode === SHA2_256 ? sha256 : hasher.digest(data).digest
  if (hashCode === IDENTITY) {
    if (length !== data.byteLength) throw new InvalidBitswapMessageError(`an identity prefix of ${length} bytes for a ${data.byteLength}-byte block`)
  } else if (length > digest.length || length < MIN_DIGEST_BYTES) {
    throw new InvalidBitswapMessageError(`digest length ${length} for a ${digest.length}-byte hash (at least ${MIN_DIGEST_BYTES}, as Kubo requires)`)
  }
  const multihash = createDigest(hashCode, digest.subarray(0, length))
  if (version === 0) {
    if (codec !== 0x70 || hashCode !== 0x12 || length !== 32) throw new InvalidBitswapMessageError('a CIDv0 prefix must be dag-pb, sha2-256, 32 bytes')
    const cid = CID.createV0(multihash as never)
    markVerified(cid, data)
    return cid
  }
  if (version !== 1) throw new InvalidBitswapMessageError(`CID version ${version}`)
  const cid = CID.createV1(codec, multihash)
  markVerified(cid, data)
  return cid
}
