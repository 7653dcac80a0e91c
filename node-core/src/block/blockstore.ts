/**
 * The Blockstore interface every layer above stores blocks through.
 *
 * Blocks are keyed by multihash, as Kubo does: the same bytes under a CIDv0
 * and a CIDv1 (or another codec) are one stored block. `put` makes a block
 * readable at once; it is durable only once a later `sync` resolves, which
 * is what every command waits for before it reports success.
 */
import type { AbortOptions } from '../abort.ts'
import type { CID } from 'multiformats/cid'

/** Where blocks live. */
export interface Blockstore {
  /**
   * True when the store keeps the very bytes given to `put` (in memory);
   * otherwise the caller may reuse them once `put` has resolved.
   */
  readonly retainsBytes?: boolean
  has(cid: CID, options?: AbortOptions): Promise<boolean>
  /** The block's bytes; BlockNotFoundError if absent. */
  get(cid: CID, options?: AbortOptions): Promise<Uint8Array>
  /** Store a block (a no-op if present); readable now, durable after `sync`. */
  put(cid: CID, bytes: Uint8Array, options?: AbortOptions): Promise<void>
  /** Make every block put so far durable. */
  sync(options?: AbortOptions): Promise<void>
  /** Remove a block; BlockNotFoundError if absent. */
  delete(cid: CID, options?: AbortOptions): Promise<void>
  /** Every stored block, as a CIDv1 with the raw codec (as `refs local` shows). */
  list(options?: AbortOptions): AsyncIterable<CID>
  /** Bytes stored for the block; BlockNotFoundError if absent. */
  size(cid: CID, options?: AbortOptions): Promise<number>
}
