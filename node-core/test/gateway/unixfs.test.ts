// Deserialized UnixFS responses against the rebuilt conformance fixtures,
// with the expectations of gateway-conformance's path_gateway_unixfs_test
// (TestUnixFSDirectoryListing, TestGatewayCache, TestGatewaySymlink,
// TestGatewayUnixFSFileRanges, TestPathGatewayMiscellaneous) and
// path_gateway_dag_test's TestGatewayJsonCbor.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { CID } from 'multiformats/cid'
import { FixtureDag, fixture } from './fixtures.ts'
import { fixtureRepo, get, startTestGateway } from './helpers.ts'
import { missingBlockFile } from './standins.ts'
import type { FixtureRepo, TestGateway } from './helpers.ts'

const IMMUTABLE = 'public, max-age=29030400, immutable'
const FIXTURES = ['dir_listing/fixtures.car', 'gateway-cache/fixtures.car', 'path_gateway_unixfs/symlink.car', 'path_gateway_unixfs/dir-with-files.car',
  'path_gateway_unixfs/dir-with-percent-encoded-filename.car', 'path_gateway_dag/gateway-json-cbor.car', 'subdomain_gateway/fixtures.car',
  'path_gateway_tar/outside-root.car', 'path_gateway_tar/inside-root.car', 'path_gateway_dag/dag-pb.car', 'redirects_file/redirects-spa.car',
  'trustless_gateway_car/single-layer-hamt-with-multi-block-files.car']

