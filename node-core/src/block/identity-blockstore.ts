/**
 * Identity CIDs carry their bytes inline; this wrapper answers them from
 * the CID and never stores them, as Kubo's blockstore does.
 */
import { IDENTITY_CODE } from './codecs.ts'
import type { Blockstore } from './blockstore.ts'
import type { AbortOptions } from '../abort.ts'
import type { CID } from 'multiformats/cid'

/** A Blockstore that serves identity CIDs itself and passes the rest on. */
export class IdentityBlockstore implements Blockstore {
  readonly #inner: Blockstore

  constructor (inner: Blockstore) {
    this.#inner = inner
  }

  get retainsBytes (): boolean {
    return this.#inner.retainsBytes === true
  }

  async has (cid: CID, options?: AbortOptions): Promise<boolean> {
    return isIdentity(cid) || await this.#inner.has(cid, options)
  }

  async get (cid: CID, options?: AbortOptions): Promise<Uint8Array> {
    return isIdentity(cid) ? cid.multihash.digest : await this.#inner.get(cid, options)
  }

  async put (cid: CID, bytes: Uint8Array, options?: AbortOptions): Promise<void> {
    if (!isIdentity(cid)) await this.#inner.put(cid, bytes, options)
  }

  async sync (options?: AbortOptions): Promise<void> {
    await this.#inner.sync(options)
  }

  async delete (cid: CID, options?: AbortOptions): Promise<void> {
    if (!isIdentity(cid)) await this.#inner.delete(cid, options)
  }

  list (options?: AbortOptions): AsyncIterable<CID> {
    return this.#inner.list(options)
  }

  async size (cid: CID, options?: AbortOptions): Promise<number> {
    return isIdentity(cid) ? cid.multihash.size : await this.#inner.size(cid, options)
  }
}

function isIdentity (cid: CID): boolean {
  return cid.multihash.code === IDENTITY_CODE
}
