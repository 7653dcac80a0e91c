// CAR export and import: round trips, Kubo's block order, and every kind of
// bad CAR refused by name.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { CarBlockIterator } from '@ipld/car'
import * as dagCbor from '@ipld/dag-cbor'
import * as dagPb from '@ipld/dag-pb'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { varint } from 'multiformats'
import { MemoryBlockstore } from '../../src/block/memory-blockstore.ts'
import { BlockNotFoundError, BlockTooLargeError } from '../../src/block/errors.ts'
import { exportCar, importCar } from '../../src/dag/car.ts'
import { InvalidCarError } from '../../src/dag/errors.ts'
import { BIG_BLOCK_LIMIT, MAX_BLOCK_SIZE } from '../../src/dag/limits.ts'
import { CountingBlockstore, all, concat, importEntries, randomBytes, smallDag } from '../unixfs/exporter/fixtures.ts'
import { carOf } from '../helpers/car.ts'

async function put (store: MemoryBlockstore, code: number, bytes: Uint8Array): Promise<CID> {
  const cid = CID.createV1(code, await sha256.digest(bytes))
  await store.put(cid, bytes)
  return cid
}

/** A DAG with a deep file, a HAMT, a directory, a shared leaf and dag-cbor on top. */
async function sample (store: MemoryBlockstore): Promise<CID> {
  const shared = randomBytes(64 * 4, 1)
  const unixfs = await importEntries(store, [
    { path: 'r/file', content: randomBytes(64 * 20 + 3, 2) },
    { path: 'r/same1', content: shared },
    { path: 'r/sub/same2', content: shared },
    ...Array.from({ length: 60 }, (_, i) => ({ path: `r/shard/${i}`, content: randomBytes(i + 1, i + 3) }))
  ], { ...smallDag('balanced', true), shardSplitThresholdBytes: 800 })
  const leaf = await put(store, raw.code, Uint8Array.of(7))
  return await put(store, dagCbor.code, dagCbor.encode({ b: unixfs, a: [leaf, unixfs], '10': leaf, '2': { x: leaf } }))
}

/** Depth-first pre-order, links in order, each CID once: the order Kubo's `dag export` writes. */
async function expectedOrder (store: MemoryBlockstore, root: CID): Promise<string[]> {
  const out: string[] = []
  const seen = new Set<string>()
  const visit = async (cid: CID): Promise<void> => {
    if (seen.has(cid.toString())) return
    seen.add(cid.toString())
    out.push(cid.toString())
    const bytes = await store.get(cid)
    let links: CID[] = []
    if (cid.code === dagPb.code) links = dagPb.decode(bytes).Links.map((l) => l.Hash)
    if (cid.code === dagCbor.code) {
      const node = dagCbor.decode(bytes) as { b: CID, a: CID[], '10': CID, '2': { x: CID } }
      links = [node['2'].x, node.a[0] as CID, node.a[1] as CID, node.b, node['10']] // canonical key order: 2, a, b, 10
    }
    for (const link of links) await visit(link)
  }
  await visit(root)
  return out
}

test('export then import into a fresh store: same blocks, same root, Kubo order', async () => {
  const store = new MemoryBlockstore()
  const root = await sample(store)
  const car = await concat(exportCar(store, root))
  const iterator = await CarBlockIterator.fromBytes(car)
  assert.deepEqual((await iterator.getRoots()).map(String), [root.toString()])
  const order = (await all(iterator)).map((b) => b.cid.toString())
  assert.deepEqual(order, await expectedOrder(store, root))
  assert.equal(new Set(order).size, order.length, 'each block once')
  const fresh = new MemoryBlockstore()
  const result = await importCar(fresh, [car.subarray(0, 100), car.subarray(100, 101), car.subarray(101)])
  assert.deepEqual(result.roots.map(String), [root.toString()])
  assert.equal(result.blocks, order.length)
  for (const text of order) assert.equal(Buffer.compare(await fresh.get(CID.parse(text)), await store.get(CID.parse(text))), 0)
  assert.equal(result.bytes, (await Promise.all(order.map(async (c) => (await store.get(CID.parse(c))).byteLength))).reduce((a, b) => a + b, 0))
  assert.equal((await all(fresh.list())).length, (await all(store.list())).length, 'every stored block was reachable')
})

test('a flipped byte in a block, truncation and junk are InvalidCarError', async () => {
  const store = new MemoryBlockstore()
  const root = await sample(store)
  const car = await concat(exportCar(store, root))
  const flipped = Uint8Array.from(car)
  flipped[car.byteLength - 3] = (flipped[car.byteLength - 3] ?? 0) ^ 0x40
  await assert.rejects(importCar(new MemoryBlockstore(), [flipped]), (err: Error) => err instanceof InvalidCarError && /does not match its hash/.test(err.message))
  for (const cut of [1, 10, 60, 61, 200, car.byteLength - 1]) {
    await assert.rejects(importCar(new MemoryBlockstore(), [car.subarray(0, cut)]), InvalidCarError, `cut at ${cut}`)
  }
  await assert.rejects(importCar(new MemoryBlockstore(), [new TextEncoder().encode('hello, not a car')]), /not a CAR file/)
  await assert.rejects(importCar(new MemoryBlockstore(), []), /not a CAR file/)
})


