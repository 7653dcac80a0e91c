/**
 * `dag put`: a node given in one codec (dag-json by default), re-encoded
 * canonically in another (dag-cbor by default) and addressed by a CIDv1 with
 * the chosen hash (sha2-256 by default), as Kubo's `dag put` does. Like
 * Kubo, a block over the size limit is refused unless `allowBigBlock`.
 */
import { makeBlock } from '../block/block.ts'
import { BlockTooLargeError } from '../block/errors.ts'
import { codecByName, decodeWith } from '../block/codecs.ts'
import { hasherByName } from '../block/hashers.ts'
import { DagEncodeError } from './errors.ts'
import { MAX_BLOCK_SIZE } from './limits.ts'
import type { AbortOptions } from '../abort.ts'
import type { Block } from '../block/block.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { CID } from 'multiformats/cid'

/** Codecs, hash and size check of a `dag put` (Kubo's flags and defaults). */
export interface DagPutOptions extends AbortOptions {
  /** `--input-codec`, default `dag-json`. */
  inputCodec?: string
  /** `--store-codec`, default `dag-cbor`. */
  storeCodec?: string
  /** `--hash`, default `sha2-256`. */
  hash?: string
  /** `--allow-big-block`: skip the MAX_BLOCK_SIZE check. */
  allowBigBlock?: boolean
}

/**
 * The block `dag put` would store for `input`; nothing is written.
 *
 * Unknown codec or hash names throw UnknownCodecError / UnknownHashError,
 * undecodable input BlockDecodeError, a value the store codec cannot hold
 * DagEncodeError, and a result over the limit BlockTooLargeError.
 */
export function encodeDagNode (input: Uint8Array, options: DagPutOptions = {}): Block {
  const inputCodec = codecByName(options.inputCodec ?? 'dag-json')
  const storeCodec = codecByName(options.storeCodec ?? 'dag-cbor')
  const hasher = hasherByName(options.hash ?? 'sha2-256')
  const value = decodeWith(inputCodec.code, input)
  let bytes: Uint8Array
  try {
    bytes = storeCodec.encode(value)
  } catch (err) {
    throw new DagEncodeError(`cannot encode the ${inputCodec.name} input as ${storeCodec.name}: ${(err as Error).message}`)
  }
  if (options.allowBigBlock !== true && bytes.byteLength > MAX_BLOCK_SIZE) {
    throw new BlockTooLargeError(`produced block is ${bytes.byteLength} bytes, over the ${MAX_BLOCK_SIZE}-byte limit: big blocks can't be exchanged with other peers (use UnixFS to chunk big data, or allow big blocks)`)
  }
  return makeBlock(bytes, storeCodec.code, hasher, 1)
}

/** Encode `input` as `encodeDagNode` does and store the block; returns its CID. */
export async function dagPut (store: Pick<Blockstore, 'put'>, input: Uint8Array, options: DagPutOptions = {}): Promise<CID> {
  const block = encodeDagNode(input, options)
  options.signal?.throwIfAborted()
  await store.put(block.cid, block.bytes, options)
  return block.cid
}
