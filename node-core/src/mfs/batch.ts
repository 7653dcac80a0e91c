/**
 * The blocks one MFS operation writes: a BlockWriter per CID prefix, and
 * reads that see the blocks still being written.
 *
 * An operation reads back what it wrote a moment before (a directory
 * created by `mkdir -p`, the last subtree of a file being appended to),
 * while BlockWriter keeps puts in flight; a read of such a block waits for
 * its put. Nothing is durable until the operation's owner drains the batch
 * and syncs the blockstore.
 */
import { multihashKey } from '../block/block.ts'
import { BlockWriter } from '../unixfs/importer/block-writer.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { ImporterOptions } from '../unixfs/importer/options.ts'
import type { CidPrefix } from './prefix.ts'
import type { CID } from 'multiformats/cid'

/** Writers and reads of one operation. */
export class Batch implements Pick<Blockstore, 'get' | 'put' | 'retainsBytes'> {
  readonly #store: Pick<Blockstore, 'get' | 'put' | 'retainsBytes'>
  readonly #importer: ImporterOptions
  readonly #abort: AbortOptions
  readonly #writers = new Map<string, BlockWriter>()
  readonly #pending = new Map<string, Promise<void>>()

  constructor (store: Pick<Blockstore, 'get' | 'put' | 'retainsBytes'>, importer: ImporterOptions, abort: AbortOptions = {}) {
    this.#store = store
    this.#importer = importer
    this.#abort = abort
  }

  get retainsBytes (): boolean {
    return this.#store.retainsBytes === true
  }

  /** The writer for nodes addressed with `prefix`. */
  writer (prefix: CidPrefix): BlockWriter {
    const key = `${prefix.version}:${prefix.hasher.code}`
    let writer = this.#writers.get(key)
    if (writer === undefined) {
      const { inlineLimit: _inline, ...rest } = this.#importer
      writer = new BlockWriter(this, { ...rest, cidVersion: prefix.version, hasher: prefix.hasher }, this.#abort)
      this.#writers.set(key, writer)
    }
    return writer
  }

  async put (cid: CID, bytes: Uint8Array, options?: AbortOptions): Promise<void> {
    const key = multihashKey(cid)
    const put = this.#store.put(cid, bytes, options)
    const settled = put.then(() => {}, () => {})
    this.#pending.set(key, settled)
    try {
      await put
    } finally {
      if (this.#pending.get(key) === settled) this.#pending.delete(key)
    }
  }

  async get (cid: CID, options?: AbortOptions): Promise<Uint8Array> {
    await this.#pending.get(multihashKey(cid))
    return await this.#store.get(cid, options)
  }

  /** Wait for every write; throws the first failure. */
  async drain (): Promise<void> {
    for (const writer of this.#writers.values()) await writer.drain()
  }
}