describe('gateway: UnixFS', () => {
  let repo: FixtureRepo
  let gw: TestGateway
  before(async () => {
    repo = await fixtureRepo(FIXTURES)
    gw = await startTestGateway({ store: repo.repo.blockstore })
  })
  after(async () => {
    await gw.close()
    await repo.close()
  })

  test('dir_listing: listing, backlinks, breadcrumbs, trailing-slash redirect, 404', async () => {
    const dag = new FixtureDag(fixture('dir_listing/fixtures.car'))
    const root = dag.root
    const top = await get(gw, `/ipfs/${root}/`)
    assert.equal(top.status, 200)
    assert.match(top.text, /Index of/)
    assert.ok(!top.text.includes(`<a href="/ipfs/${root}/">..</a>`), 'no backlink on the root')
    const redirect = await get(gw, `/ipfs/${root}/ą/ę`)
    assert.equal(redirect.status, 301)
    assert.equal(redirect.headers.get('location'), `/ipfs/${root}/%C4%85/%C4%99/`)
    const listing = await get(gw, `/ipfs/${root}/ą/ę/`)
    assert.equal(listing.status, 200)
    assert.match(listing.headers.get('etag') ?? '', /^"DirIndex-/)
    assert.equal(listing.headers.get('content-type'), 'text/html; charset=utf-8')
    for (const snippet of [
      `/ipfs/<a href="/ipfs/${root}">${root}</a>/<a href="/ipfs/${root}/%C4%85">ą</a>/<a href="/ipfs/${root}/%C4%85/%C4%99">ę</a>`,
      `<a href="/ipfs/${root}/%C4%85/%C4%99/..">..</a>`,
      `<a href="/ipfs/${root}/%C4%85/%C4%99/file-%C5%BA%C5%82.txt">file-źł.txt</a>`,
      `<a class="ipfs-hash" translate="no" href="/ipfs/${dag.cid('ą', 'ę', 'file-źł.txt')}?filename=file-%25C5%25BA%25C5%2582.txt">`
    ]) assert.ok(listing.text.includes(snippet), snippet)
    assert.equal((await get(gw, `/ipfs/${root}/i-do-not-exist`)).status, 404)
    const query = await get(gw, `/ipfs/${root}/ą?filename=x`)
    assert.equal(query.headers.get('location'), `/ipfs/${root}/%C4%85/?filename=x`, 'the redirect keeps the query')
  })

  test('gateway-cache: X-Ipfs-Path, X-Ipfs-Roots, Etag and Cache-Control of listings, index.html and files', async () => {
    const dag = new FixtureDag(fixture('gateway-cache/fixtures.car'))
    const [c1, c2, c3, c4, c5] = [dag.root, dag.cid('root2'), dag.cid('root2', 'root3'), dag.cid('root2', 'root3', 'root4'), dag.cid('root2', 'root3', 'root4', 'index.html')]
    const listing = await get(gw, `/ipfs/${c1}/root2/root3/`)
    assert.equal(listing.status, 200)
    assert.equal(listing.headers.get('x-ipfs-path'), `/ipfs/${c1}/root2/root3/`)
    assert.equal(listing.headers.get('x-ipfs-roots'), `${c1},${c2},${c3}`)
    assert.match(listing.headers.get('etag') ?? '', new RegExp(`DirIndex-.*_CID-${c3}`))
    assert.equal(listing.headers.get('cache-control'), 'public, max-age=604800, stale-while-revalidate=2678400')
    const index = await get(gw, `/ipfs/${c1}/root2/root3/root4/`)
    assert.equal(index.status, 200)
    assert.equal(index.text, 'hello\n')
    assert.equal(index.headers.get('cache-control'), IMMUTABLE)
    assert.equal(index.headers.get('x-ipfs-path'), `/ipfs/${c1}/root2/root3/root4/`)
    assert.equal(index.headers.get('x-ipfs-roots'), `${c1},${c2},${c3},${c4}`)
    assert.equal(index.headers.get('etag'), `"${c4}"`)
    assert.match(index.headers.get('content-type') ?? '', /^text\/html/)
    const file = await get(gw, `/ipfs/${c1}/root2/root3/root4/index.html`)
    assert.equal(file.status, 200)
    assert.equal(file.headers.get('cache-control'), IMMUTABLE)
    assert.equal(file.headers.get('x-ipfs-roots'), `${c1},${c2},${c3},${c4},${c5}`)
    assert.equal(file.headers.get('etag'), `"${c5}"`)
    assert.equal(file.headers.get('content-length'), '6')
    const head = await get(gw, `/ipfs/${c1}/root2/root3/root4/index.html`, {}, 'HEAD')
    assert.equal(head.status, 200)
    assert.equal(head.body.byteLength, 0)
    assert.equal(head.headers.get('etag'), `"${c5}"`)
    assert.equal(head.headers.get('content-length'), '6')
  })

  test('gateway-cache: If-None-Match answers 304 for strong, listed, weak and wildcard matches', async () => {
    const dag = new FixtureDag(fixture('gateway-cache/fixtures.car'))
    const base = `/ipfs/${dag.root}/root2/root3`
    const file = dag.cid('root2', 'root3', 'root4', 'index.html')
    for (const inm of [`"${file}"`, `"fakeEtag1", "fakeEtag2", "${file}"`, `W/"${file}"`, '*']) {
      assert.equal((await get(gw, `${base}/root4/index.html`, { 'If-None-Match': inm })).status, 304, inm)
    }
    assert.equal((await get(gw, `${base}/root4/index.html`, { 'If-None-Match': '"other"' })).status, 200)
    assert.equal((await get(gw, `${base}/root4/`, { 'If-None-Match': `"${dag.cid('root2', 'root3', 'root4')}"` })).status, 304)
    assert.equal((await get(gw, `${base}/`, { 'If-None-Match': `W/"${dag.cid('root2', 'root3')}"` })).status, 304)
    const etag = (await get(gw, `${base}/`)).headers.get('etag') ?? ''
    assert.equal((await get(gw, `${base}/`, { 'If-None-Match': etag })).status, 304)
    assert.equal((await get(gw, `${base}/`, { 'If-None-Match': `W/${etag}` })).status, 304)
  })

  test('gateway-cache: Cache-Control: only-if-cached', async () => {
    const dag = new FixtureDag(fixture('gateway-cache/fixtures.car'))
    const cached = `/ipfs/${dag.root}/root2/root3/root4/?format=json`
    const missing = '/ipfs/QmYzfKSE55XCjD1MW128RfciAf2DViABhEiXfgVFMabSjN'
    for (const method of ['HEAD', 'GET']) {
      assert.equal((await get(gw, cached, { 'Cache-Control': 'only-if-cached' }, method)).status, 200, method)
      assert.equal((await get(gw, missing, { 'Cache-Control': 'only-if-cached' }, method)).status, 412, method)
    }
  })

  test('symlink: listed, served as raw block, and as its target text', async () => {
    const dag = new FixtureDag(fixture('symlink.car'))
    const listing = await get(gw, `/ipfs/${dag.root}/`)
    assert.ok(listing.text.includes('>foo<') && listing.text.includes('>bar<'))
    const rawBlock = await get(gw, `/ipfs/${dag.root}?format=raw`)
    assert.equal(rawBlock.status, 200)
    assert.deepEqual(rawBlock.body, new Uint8Array(await repo.repo.blockstore.get(CID.parse(dag.root))))
    const link = await get(gw, `/ipfs/${dag.root}/bar`)
    assert.equal(link.status, 200)
    assert.equal(link.text, 'foo')
  })

  test('dir-with-files: single, suffix, multiple and unsatisfiable ranges', async () => {
    const root = new FixtureDag(fixture('path_gateway_unixfs/dir-with-files.car')).root
    const whole = 'hello application/vnd.ipld.car\n'
    const path = `/ipfs/${root}/ascii.txt`
    const plain = await get(gw, path)
    assert.equal(plain.headers.get('accept-ranges'), 'bytes')
    const cases: Array<[string, string, string]> = [['bytes=6-16', 'bytes 6-16/31', whole.slice(6, 17)], ['bytes=-3', 'bytes 28-30/31', whole.slice(28)], ['bytes=6-16,0-4', 'bytes 6-16/31', whole.slice(6, 17)], ['bytes=20-', 'bytes 20-30/31', whole.slice(20)], ['bytes=25-1000', 'bytes 25-30/31', whole.slice(25)]]
    for (const [range, contentRange, body] of cases) {
      const reply = await get(gw, path, { Range: range })
      assert.equal(reply.status, 206, range)
      assert.match(reply.headers.get('content-type') ?? '', /text\/plain/)
      assert.equal(reply.headers.get('content-range'), contentRange)
      assert.equal(reply.text, body)
    }
    const unsatisfiable = await get(gw, path, { Range: 'bytes=31-' })
    assert.equal(unsatisfiable.status, 416)
    assert.equal(unsatisfiable.headers.get('content-range'), 'bytes */31')
    assert.equal((await get(gw, path, { Range: 'lines=1-2' })).status, 200, 'a range unit we do not know is ignored')
    const multiblock = await get(gw, `/ipfs/${root}/multiblock.txt`, { Range: 'bytes=250-260' })
    assert.equal(multiblock.status, 206)
    assert.equal(multiblock.text, (await get(gw, `/ipfs/${root}/multiblock.txt`)).text.slice(250, 261))
  })

  test('a range is served when blocks outside it are missing (file-3k stand-in)', async () => {
    const { root, content } = await missingBlockFile(repo.repo.blockstore)
    for (const [range, start, end] of [['bytes=997-1000', 997, 1000], ['bytes=2200-2201', 2200, 2201]] as const) {
      const reply = await get(gw, `/ipfs/${root}`, { Range: range })
      assert.equal(reply.status, 206, range)
      assert.match(reply.headers.get('content-type') ?? '', /text\/plain/)
      assert.equal(reply.headers.get('content-range'), `bytes ${start}-${end}/3072`)
      assert.deepEqual(reply.body, content.subarray(start, end + 1))
    }
    await assert.rejects(get(gw, `/ipfs/${root}`), 'the whole file cannot be sent: the response is cut, not completed')
  })

  test('percent-encoded names, JSON files, filename and download parameters', async () => {
    const encoded = new FixtureDag(fixture('dir-with-percent-encoded-filename.car')).root
    const named = await get(gw, `/ipfs/${encoded}/Portugal%252C+España=Peninsula%20Ibérica.txt`)
    assert.equal(named.status, 200)
    assert.equal(named.text, 'hello from a percent encoded filename\n')
    const dag = new FixtureDag(fixture('gateway-json-cbor.car'))
    const json = dag.cid('ą', 'ę', 't.json')
    for (const headers of [{}, { Accept: 'application/json' }] as Array<Record<string, string>>) {
      const reply = await get(gw, `/ipfs/${json}`, headers)
      assert.equal(reply.headers.get('content-type'), 'application/json')
      assert.equal(reply.text, '{ "test": "i am a plain json file" }\n')
    }
    assert.equal((await get(gw, `/ipfs/${json}?format=json`, { Accept: 'application/vnd.ipld.raw' })).headers.get('content-type'), 'application/json')
    const txt = dag.cid('ą', 'ę', 'file-źł.txt')
    for (const query of ['?format=json', '?format=cbor']) {
      const reply = await get(gw, `/ipfs/${txt}${query}`)
      assert.equal(reply.status, 200)
      assert.match(reply.headers.get('content-type') ?? '', /^text\/plain/, 'json/cbor of UnixFS changes nothing')
    }
    const download = await get(gw, `/ipfs/${txt}?filename=${encodeURIComponent('testтест.pdf')}&download=true`)
    assert.equal(download.headers.get('content-disposition'), `attachment; filename="test____.pdf"; filename*=UTF-8''test%D1%82%D0%B5%D1%81%D1%82.pdf`)
    assert.equal(download.headers.get('content-type'), 'application/pdf')
    assert.equal((await get(gw, `/ipfs/${txt}?filename=a.txt`)).headers.get('content-disposition'), 'inline; filename="a.txt"')
  })

  test('other fixtures through the path gateway: subdomain tree, dag-pb.car, TAR fixtures, HAMT, redirects-spa', async () => {
    const sub = new FixtureDag(fixture('subdomain_gateway/fixtures.car')).root
    for (const name of ['hello-CIDv0', 'hello-CIDv0to1', 'hello-CIDv1', 'hello-CIDv1_TOO_LONG']) assert.equal((await get(gw, `/ipfs/${sub}/${name}`)).text, 'hello\n', name)
    assert.equal((await get(gw, `/ipfs/${sub}/testdirlisting/ipfs/ipns/bar`)).text, 'text-file-content\n')
    const pb = new FixtureDag(fixture('dag-pb.car')).root
    assert.equal((await get(gw, `/ipfs/${pb}/foo/bar.txt`)).text, 'Hello, world!\n')
    assert.equal((await get(gw, `/ipfs/${pb}/foo.txt`)).text, 'Hello, IPFS!\n')
    const outside = new FixtureDag(fixture('outside-root.car')).root
    const listing = await get(gw, `/ipfs/${outside}/`)
    assert.ok(listing.text.includes(`href="/ipfs/${outside}/..%2Ffoo">../foo</a>`), 'a "../foo" entry links to its encoded name')
    assert.ok(!listing.text.includes(`href="/ipfs/${outside}/../foo"`))
    assert.equal((await get(gw, `/ipfs/${outside}/bar`)).text, 'Hello, world!\n')
    assert.equal((await get(gw, `/ipfs/${outside}/..%2Ffoo`)).status, 400, 'the name cannot be reached as a path: ".." is refused')
    assert.equal((await get(gw, `/ipfs/${outside}?format=tar`)).status, 406)
    const inside = new FixtureDag(fixture('inside-root.car')).root
    assert.equal((await get(gw, `/ipfs/${inside}/foobar/directory/`)).status, 200)
    const hamt = new FixtureDag(fixture('single-layer-hamt-with-multi-block-files.car')).root
    const file = await get(gw, `/ipfs/${hamt}/685.txt`)
    assert.equal(file.status, 200)
    assert.equal(file.body.byteLength, 1026)
    assert.match(file.text, /^Lorem ipsum/)
    const shardListing = await get(gw, `/ipfs/${hamt}/`)
    assert.ok(shardListing.text.includes('>685.txt</a>') && shardListing.text.includes('>1.txt</a>'))
    const spa = new FixtureDag(fixture('redirects-spa.car')).root
    assert.equal((await get(gw, `/ipfs/${spa}/_redirects`)).text, '# Map SPA routes to the main index HTML file.\n/* /index.html 200\n')
    assert.equal((await get(gw, `/ipfs/${spa}/missing-page`)).status, 404, '_redirects applies to origin-isolated gateways only')
  })
})
