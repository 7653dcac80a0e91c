/**
 * Kubo's flatfs naming: where a block lives on disk.
 *
 * The key is the RFC 4648 base32 (upper case, unpadded) of the multihash;
 * the file is `<shard>/<key>.data` with the `next-to-last/2` shard: the two
 * characters before the key's last one. A repo made by Kubo lays out its
 * blocks the same way.
 */
import { base32 } from 'multiformats/bases/base32'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { decode as decodeDigest } from 'multiformats/hashes/digest'

/** What flatfs writes to its SHARDING file. */
export const SHARDING = '/repo/flatfs/shard/v1/next-to-last/2\n'

/** The flatfs key of a block. */
export function blockKey (cid: CID): string {
  return base32.baseEncode(cid.multihash.bytes).toUpperCase()
}

/** The shard directory name of a key. */
export function shardOf (key: string): string {
  const padded = key.padStart(3, '_')
  return padded.slice(padded.length - 3, padded.length - 1)
}

/** The CID (v1, raw) of a file name `<key>.data`, or undefined for others. */
export function cidOfFileName (name: string): CID | undefined {
  if (!name.endsWith('.data')) return undefined
  try {
    return CID.createV1(raw.code, decodeDigest(base32.baseDecode(name.slice(0, -5).toLowerCase())))
  } catch {
    return undefined
  }
}
