// Test fixtures for the read side: DAGs built by ipfs-unixfs-importer (the
// oracle) into this project's MemoryBlockstore, deterministic bytes, and
// small stream helpers.
import { importer } from 'ipfs-unixfs-importer'
import { fixedSize } from 'ipfs-unixfs-importer/chunker'
import { balanced, trickle } from 'ipfs-unixfs-importer/layout'
import { MemoryBlockstore } from '../../../src/block/memory-blockstore.ts'
import type { ImportCandidate, ImporterOptions } from 'ipfs-unixfs-importer'
import type { CID } from 'multiformats/cid'

/** The importer's and the exporter's view of our MemoryBlockstore. */
export function oracleStore (store: MemoryBlockstore): { put: (cid: CID, bytes: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>) => Promise<CID>, get: (cid: CID) => AsyncGenerator<Uint8Array> } {
  return {
    async put (cid, bytes) {
      await store.put(cid, bytes instanceof Uint8Array ? bytes : await concat(bytes))
      return cid
    },
    async * get (cid) {
      yield await store.get(cid)
    }
  }
}

/** Importer options for a small, deep DAG: tiny chunks, few links per node. */
export function smallDag (layout: 'balanced' | 'trickle', rawLeaves: boolean, chunkSize = 64, maxChildrenPerNode = 3): Partial<ImporterOptions> {
  return {
    chunker: fixedSize({ chunkSize }),
    layout: layout === 'balanced' ? balanced({ maxChildrenPerNode }) : trickle({ maxChildrenPerNode, layerRepeat: 2 }),
    rawLeaves,
    cidVersion: rawLeaves ? 1 : 0,
    ...(rawLeaves ? {} : { leafType: layout === 'trickle' ? 'raw' as const : 'file' as const, reduceSingleLeafToSelf: false })
  }
}

/** Import entries; returns the last (root) CID the importer yields. */
export async function importEntries (store: MemoryBlockstore, entries: ImportCandidate[], options: Partial<ImporterOptions> = {}): Promise<CID> {
  let last: CID | undefined
  for await (const entry of importer(entries, oracleStore(store), options)) last = entry.cid
  if (last === undefined) throw new Error('importer yielded nothing')
  return last
}

/** Import one file's bytes; returns its CID. */
export async function importBytes (store: MemoryBlockstore, bytes: Uint8Array, options: Partial<ImporterOptions> = {}): Promise<CID> {
  return await importEntries(store, [{ content: bytes }], options)
}

/** Deterministic pseudo-random bytes (xorshift32). */
export function randomBytes (length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length)
  let x = seed >>> 0 || 1
  for (let i = 0; i < length; i++) {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    out[i] = x & 0xff
  }
  return out
}

/** A deterministic integer in [0, n) from a seed sequence. */
export function seeded (seed: number): (n: number) => number {
  let x = seed >>> 0 || 1
  return (n) => {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    return x % n
  }
}

/** All chunks of a byte stream, joined. */
export async function concat (chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  let length = 0
  for await (const c of chunks) {
    parts.push(c)
    length += c.byteLength
  }
  const out = new Uint8Array(length)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.byteLength
  }
  return out
}

/** All items of an async iterable. */
export async function all<T> (items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

/** A MemoryBlockstore that counts `get` calls. */
export class CountingBlockstore extends MemoryBlockstore {
  gets = 0

  override async get (cid: CID): Promise<Uint8Array> {
    this.gets++
    return await super.get(cid)
  }
}
