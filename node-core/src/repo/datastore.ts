/**
 * The repo's key-value datastore (the `datastore/` directory): datastore-fs,
 * which closes for writing with the repo. libp2p's peer store writes from
 * event handlers, some of them not awaited by anyone (the address manager
 * patches our own record as listeners close), so a write could land after
 * the node stopped and the repo's lock was released. `close` waits for the
 * writes in flight; a later one gets RepoClosedError and touches no file.
 * A full or read-only disk is a named error (disk-errors.ts).
 */
import { FsDatastore } from 'datastore-fs'
import { writingTo } from './disk-errors.ts'
import { RepoClosedError } from './errors.ts'
import type { AbortOptions } from '../abort.ts'
import type { Key } from 'interface-datastore'

/** A datastore-fs store that refuses writes once closed. */
export class RepoDatastore extends FsDatastore {
  #closed = false
  readonly #writing = new Set<Promise<unknown>>()

  override async open (): Promise<void> {
    await writingTo(this.path, async () => { await super.open() })
  }

  override async put (key: Key, value: Uint8Array, options?: AbortOptions): Promise<Key> {
    return await this.#write(async () => await super.put(key, value, options))
  }

  override async delete (key: Key, options?: AbortOptions): Promise<void> {
    await this.#write(async () => { await super.delete(key, options) })
  }

  override async close (): Promise<void> {
    this.#closed = true
    await Promise.allSettled(this.#writing)
    await super.close()
  }

  async #write<T> (operation: () => Promise<T>): Promise<T> {
    if (this.#closed) throw new RepoClosedError('the repo is closed: its datastore takes no more writes')
    const writing = writingTo(this.path, operation)
    this.#writing.add(writing)
    try {
      return await writing
    } finally {
      this.#writing.delete(writing)
    }
  }
}