test('a block over 2 MiB is a BlockTooLargeError, read no further than its length', async () => {
  const big = new Uint8Array(MAX_BLOCK_SIZE + 1)
  const cid = CID.createV1(raw.code, await sha256.digest(big))
  await assert.rejects(importCar(new MemoryBlockstore(), [await carOf([cid], [{ cid, bytes: big }])]), BlockTooLargeError)
  // a header, then a section that claims 2^40 bytes and stops
  const header = (await carOf([cid], [])).subarray()
  const claim = varint.encodeTo(2 ** 40, new Uint8Array(varint.encodingLength(2 ** 40)))
  await assert.rejects(importCar(new MemoryBlockstore(), [header, claim, cid.bytes]), BlockTooLargeError)
  const atLimit = new Uint8Array(MAX_BLOCK_SIZE)
  const ok = CID.createV1(raw.code, await sha256.digest(atLimit))
  assert.equal((await importCar(new MemoryBlockstore(), [await carOf([ok], [{ cid: ok, bytes: atLimit }])])).blocks, 1)
})

test('allowBigBlock takes blocks up to 4 MiB, stored whole, and still refuses one over that, or a length that claims more', async () => {
  const big = new Uint8Array(BIG_BLOCK_LIMIT).fill(7)
  const cid = CID.createV1(raw.code, await sha256.digest(big))
  const store = new MemoryBlockstore()
  const result = await importCar(store, [await carOf([cid], [{ cid, bytes: big }])], { allowBigBlock: true })
  assert.deepEqual({ blocks: result.blocks, bytes: result.bytes }, { blocks: 1, bytes: BIG_BLOCK_LIMIT })
  assert.deepEqual(await store.get(cid), big)
  const over = new Uint8Array(BIG_BLOCK_LIMIT + 1)
  const overCid = CID.createV1(raw.code, await sha256.digest(over))
  await assert.rejects(importCar(new MemoryBlockstore(), [await carOf([overCid], [{ cid: overCid, bytes: over }])], { allowBigBlock: true }), (err: Error) => err instanceof BlockTooLargeError && err.message.includes(String(BIG_BLOCK_LIMIT)))
  const header = (await carOf([cid], [])).subarray()
  const claim = varint.encodeTo(2 ** 40, new Uint8Array(varint.encodingLength(2 ** 40)))
  await assert.rejects(importCar(new MemoryBlockstore(), [header, claim, cid.bytes], { allowBigBlock: true }), BlockTooLargeError)
})

test('a block with a codec this node cannot read is refused; a header root need not be present', async () => {
  const bytes = Uint8Array.of(1, 2, 3)
  const gitRaw = CID.createV1(0x78, await sha256.digest(bytes))
  await assert.rejects(importCar(new MemoryBlockstore(), [await carOf([gitRaw], [{ cid: gitRaw, bytes }])]), InvalidCarError)
  const badCbor = CID.createV1(dagCbor.code, await sha256.digest(Uint8Array.of(0xff)))
  await assert.rejects(importCar(new MemoryBlockstore(), [await carOf([badCbor], [{ cid: badCbor, bytes: Uint8Array.of(0xff) }])]), InvalidCarError)
  const absent = CID.createV1(raw.code, await sha256.digest(Uint8Array.of(9)))
  const rawCid = CID.createV1(raw.code, await sha256.digest(bytes))
  const result = await importCar(new MemoryBlockstore(), [await carOf([absent], [{ cid: rawCid, bytes }])])
  assert.deepEqual(result, { roots: [absent], blocks: 1, bytes: 3 })
})

test('CAR v2 is read through its data payload', async () => {
  const bytes = randomBytes(100)
  const cid = CID.createV1(raw.code, await sha256.digest(bytes))
  const v1 = await carOf([cid], [{ cid, bytes }])
  const pragma = Uint8Array.of(0x0a, 0xa1, 0x67, 0x76, 0x65, 0x72, 0x73, 0x69, 0x6f, 0x6e, 0x02)
  const fixed = new Uint8Array(40)
  const view = new DataView(fixed.buffer)
  view.setBigUint64(16, BigInt(pragma.byteLength + 40), true) // data offset
  view.setBigUint64(24, BigInt(v1.byteLength), true) // data size
  view.setBigUint64(32, 0n, true) // no index
  const trailing = Uint8Array.of(1, 2, 3, 4) // not part of the payload
  const result = await importCar(new MemoryBlockstore(), [pragma, fixed, v1, trailing])
  assert.deepEqual(result, { roots: [cid], blocks: 1, bytes: 100 })
})

test('export of a DAG with a missing block fails by name; a reader that stops early stops the export', async () => {
  const store = new CountingBlockstore()
  const root = await sample(store)
  const order = await expectedOrder(store, root)
  await store.delete(CID.parse(order[order.length - 1] ?? ''))
  await assert.rejects(concat(exportCar(store, root)), BlockNotFoundError)
  store.gets = 0
  for await (const chunk of exportCar(store, root)) {
    assert.ok(chunk.byteLength > 0)
    break
  }
  await new Promise((resolve) => setTimeout(resolve, 20)) // an unhandled rejection here would fail the test
  assert.ok(store.gets < 5, `the walk stopped after ${store.gets} of ${order.length} blocks`)
})
