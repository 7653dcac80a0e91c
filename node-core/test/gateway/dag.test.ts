// IPLD documents through the gateway, as path_gateway_dag_test expects:
// plain CBOR/JSON and dag-cbor/dag-json blocks served as stored under their
// media types (TestPlainCodec, TestNativeDag), pathing through their links
// and the 501 for paths that end inside a value (TestPathing), and 406 for
// every codec conversion (TestCodecMismatchReturns406, IPIP-0524).
// plain-cbor.car is the rebuilt fixture; the dag-cbor/dag-json traversal
// DAGs and plain-json are stand-ins of the same shape (standins.ts).
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import * as dagCbor from '@ipld/dag-cbor'
import * as dagJson from '@ipld/dag-json'
import { CID } from 'multiformats/cid'
import { FixtureDag, fixture } from './fixtures.ts'
import { fixtureRepo, get, startTestGateway } from './helpers.ts'
import { plainJson, traversalDag } from './standins.ts'
import type { FixtureRepo, TestGateway } from './helpers.ts'

describe('gateway: IPLD documents', () => {
  let repo: FixtureRepo
  let gw: TestGateway
  before(async () => {
    repo = await fixtureRepo(['plain-cbor.car', 'path_gateway_dag/gateway-json-cbor.car'])
    gw = await startTestGateway({ store: repo.repo.blockstore })
  })
  after(async () => {
    await gw.close()
    await repo.close()
  })

  test('plain CBOR (fixture) and plain JSON (stand-in) are served as stored, with ranges', async () => {
    const cbor = CID.parse(new FixtureDag(fixture('plain-cbor.car')).root)
    const cborBytes = new Uint8Array(await repo.repo.blockstore.get(cbor))
    const json = await plainJson(repo.repo.blockstore)
    for (const [cid, bytes, type, disposition, ext] of [[cbor, cborBytes, 'cbor', 'attachment', 'cbor'], [json.cid, json.bytes, 'json', 'inline', 'json']] as const) {
      for (const [query, headers] of [['', {}], [`?format=${type}`, {}], ['', { Accept: `application/${type}` }]] as const) {
        const reply = await get(gw, `/ipfs/${cid}${query}`, headers)
        assert.equal(reply.status, 200)
        assert.equal(reply.headers.get('content-type'), `application/${type}`)
        assert.ok(reply.headers.get('content-disposition')?.includes(`${disposition}; filename="${cid}.${ext}"`))
        assert.deepEqual(reply.body, bytes)
        const ranged = await get(gw, `/ipfs/${cid}${query}`, { ...headers, Range: 'bytes=1-3' })
        assert.equal(ranged.status, 206)
        assert.deepEqual(ranged.body, bytes.subarray(1, 4))
      }
    }
  })

  for (const codec of [dagJson, dagCbor]) {
    const format = codec.name
    const short = format.replace('dag-', '')
    test(`${format}: served as stored, pathing through links, 501 inside values, 404 for missing keys`, async () => {
      const { root, leafBytes } = await traversalDag(repo.repo.blockstore, codec)
      const rootBytes = new Uint8Array(await repo.repo.blockstore.get(root))
      for (const [query, headers] of [['', {}], [`?format=${format}`, {}], ['', { Accept: `application/vnd.ipld.${format}` }]] as const) {
        const reply = await get(gw, `/ipfs/${root}${query}`, headers)
        assert.equal(reply.status, 200)
        assert.deepEqual(reply.body, rootBytes)
        assert.equal(reply.headers.get('content-type'), `application/vnd.ipld.${format}`)
        assert.equal(reply.headers.get('content-length'), String(rootBytes.byteLength))
        assert.ok(reply.headers.get('content-disposition')?.includes(`${short === 'json' ? 'inline' : 'attachment'}; filename="${root}.${short}"`))
        assert.equal(reply.headers.get('x-content-type-options'), 'nosniff')
      }
      for (const [query, headers] of [[`?format=${short}`, {}], ['', { Accept: `application/${short}` }]] as const) {
        const plain = await get(gw, `/ipfs/${root}${query}`, headers)
        assert.equal(plain.headers.get('content-type'), `application/${short}`, 'dag-* as plain json/cbor keeps the bytes')
        assert.deepEqual(plain.body, rootBytes)
      }
      const remainder = await get(gw, `/ipfs/${root}/foo?format=${format}`)
      assert.equal(remainder.status, 501)
      assert.match(remainder.text, /reading IPLD Kinds other than Links \(CBOR Tag 42\) is not implemented/)
      const leaf = await get(gw, `/ipfs/${root}/foo/link/bar?format=${format}`)
      assert.equal(leaf.status, 200)
      assert.deepEqual(leaf.body, leafBytes)
      assert.deepEqual(codec.decode(leaf.body), { hello: 'this is not a link' })
      assert.equal((await get(gw, `/ipfs/${root}/foo/i-do-not-exist`)).status, 404)
      const other = format === 'dag-json' ? 'dag-cbor' : 'dag-json'
      assert.equal((await get(gw, `/ipfs/${root}?format=${other}`)).status, 406, 'no conversion between codecs')
      assert.equal((await get(gw, `/ipfs/${root}`, { Accept: `application/vnd.ipld.${other}` })).status, 406)
      assert.equal((await get(gw, `/ipfs/${root}?format=${short === 'json' ? 'cbor' : 'json'}`)).status, 406)
    })
  }

  test('UnixFS (dag-pb) is never converted to dag-json or dag-cbor: 406', async () => {
    const file = new FixtureDag(fixture('path_gateway_dag/gateway-json-cbor.car')).cid('ą', 'ę', 'file-źł.txt')
    for (const [query, headers] of [['?format=dag-json', {}], ['?format=dag-cbor', {}], ['', { Accept: 'application/vnd.ipld.dag-json' }], ['', { Accept: 'foo, application/vnd.ipld.dag-cbor,bar' }]] as const) {
      assert.equal((await get(gw, `/ipfs/${file}${query}`, headers)).status, 406, query + JSON.stringify(headers))
    }
    const dir = new FixtureDag(fixture('path_gateway_dag/gateway-json-cbor.car')).root
    assert.equal((await get(gw, `/ipfs/${dir}?format=dag-json`)).status, 406)
  })
})
