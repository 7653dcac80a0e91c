// `dag put` and `dag get` against the ipld/codec-fixtures in
// test/vectors/multiformats.json: the same data model value in several
// codecs, each file named by its CID.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as dagCbor from '@ipld/dag-cbor'
import * as dagPb from '@ipld/dag-pb'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { MemoryBlockstore } from '../../src/block/memory-blockstore.ts'
import { BlockDecodeError, BlockTooLargeError, UnknownCodecError, UnknownHashError } from '../../src/block/errors.ts'
import { DagEncodeError } from '../../src/dag/errors.ts'
import { dagGet, dagGetValue } from '../../src/dag/get.ts'
import { MAX_BLOCK_SIZE } from '../../src/dag/limits.ts'
import { parsePath } from '../../src/dag/path.ts'
import { dagPut, encodeDagNode } from '../../src/dag/put.ts'
import { readVectors } from '../helpers/vectors.ts'

interface Fixture { fixture: string, codec: string, cid: string, bytes_hex: string }
const fixtures = readVectors<{ ipld_codec_fixtures: { fixtures: Fixture[] } }>('multiformats.json').ipld_codec_fixtures.fixtures
const byName = Map.groupBy(fixtures, (f) => f.fixture)
const bytesOf = (f: Fixture): Uint8Array => Uint8Array.from(Buffer.from(f.bytes_hex, 'hex'))
/** A plain Uint8Array copy (codecs may hand back Buffers, which deepEqual tells apart). */
const u8 = (bytes: Uint8Array): Uint8Array => Uint8Array.from(bytes)

test('dag put of each dag-json fixture stores the dag-cbor fixture, with its CID', async () => {
  let checked = 0
  for (const [name, forms] of byName) {
    const json = forms.find((f) => f.codec === 'dag-json')
    const cbor = forms.find((f) => f.codec === 'dag-cbor')
    if (json === undefined || cbor === undefined) continue
    const store = new MemoryBlockstore()
    const cid = await dagPut(store, bytesOf(json))
    assert.equal(cid.toString(), cbor.cid, name)
    assert.deepEqual(u8(await store.get(cid)), bytesOf(cbor), name)
    assert.equal(encodeDagNode(bytesOf(cbor), { inputCodec: 'dag-cbor', storeCodec: 'dag-json' }).cid.toString(), json.cid, name)
    checked++
  }
  assert.ok(checked > 20, `${checked} fixtures`)
})

test('dag get of each fixture block prints the dag-json fixture', async () => {
  let checked = 0
  for (const [name, forms] of byName) {
    const json = forms.find((f) => f.codec === 'dag-json')
    if (json === undefined) continue
    for (const form of forms) {
      const store = new MemoryBlockstore()
      const cid = CID.parse(form.cid)
      await store.put(cid, bytesOf(form))
      assert.equal(Buffer.from(await dagGet(store, { root: cid, segments: [] })).toString(), Buffer.from(bytesOf(json)).toString(), `${name} from ${form.codec}`)
      assert.deepEqual(u8(await dagGet(store, { root: cid, segments: [] }, { outputCodec: form.codec })), bytesOf(form), `${name} back to ${form.codec}`)
      checked++
    }
  }
  assert.ok(checked > 40, `${checked} fixture blocks`)
})

test('dag get follows a path into a value; dag put defaults and options', async () => {
  const store = new MemoryBlockstore()
  const leaf = await dagPut(store, new TextEncoder().encode('{"n":1}'))
  const root = await dagPut(store, new TextEncoder().encode(`{"list":[{"/":"${leaf.toString()}"},"x"],"bytes":{"/":{"bytes":"AQID"}}}`))
  assert.equal(root.version, 1)
  assert.equal(root.code, dagCbor.code)
  assert.equal(new TextDecoder().decode(await dagGet(store, parsePath(`${root.toString()}/list/0/n`))), '1')
  assert.equal(new TextDecoder().decode(await dagGet(store, parsePath(`${root.toString()}/list/0`))), '{"n":1}')
  assert.equal(new TextDecoder().decode(await dagGet(store, parsePath(`${root.toString()}/list/1`))), '"x"')
  assert.deepEqual(u8(await dagGet(store, parsePath(`${root.toString()}/bytes`), { outputCodec: 'raw' })), Uint8Array.of(1, 2, 3))
  assert.deepEqual(await dagGetValue(store, parsePath(`${root.toString()}/bytes`)), Uint8Array.of(1, 2, 3))

  const block = encodeDagNode(new TextEncoder().encode('{"a":1}'), { storeCodec: 'dag-json', hash: 'sha2-512' })
  assert.equal(block.cid.multihash.code, 0x13)
  assert.equal(new TextDecoder().decode(block.bytes), '{"a":1}')
  const pbNode = encodeDagNode(new TextEncoder().encode(`{"Links":[{"Hash":{"/":"${leaf.toString()}"},"Name":"x","Tsize":5}]}`), { storeCodec: 'dag-pb' })
  assert.equal(dagPb.decode(pbNode.bytes).Links[0]?.Name, 'x')
  const rawBytes = Uint8Array.of(0, 1, 2)
  const rawBlock = encodeDagNode(rawBytes, { inputCodec: 'raw', storeCodec: 'raw' })
  assert.equal(rawBlock.cid.toString(), CID.createV1(raw.code, await sha256.digest(rawBytes)).toString())
})

test('dag put and dag get refuse bad input by name', async () => {
  const store = new MemoryBlockstore()
  assert.throws(() => encodeDagNode(new TextEncoder().encode('{not json')), (err: Error) => err instanceof BlockDecodeError && /cannot decode dag-json/.test(err.message))
  assert.throws(() => encodeDagNode(new TextEncoder().encode('{}'), { storeCodec: 'nope' }), UnknownCodecError)
  assert.throws(() => encodeDagNode(new TextEncoder().encode('{}'), { hash: 'md5' }), UnknownHashError)
  assert.throws(() => encodeDagNode(new TextEncoder().encode('{"a":1}'), { storeCodec: 'dag-pb' }), DagEncodeError)
  const big = new TextEncoder().encode(JSON.stringify({ s: 'x'.repeat(MAX_BLOCK_SIZE) }))
  assert.throws(() => encodeDagNode(big), BlockTooLargeError)
  assert.ok(encodeDagNode(big, { allowBigBlock: true }).bytes.byteLength > MAX_BLOCK_SIZE)
  const cid = await dagPut(store, new TextEncoder().encode('{"a":1}'))
  await assert.rejects(dagGet(store, { root: cid, segments: [] }, { outputCodec: 'dag-pb' }), DagEncodeError)
  await assert.rejects(dagGet(store, { root: cid, segments: [] }, { outputCodec: 'bogus' }), UnknownCodecError)
})
