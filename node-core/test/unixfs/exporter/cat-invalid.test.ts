// Malformed and corrupt file DAGs: each gets a named error from `cat`,
// never a crash and never wrong bytes.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as dagCbor from '@ipld/dag-cbor'
import * as dagPb from '@ipld/dag-pb'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { MemoryBlockstore } from '../../../src/block/memory-blockstore.ts'
import { BlockHashMismatchError, BlockNotFoundError } from '../../../src/block/errors.ts'
import { InvalidUnixFSError } from '../../../src/unixfs/format/errors.ts'
import { encodeUnixFSData } from '../../../src/unixfs/format/unixfs-data.ts'
import { cat } from '../../../src/unixfs/exporter/cat.ts'
import { InvalidRangeError } from '../../../src/unixfs/exporter/errors.ts'
import { concat, importBytes, randomBytes, smallDag } from './fixtures.ts'
import type { UnixFSData } from '../../../src/unixfs/format/unixfs-data.ts'

async function put (store: MemoryBlockstore, code: number, bytes: Uint8Array): Promise<CID> {
  const cid = CID.createV1(code, await sha256.digest(bytes))
  await store.put(cid, bytes)
  return cid
}

async function leaf (store: MemoryBlockstore, length: number): Promise<CID> {
  return await put(store, raw.code, randomBytes(length, length))
}

async function fileNode (store: MemoryBlockstore, data: UnixFSData, links: CID[]): Promise<CID> {
  return await put(store, dagPb.code, dagPb.encode({ Data: encodeUnixFSData(data), Links: links.map((Hash) => ({ Hash, Tsize: 1 })) }))
}

test('blocksizes that disagree with the children are an InvalidUnixFSError', async () => {
  const store = new MemoryBlockstore()
  const short = await fileNode(store, { type: 2, fileSize: 20, blockSizes: [10, 10] }, [await leaf(store, 10), await leaf(store, 12)])
  await assert.rejects(concat(cat(store, short)), InvalidUnixFSError)
  await assert.rejects(concat(cat(store, short, { offset: 12 })), /holds 12 bytes of the file, its parent's blocksizes say 10/)
  const long = await fileNode(store, { type: 2, fileSize: 20, blockSizes: [10, 10] }, [await leaf(store, 10), await leaf(store, 8)])
  await assert.rejects(concat(cat(store, long)), InvalidUnixFSError)
})

test('a filesize that is not data plus blocksizes, or blocksizes that do not match the links', async () => {
  const store = new MemoryBlockstore()
  const a = await leaf(store, 10)
  await assert.rejects(concat(cat(store, await fileNode(store, { type: 2, fileSize: 25, blockSizes: [10] }, [a]))), /filesize 25 but data and blocksizes add up to 10/)
  await assert.rejects(concat(cat(store, await fileNode(store, { type: 2, fileSize: 10, blockSizes: [5, 5] }, [a]))), /1 links but 2 blocksizes/)
  await assert.rejects(concat(cat(store, await fileNode(store, { type: 2, data: Uint8Array.of(1), fileSize: 2 }, []))), InvalidUnixFSError)
})

test('nodes that are not UnixFS files where a file should be', async () => {
  const store = new MemoryBlockstore()
  const dir = await fileNode(store, { type: 1 }, [])
  const withDirChild = await fileNode(store, { type: 2, fileSize: 4, blockSizes: [4] }, [dir])
  await assert.rejects(concat(cat(store, withDirChild)), /a directory node inside a file/)
  const noData = await put(store, dagPb.code, dagPb.encode({ Links: [] }))
  await assert.rejects(concat(cat(store, noData)), /no UnixFS data/)
  const garbage = await put(store, dagPb.code, dagPb.encode({ Data: Uint8Array.of(0xff, 0xff), Links: [] }))
  await assert.rejects(concat(cat(store, garbage)), InvalidUnixFSError)
  const cbor = await put(store, dagCbor.code, dagCbor.encode({ hello: 'world' }))
  await assert.rejects(concat(cat(store, cbor)), /is not UnixFS/)
  const cborChild = await fileNode(store, { type: 2, fileSize: 3, blockSizes: [3] }, [cbor])
  await assert.rejects(concat(cat(store, cborChild)), InvalidUnixFSError)
})

test('a corrupt block in the store is a BlockHashMismatchError, a missing one BlockNotFoundError', async () => {
  const store = new MemoryBlockstore()
  const data = randomBytes(64 * 10, 4)
  const cid = await importBytes(store, data, smallDag('balanced', true))
  const child = dagPb.decode(await store.get(cid)).Links[1]
  assert.ok(child !== undefined)
  const bytes = Uint8Array.from(await store.get(child.Hash))
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1
  await store.put(child.Hash, bytes)
  const got: Uint8Array[] = []
  await assert.rejects(async () => { for await (const piece of cat(store, cid)) got.push(piece) }, BlockHashMismatchError)
  const prefix = await concat(got)
  assert.deepEqual(prefix, data.subarray(0, prefix.byteLength), 'what was yielded before the error is right')
  await store.delete(child.Hash)
  await assert.rejects(concat(cat(store, cid)), BlockNotFoundError)
  assert.deepEqual(await concat(cat(store, cid, { offset: 0, length: 64 })), data.subarray(0, 64), 'a range that avoids the bad block still reads')
})

test('invalid ranges are an InvalidRangeError', async () => {
  const store = new MemoryBlockstore()
  const cid = await importBytes(store, randomBytes(10))
  for (const range of [{ offset: -1 }, { offset: 1.5 }, { length: -1 }, { offset: Number.NaN }, { length: 2 ** 60 }]) {
    await assert.rejects(concat(cat(store, cid, range)), InvalidRangeError, JSON.stringify(range))
  }
})
