// `cat` against the bytes ipfs-unixfs-importer (the oracle) was given: every
// layout and leaf kind, deep trees, whole files and many ranges, and that a
// range read fetches only the blocks it needs.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import * as dagPb from '@ipld/dag-pb'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { identity } from 'multiformats/hashes/identity'
import { sha256 } from 'multiformats/hashes/sha2'
import { exporter } from 'ipfs-unixfs-exporter'
import { MemoryBlockstore } from '../../../src/block/memory-blockstore.ts'
import { cat, fileSize } from '../../../src/unixfs/exporter/cat.ts'
import { NotAFileError } from '../../../src/unixfs/exporter/errors.ts'
import { CountingBlockstore, concat, importBytes, importEntries, oracleStore, randomBytes, seeded, smallDag } from './fixtures.ts'

const layouts = [
  { name: 'balanced, dag-pb leaves, CIDv0', options: smallDag('balanced', false) },
  { name: 'balanced, raw leaves, CIDv1', options: smallDag('balanced', true) },
  { name: 'trickle, UnixFS raw leaves, CIDv0', options: smallDag('trickle', false) },
  { name: 'trickle, raw leaves, CIDv1', options: smallDag('trickle', true) }
]

for (const { name, options } of layouts) {
  test(`cat of a deep ${name} DAG: whole file and 300 ranges`, async () => {
    const store = new MemoryBlockstore()
    const data = randomBytes(64 * 45 + 17, 7)
    const cid = await importBytes(store, data, options)
    assert.ok((await depth(store, cid)) >= 3, 'the DAG is at least three levels deep')
    assert.deepEqual(await concat(cat(store, cid)), data)
    assert.equal(await fileSize(store, cid), data.byteLength)
    const next = seeded(99)
    const size = data.byteLength
    const edges: Array<[number, number | undefined]> = [
      [0, undefined], [0, 0], [0, 1], [size - 1, undefined], [size - 1, 1], [size, undefined], [size, 5], [size + 100, 5],
      [63, 2], [64, 64], [65, 63], [0, size], [0, size + 1], [1, size - 2], [64 * 9 - 1, 64 * 9 + 2]
    ]
    for (let i = 0; i < 285; i++) edges.push([next(size + 10), next(4) === 0 ? undefined : next(size)])
    for (const [offset, length] of edges) {
      const got = await concat(cat(store, cid, { offset, ...(length === undefined ? {} : { length }) }))
      const want = data.subarray(offset, length === undefined ? undefined : offset + length)
      assert.deepEqual(got, want, `offset ${offset} length ${length}`)
    }
  })
}

test('a small range reads only the blocks on one root-to-leaf path', async () => {
  const store = new CountingBlockstore()
  const data = randomBytes(64 * 81, 3)
  const cid = await importBytes(store, data, smallDag('balanced', true))
  const levels = await depth(store, cid)
  store.gets = 0
  assert.deepEqual(await concat(cat(store, cid, { offset: 64 * 40 + 3, length: 10 })), data.subarray(64 * 40 + 3, 64 * 40 + 13))
  assert.ok(store.gets <= levels, `${store.gets} gets for a ${levels}-level DAG`)
  store.gets = 0
  await concat(cat(store, cid))
  assert.ok(store.gets > 81, 'a whole read loads every leaf')
})

test('the file kinds: data in the root, raw block, identity CIDs, empty file', async () => {
  const store = new MemoryBlockstore()
  const small = randomBytes(100, 5)
  const inRoot = await importBytes(store, small, { rawLeaves: false, cidVersion: 0 })
  assert.equal((dagPb.decode(await store.get(inRoot))).Links.length, 0, 'the data is in the root node')
  assert.deepEqual(await concat(cat(store, inRoot, { offset: 10, length: 20 })), small.subarray(10, 30))

  const rawCid = CID.createV1(raw.code, await sha256.digest(small))
  await store.put(rawCid, small)
  assert.deepEqual(await concat(cat(store, rawCid)), small)

  const inline = CID.createV1(raw.code, identity.digest(Uint8Array.of(1, 2, 3)))
  assert.deepEqual(await concat(cat(new MemoryBlockstore(), inline, { offset: 1 })), Uint8Array.of(2, 3))
  const pbInline = CID.createV1(dagPb.code, identity.digest(await store.get(inRoot)))
  assert.deepEqual(await concat(cat(store, pbInline)), small)

  const empty = await importBytes(store, new Uint8Array(0))
  assert.deepEqual(await concat(cat(store, empty)), new Uint8Array(0))
  assert.equal(await fileSize(store, empty), 0)
})

test('a 6 MiB file with default chunks streams in leaf-sized pieces and matches the exporter', async () => {
  const store = new MemoryBlockstore()
  const data = randomBytes(6 * 1024 * 1024 + 123, 11)
  const cid = await importBytes(store, data)
  let pieces = 0
  const hash = createHash('sha256')
  for await (const piece of cat(store, cid)) {
    assert.ok(piece.byteLength <= 262144)
    hash.update(piece)
    pieces++
  }
  assert.equal(hash.digest('hex'), createHash('sha256').update(data).digest('hex'))
  assert.equal(pieces, Math.ceil(data.byteLength / 262144))
  const entry = await exporter(cid, oracleStore(store))
  assert.equal(entry.size, BigInt(data.byteLength))
})

test('cat of a directory or a symlink is a NotAFileError', async () => {
  const store = new MemoryBlockstore()
  const dir = await importEntries(store, [{ path: 'd/a', content: Uint8Array.of(1) }, { path: 'd/l', link: 'a' }])
  await assert.rejects(concat(cat(store, dir)), (err: Error) => err instanceof NotAFileError && /this dag node is a directory/.test(err.message))
  const link = dagPb.decode(await store.get(dir)).Links.find((l) => l.Name === 'l')
  assert.ok(link !== undefined)
  await assert.rejects(concat(cat(store, link.Hash)), /this dag node is a symlink/)
})

/** Levels of the file DAG under `cid` along its deepest path (a leaf is one). */
async function depth (store: MemoryBlockstore, cid: CID): Promise<number> {
  if (cid.code !== dagPb.code) return 1
  let deepest = 0
  for (const link of dagPb.decode(await store.get(cid)).Links) deepest = Math.max(deepest, await depth(store, link.Hash))
  return 1 + deepest
}
