/**
 * `dag put`: a node given in one codec (dag-json by default), stored in
 * another (dag-cbor by default), always re-encoded canonically, as Kubo does.
 */
import { CID } from 'multiformats/cid'
import { codecByName, decodeWith } from '../block/codecs.ts'
import { hasherByName } from '../block/hashers.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'

/** Codecs and hash of a `dag put`. */
export interface DagPutOptions extends AbortOptions {
  inputCodec?: string
  storeCodec?: string
  hash?: string
}

/** Decode `input`, re-encode it for storage, store it; returns its CID (v1). */
export async function dagPut (store: Pick<Blockstore, 'put'>, input: Uint8Array, options: DagPutOptions = {}): Promise<CID> {
  const inputCodec = codecByName(options.inputCodec ?? 'dag-json')
  const storeCodec = codecByName(options.storeCodec ?? 'dag-cbor')
  const hasher = hasherByName(options.hash ?? 'sha2-256')
  const value = decodeWith(inputCodec.code, input)
  const bytes = storeCodec.encode(value)
  const cid = CID.createV1(storeCodec.code, hasher.digest(bytes))
  await store.put(cid, bytes, options)
  return cid
}
