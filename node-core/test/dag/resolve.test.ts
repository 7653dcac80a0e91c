// Path resolution through dag-cbor, dag-json and dag-pb nodes and the links
// between them; the remainder inside a block; named errors.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as dagCbor from '@ipld/dag-cbor'
import * as dagJson from '@ipld/dag-json'
import * as dagPb from '@ipld/dag-pb'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { MemoryBlockstore } from '../../src/block/memory-blockstore.ts'
import { BlockDecodeError, BlockHashMismatchError, BlockNotFoundError } from '../../src/block/errors.ts'
import { PathNotFoundError } from '../../src/dag/errors.ts'
import { parsePath } from '../../src/dag/path.ts'
import { resolvePath, stepAll } from '../../src/dag/resolve.ts'
import { importEntries, randomBytes } from '../unixfs/exporter/fixtures.ts'

async function put (store: MemoryBlockstore, code: number, bytes: Uint8Array): Promise<CID> {
  const cid = CID.createV1(code, await sha256.digest(bytes))
  await store.put(cid, bytes)
  return cid
}

async function graph (store: MemoryBlockstore): Promise<{ root: CID, leaf: CID, json: CID, dir: CID, file: CID, pb: CID }> {
  const dir = await importEntries(store, [{ path: 'd/f.txt', content: randomBytes(20) }])
  const file = dagPb.decode(await store.get(dir)).Links[0]?.Hash as CID
  const leaf = await put(store, raw.code, Uint8Array.of(1, 2, 3))
  const pb = await put(store, dagPb.code, dagPb.encode({ Links: [{ Name: 'plain', Hash: leaf, Tsize: 3 }] }))
  const json = await put(store, dagJson.code, dagJson.encode({ deep: { list: [10, { here: leaf }] }, files: dir }))
  const root = await put(store, dagCbor.code, dagCbor.encode({ a: { b: [1, 2, { c: 'value' }] }, next: json, bytes: Uint8Array.of(9), pb, '10': 'ten' }))
  return { root, leaf, json, dir, file, pb }
}

test('walks maps, lists and links across codecs; stops inside a block with a remainder', async () => {
  const store = new MemoryBlockstore()
  const g = await graph(store)
  const cases: Array<[string[], CID, string[]]> = [
    [[], g.root, []],
    [['a'], g.root, ['a']],
    [['a', 'b', '2', 'c'], g.root, ['a', 'b', '2', 'c']],
    [['10'], g.root, ['10']],
    [['next'], g.json, []],
    [['next', 'deep', 'list', '1', 'here'], g.leaf, []],
    [['next', 'deep', 'list', '0'], g.json, ['deep', 'list', '0']],
    [['next', 'files', 'f.txt'], g.file, []],
    [['pb', 'plain'], g.leaf, []]
  ]
  for (const [segments, cid, remainder] of cases) {
    const resolved = await resolvePath(store, { root: g.root, segments })
    assert.equal(resolved.cid.toString(), cid.toString(), segments.join('/'))
    assert.deepEqual(resolved.remainder, remainder, segments.join('/'))
  }
  const inside = await resolvePath(store, parsePath(`/ipfs/${g.root.toString()}/a/b/2/c`))
  assert.equal(stepAll(dagCbor.decode(await store.get(inside.cid)), inside.remainder, 'x'), 'value')
})

test('a missing segment is a PathNotFoundError naming it', async () => {
  const store = new MemoryBlockstore()
  const g = await graph(store)
  const cases: Array<[string[], RegExp]> = [
    [['nope'], /no field "nope"/],
    [['a', 'b', '3'], /no index 3 under .*\/a\/b/],
    [['a', 'b', '01'], /no index 01/],
    [['a', 'b', '-1'], /no index -1/],
    [['a', 'b', '2', 'c', 'x'], /no field "x" under .*\/c/],
    [['bytes', '0'], /no field "0"/],
    [['next', 'files', 'missing.txt'], /no link named "missing.txt" under .*\/next\/files/],
    [['next', 'files', 'f.txt', 'deeper'], /no link named "deeper"/],
    [['pb', 'plain', 'x'], /raw block/],
    [['toString'], /no field "toString"/],
    [['__proto__'], /no field "__proto__"/]
  ]
  for (const [segments, message] of cases) {
    await assert.rejects(resolvePath(store, { root: g.root, segments }), (err: Error) => err instanceof PathNotFoundError && message.test(err.message), segments.join('/'))
  }
})

test('every block on the way is verified: corrupt is BlockHashMismatchError, missing BlockNotFoundError', async () => {
  const store = new MemoryBlockstore()
  const g = await graph(store)
  await store.put(g.json, dagJson.encode({ deep: 'tampered' }))
  await assert.rejects(resolvePath(store, { root: g.root, segments: ['next', 'deep'] }), BlockHashMismatchError)
  await store.delete(g.json)
  await assert.rejects(resolvePath(store, { root: g.root, segments: ['next', 'deep'] }), BlockNotFoundError)
  const bad = await put(store, dagCbor.code, Uint8Array.of(0xff))
  await assert.rejects(resolvePath(store, { root: bad, segments: ['x'] }), BlockDecodeError)
})
