/**
 * Turns encoded nodes into blocks and stores them, many writes in flight.
 *
 * The writer names each block (codec, hasher, CID version, inlining) as the
 * import options say and hands it to the blockstore without waiting for
 * the write unless too many are in flight. The bytes given to it become
 * its own: once written they go back to its pool (unless the store keeps
 * them). `drain` waits for every write and surfaces the first failure.
 */
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { identity } from 'multiformats/hashes/identity'
import * as dagPb from '@ipld/dag-pb'
import type { Blockstore } from '../../block/blockstore.ts'
import type { AbortOptions } from '../../abort.ts'
import { BufferPool } from './buffer-pool.ts'
import type { ImporterOptions } from './options.ts'

/** A stored block's address and encoded size. */
export interface WrittenBlock {
  cid: CID
  size: number
}

const MAX_IN_FLIGHT = 16

/** Names and stores the blocks of one import. */
export class BlockWriter {
  /** Buffers for chunks and leaves, recycled once their block is written. */
  readonly pool = new BufferPool()
  readonly #store: Pick<Blockstore, 'put' | 'retainsBytes'>
  readonly #options: ImporterOptions
  readonly #signal: AbortSignal | undefined
  readonly #inFlight = new Set<Promise<void>>()
  #failure: unknown
  #failed = false

  constructor (store: Pick<Blockstore, 'put' | 'retainsBytes'>, options: ImporterOptions, abort: AbortOptions = {}) {
    this.#store = store
    this.#options = options
    this.#signal = abort.signal
  }

  /** Store a dag-pb node; CIDv0 unless the import is CIDv1. */
  async dagPb (bytes: Uint8Array): Promise<WrittenBlock> {
    return await this.#write(bytes, dagPb.code, this.#options.cidVersion)
  }

  /** Store a raw leaf; raw blocks are always CIDv1. */
  async raw (bytes: Uint8Array): Promise<WrittenBlock> {
    return await this.#write(bytes, raw.code, 1)
  }

  /** Wait for every write; throws the first failure. */
  async drain (): Promise<void> {
    await Promise.all(this.#inFlight)
    if (this.#failed) throw this.#failure
  }

  async #write (bytes: Uint8Array, codec: number, version: 0 | 1): Promise<WrittenBlock> {
    this.#signal?.throwIfAborted()
    if (this.#failed) throw this.#failure
    const inline = this.#options.inlineLimit
    if (inline !== undefined && bytes.byteLength <= inline) {
      return { cid: CID.createV1(codec, identity.digest(bytes)), size: bytes.byteLength }
    }
    const digest = this.#options.hasher.digest(bytes)
    const cid = version === 0 && codec === dagPb.code ? CID.createV0(digest as never) : CID.createV1(codec, digest)
    const write = this.#store.put(cid, bytes, { signal: this.#signal }).then(() => {
      this.#inFlight.delete(write)
      if (this.#store.retainsBytes !== true) this.pool.release(bytes)
    }, (err: unknown) => {
      this.#inFlight.delete(write)
      if (!this.#failed) {
        this.#failed = true
        this.#failure = err
      }
    })
    this.#inFlight.add(write)
    if (this.#inFlight.size >= MAX_IN_FLIGHT) await Promise.race(this.#inFlight)
    return { cid, size: bytes.byteLength }
  }
}
