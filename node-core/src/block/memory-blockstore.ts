/**
 * A Blockstore in memory: for `--only-hash` adds and for tests.
 */
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { decode as decodeDigest } from 'multiformats/hashes/digest'
import { base32 } from 'multiformats/bases/base32'
import { BlockNotFoundError } from './errors.ts'
import type { Blockstore } from './blockstore.ts'

/** Blocks kept in a Map keyed by multihash; `sync` has nothing to do. */
export class MemoryBlockstore implements Blockstore {
  readonly retainsBytes = true
  readonly #blocks = new Map<string, Uint8Array>()

  async has (cid: CID): Promise<boolean> {
    return this.#blocks.has(key(cid))
  }

  async get (cid: CID): Promise<Uint8Array> {
    const bytes = this.#blocks.get(key(cid))
    if (bytes === undefined) throw new BlockNotFoundError(`block ${cid.toString()} not found`)
    return bytes
  }

  async put (cid: CID, bytes: Uint8Array): Promise<void> {
    this.#blocks.set(key(cid), bytes)
  }

  async sync (): Promise<void> {}

  async delete (cid: CID): Promise<void> {
    if (!this.#blocks.delete(key(cid))) throw new BlockNotFoundError(`block ${cid.toString()} not found`)
  }

  async * list (): AsyncIterable<CID> {
    for (const k of this.#blocks.keys()) yield CID.createV1(raw.code, decodeDigest(base32.baseDecode(k)))
  }

  async size (cid: CID): Promise<number> {
    return (await this.get(cid)).byteLength
  }
}

function key (cid: CID): string {
  return base32.baseEncode(cid.multihash.bytes)
}
