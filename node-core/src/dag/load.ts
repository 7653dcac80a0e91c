/**
 * Loading a block and decoding it, with its hash checked first: a corrupt
 * block in the store is a BlockHashMismatchError, never wrong data.
 * Identity CIDs are answered from the CID itself, whatever the store.
 */
import * as dagPb from '@ipld/dag-pb'
import { verifyBlock } from '../block/block.ts'
import { IDENTITY_CODE, decodeWith } from '../block/codecs.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { CID } from 'multiformats/cid'

/** Verified bytes of `cid`. */
export async function loadBytes (store: Pick<Blockstore, 'get'>, cid: CID, options?: AbortOptions): Promise<Uint8Array> {
  options?.signal?.throwIfAborted()
  if (cid.multihash.code === IDENTITY_CODE) return cid.multihash.digest
  const bytes = await store.get(cid, options)
  verifyBlock(cid, bytes)
  return bytes
}

/** Verified and decoded node of `cid` (BlockDecodeError if its codec cannot decode it). */
export async function loadNode (store: Pick<Blockstore, 'get'>, cid: CID, options?: AbortOptions): Promise<unknown> {
  return decodeWith(cid.code, await loadBytes(store, cid, options))
}

/** Verified and decoded dag-pb node of `cid`. */
export async function loadPbNode (store: Pick<Blockstore, 'get'>, cid: CID, options?: AbortOptions): Promise<dagPb.PBNode> {
  return decodeWith(dagPb.code, await loadBytes(store, cid, options)) as dagPb.PBNode
}
