// Trustless responses against the rebuilt conformance fixtures: raw blocks
// (path_gateway_raw_test TestGatewayBlock, TestGatewayBlockMultiRangeRequest)
// and CARs (trustless_gateway_car_test: pathing, dag-scope, entity-bytes,
// order and duplicates, format precedence), every CAR parsed with
// @ipld/car's CarReader and every block checked against its CID.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { CID } from 'multiformats/cid'
import { FixtureDag, fixture } from './fixtures.ts'
import { carCids, fixtureRepo, get, startTestGateway } from './helpers.ts'
import { dirWithDagCbor, missingBlockFile } from './standins.ts'
import type { FixtureRepo, TestGateway } from './helpers.ts'

const FIXTURES = ['gateway-raw-block.car', 'subdir-with-two-single-block-files.car', 'single-layer-hamt-with-multi-block-files.car',
  'subdir-with-mixed-block-files.car', 'dir-with-duplicate-files.car', 'path_gateway_unixfs/symlink.car']

describe('gateway: trustless responses', () => {
  let repo: FixtureRepo
  let gw: TestGateway
  let two: FixtureDag
  let hamt: FixtureDag
  let mixed: FixtureDag
  before(async () => {
    repo = await fixtureRepo(FIXTURES)
    gw = await startTestGateway({ store: repo.repo.blockstore })
    two = new FixtureDag(fixture('subdir-with-two-single-block-files.car'))
    hamt = new FixtureDag(fixture('single-layer-hamt-with-multi-block-files.car'))
    mixed = new FixtureDag(fixture('subdir-with-mixed-block-files.car'))
  })
  after(async () => {
    await gw.close()
    await repo.close()
  })

  /** The blocks of the CAR at `path`, after checking the response is a CAR v1 of that root. */
  async function car (path: string, headers: Record<string, string> = {}): Promise<string[]> {
    const reply = await get(gw, path, headers)
    assert.equal(reply.status, 200, `${path}: ${reply.text.slice(0, 200)}`)
    assert.match(reply.headers.get('content-type') ?? '', /^application\/vnd\.ipld\.car; version=1; order=dfs; dups=[yn]$/)
    assert.match(reply.headers.get('content-disposition') ?? '', /^attachment; filename=".+\.car"$/)
    assert.equal(reply.headers.get('x-content-type-options'), 'nosniff')
    const parsed = await carCids(reply.body)
    assert.equal(parsed.version, 1)
    return parsed.cids
  }

  test('raw blocks: format and Accept, ranges, headers, filename, caching', async () => {
    const dag = new FixtureDag(fixture('gateway-raw-block.car'))
    const dirBlock = new Uint8Array(await repo.repo.blockstore.get(CID.parse(dag.cid('dir'))))
    assert.deepEqual((await get(gw, `/ipfs/${dag.root}/dir?format=raw`)).body, dirBlock)
    const accepted = await get(gw, `/ipfs/${dag.root}/dir`, { Accept: 'application/vnd.ipld.raw' })
    assert.deepEqual(accepted.body, dirBlock)
    assert.equal(accepted.headers.get('content-location'), `/ipfs/${dag.root}/dir?format=raw`)
    const ranged = await get(gw, `/ipfs/${dag.root}/dir`, { Accept: 'application/vnd.ipld.raw', Range: 'bytes=6-16' })
    assert.equal(ranged.status, 206)
    assert.equal(ranged.headers.get('content-type'), 'application/vnd.ipld.raw')
    assert.equal(ranged.headers.get('content-range'), `bytes 6-16/${dirBlock.byteLength}`)
    assert.deepEqual(ranged.body, dirBlock.subarray(6, 17))
    const file = await get(gw, `/ipfs/${dag.root}/dir/ascii.txt`, { Accept: 'application/vnd.ipld.raw' })
    assert.equal(file.headers.get('content-type'), 'application/vnd.ipld.raw')
    assert.equal(file.headers.get('content-length'), '31')
    assert.equal(file.headers.get('content-disposition'), `attachment; filename="${dag.cid('dir', 'ascii.txt')}.bin"`)
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff')
    assert.equal(file.headers.get('etag'), `"${dag.cid('dir', 'ascii.txt')}.raw"`)
    assert.equal(file.headers.get('x-ipfs-path'), `/ipfs/${dag.root}/dir/ascii.txt`)
    assert.ok(file.headers.get('x-ipfs-roots')?.includes(dag.root))
    assert.equal(file.headers.get('cache-control'), 'public, max-age=29030400, immutable')
    assert.equal(file.text, 'hello application/vnd.ipld.raw\n')
    const named = await get(gw, `/ipfs/${dag.root}/dir/ascii.txt?filename=foobar.bin`, { Accept: 'application/vnd.ipld.raw' })
    assert.equal(named.headers.get('content-disposition'), 'attachment; filename="foobar.bin"')
    const multi = await get(gw, `/ipfs/${dag.root}/dir/ascii.txt`, { Accept: 'application/vnd.ipld.raw', Range: 'bytes=6-16,0-4' })
    assert.equal(multi.status, 206)
    assert.equal(multi.headers.get('content-range'), 'bytes 6-16/31')
    assert.equal(multi.text, 'application')
    assert.equal((await get(gw, `/ipfs/${dag.root}/dir/ascii.txt?format=raw`, { 'If-None-Match': file.headers.get('etag') ?? '' })).status, 304)
  })

  test('?format wins over Accept; Accept parameters are kept for ?format=car', async () => {
    const dag = new FixtureDag(fixture('gateway-raw-block.car'))
    const asCar = await get(gw, `/ipfs/${dag.root}?format=car`, { Accept: 'application/vnd.ipld.raw' })
    assert.match(asCar.headers.get('content-type') ?? '', /^application\/vnd\.ipld\.car/)
    const asRaw = await get(gw, `/ipfs/${dag.root}?format=raw`, { Accept: 'application/vnd.ipld.car' })
    assert.equal(asRaw.headers.get('content-type'), 'application/vnd.ipld.raw')
    const dups = new FixtureDag(fixture('dir-with-duplicate-files.car'))
    const kept = await get(gw, `/ipfs/${dups.root}?format=car`, { Accept: 'application/vnd.ipld.car; version=1; order=dfs; dups=y' })
    assert.match(kept.headers.get('content-type') ?? '', /dups=y/)
    assert.match((await get(gw, `/ipfs/${dups.root}?car-dups=y`, { Accept: 'application/vnd.ipld.car; dups=n' })).headers.get('content-type') ?? '', /dups=y/)
    assert.match((await get(gw, `/ipfs/${dups.root}?car-order=dfs`, { Accept: 'application/vnd.ipld.car; order=unk' })).headers.get('content-type') ?? '', /order=dfs/)
    assert.equal((await get(gw, `/ipfs/${dups.root}`, { Accept: 'application/vnd.ipld.car; version=2' })).status, 406)
    assert.equal((await get(gw, `/ipfs/${dups.root}?format=car&car-dups=maybe`)).status, 400)
  })

  test('CAR pathing: path blocks, then the whole entity; 404 for a missing path', async () => {
    assert.deepEqual(await car(`/ipfs/${two.root}/subdir/ascii.txt?format=car`), [two.root, two.cid('subdir'), two.cid('subdir', 'ascii.txt')])
    assert.deepEqual(await car(`/ipfs/${hamt.root}/685.txt?format=car`), [hamt.root, ...hamt.hamtTraversal(hamt.root, '685.txt'), hamt.cid('685.txt'), ...hamt.descendants(hamt.cid('685.txt'))])
    assert.ok(hamt.hamtTraversal(hamt.root, '685.txt').length > 0, 'the path goes through a shard')
    assert.equal((await get(gw, `/ipfs/${two.root}/subdir/i-do-not-exist?format=car`)).status, 404)
    const reply = await get(gw, `/ipfs/${two.root}/subdir/ascii.txt?format=car`)
    assert.deepEqual((await carCids(reply.body)).roots, [two.root], 'the CAR header names the root of the path')
  })

  test('CAR pathing through dag-cbor (dir-with-dag-cbor-with-links stand-in)', async () => {
    const single = CID.parse(mixed.cid('subdir', 'ascii.txt'))
    const multi = CID.parse(mixed.cid('subdir', 'multiblock.txt'))
    const { dir, document } = await dirWithDagCbor(repo.repo.blockstore, single, multi)
    assert.deepEqual(await car(`/ipfs/${document}/files/single?format=car`), [document.toString(), single.toString()])
    assert.deepEqual(await car(`/ipfs/${document}/files/multi?format=car`), [document.toString(), multi.toString(), ...mixed.descendants(multi.toString())])
    assert.deepEqual(await car(`/ipfs/${dir}/document?format=car&dag-scope=entity`), [dir.toString(), document.toString()])
    // links in dag-cbor's canonical key order: "multi" sorts before "single" (shorter keys first)
    assert.deepEqual(await car(`/ipfs/${dir}/document?format=car&dag-scope=all`), [dir.toString(), document.toString(), multi.toString(), ...mixed.descendants(multi.toString()), single.toString()])
  })

  test('dag-scope=block', async () => {
    assert.deepEqual(await car(`/ipfs/${two.root}/subdir?format=car&dag-scope=block`), [two.root, two.cid('subdir')])
    assert.deepEqual(await car(`/ipfs/${two.root}/subdir/ascii.txt?format=car&dag-scope=block`), [two.root, two.cid('subdir'), two.cid('subdir', 'ascii.txt')])
    assert.deepEqual(await car(`/ipfs/${hamt.root}/1.txt?format=car&dag-scope=block`), [hamt.root, ...hamt.hamtTraversal(hamt.root, '1.txt'), hamt.cid('1.txt')])
  })

  test('dag-scope=entity', async () => {
    assert.deepEqual(await car(`/ipfs/${two.root}?format=car&dag-scope=entity`), [two.root])
    assert.deepEqual(await car(`/ipfs/${hamt.root}?format=car&dag-scope=entity`), [hamt.root, ...hamt.shards(hamt.root)])
    assert.deepEqual(await car(`/ipfs/${mixed.root}/subdir/ascii.txt?format=car&dag-scope=entity`), [mixed.root, mixed.cid('subdir'), mixed.cid('subdir', 'ascii.txt')])
    const mb = mixed.cid('subdir', 'multiblock.txt')
    assert.deepEqual(await car(`/ipfs/${mixed.root}/subdir/multiblock.txt?format=car&dag-scope=entity`), [mixed.root, mixed.cid('subdir'), mb, ...mixed.descendants(mb)])
  })

  test('dag-scope=all', async () => {
    assert.deepEqual(await car(`/ipfs/${mixed.root}/subdir?format=car&dag-scope=all`), [mixed.root, mixed.cid('subdir'), ...mixed.descendants(mixed.cid('subdir'))])
    const mb = mixed.cid('subdir', 'multiblock.txt')
    assert.deepEqual(await car(`/ipfs/${mixed.root}/subdir/multiblock.txt?format=car&dag-scope=all`), [mixed.root, mixed.cid('subdir'), mb, ...mixed.descendants(mb)])
  })

  test('entity-bytes: only the blocks of the range', async () => {
    const mb = mixed.cid('subdir', 'multiblock.txt')
    const leaves = mixed.descendants(mb)
    assert.equal(leaves.length, 5)
    const cases: Array<[string, string[]]> = [
      ['512:*', leaves.slice(2)], ['512:1023', leaves.slice(2, 4)], ['512:-256', leaves.slice(2, 4)], ['-5:*', leaves.slice(3)],
      ['-9999:*', leaves], ['-9999:-3', leaves.slice(0, 4)], ['0:0', leaves.slice(0, 1)], ['0:*', leaves], ['1026:*', []], ['5000:6000', []]
    ]
    for (const [range, expected] of cases) {
      assert.deepEqual(await car(`/ipfs/${mb}?format=car&dag-scope=entity&entity-bytes=${range}`), [mb, ...expected], range)
    }
    assert.deepEqual(await car(`/ipfs/${mixed.root}/subdir/multiblock.txt?format=car&dag-scope=entity&entity-bytes=0:*`), [mixed.root, mixed.cid('subdir'), mb, ...leaves])
    assert.deepEqual(await car(`/ipfs/${hamt.root}?format=car&dag-scope=entity&entity-bytes=0:*`), [hamt.root, ...hamt.shards(hamt.root)], 'ignored for a directory')
    for (const bad of ['abc', '5:2', '1:2:3', ':5', '1.5:*', '99999999999999999999:*']) {
      assert.equal((await get(gw, `/ipfs/${mb}?format=car&entity-bytes=${bad}`)).status, 400, bad)
    }
  })

  test('entity-bytes succeeds when blocks outside the range are missing (file-3k stand-in)', async () => {
    const { root, leaves } = await missingBlockFile(repo.repo.blockstore)
    assert.deepEqual(await car(`/ipfs/${root}?format=car&dag-scope=entity&entity-bytes=0:1000`), [root.toString(), String(leaves[0])])
    assert.deepEqual(await car(`/ipfs/${root}?format=car&dag-scope=entity&entity-bytes=2200:*`), [root.toString(), String(leaves[2])])
    const whole = await get(gw, `/ipfs/${root}?format=car`).catch((err: Error) => err)
    if (!(whole instanceof Error)) await assert.rejects(carCids(whole.body), 'a CAR cut at the missing block does not parse as complete')
  })

  test('order=dfs with dups=y and dups=n, order=unk, identity CIDs', async () => {
    const dups = new FixtureDag(fixture('dir-with-duplicate-files.car'))
    const mb = dups.cid('multiblock.txt')
    const tail = [dups.cid('hello.txt'), mb, ...dups.descendants(mb)]
    assert.equal(dups.cid('ascii.txt'), dups.cid('ascii-copy.txt'))
    const withDups = await get(gw, `/ipfs/${dups.root}`, { Accept: 'application/vnd.ipld.car; version=1; order=dfs; dups=y' })
    assert.match(withDups.headers.get('content-type') ?? '', /order=dfs; dups=y/)
    assert.deepEqual((await carCids(withDups.body)).cids, [dups.root, dups.cid('ascii-copy.txt'), dups.cid('ascii.txt'), ...tail])
    assert.deepEqual(await car(`/ipfs/${dups.root}`, { Accept: 'application/vnd.ipld.car; version=1; order=dfs; dups=n' }), [dups.root, dups.cid('ascii.txt'), ...tail])
    const unk = await get(gw, `/ipfs/${dups.root}`, { Accept: 'application/vnd.ipld.car; version=1; order=unk' })
    assert.match(unk.headers.get('content-type') ?? '', /order=/)
    assert.deepEqual(new Set((await carCids(unk.body)).cids), new Set([dups.root, dups.cid('ascii.txt'), ...tail]))
    const identity = await get(gw, '/ipfs/bafkqaf3imvwgy3zaneqgc3janfxgy2lomvscay3jmqfa', { Accept: 'application/vnd.ipld.car; dups=y' })
    assert.match(identity.headers.get('content-type') ?? '', /dups=y/)
    assert.deepEqual((await carCids(identity.body)).cids, [], 'identity blocks are never sent')
  })

  test('probe paths: /ipfs/bafkqaaa as raw, CAR and HEAD; CAR caching headers', async () => {
    const rawProbe = await get(gw, '/ipfs/bafkqaaa?format=raw')
    assert.equal(rawProbe.status, 200)
    assert.equal(rawProbe.body.byteLength, 0)
    const carProbe = await get(gw, '/ipfs/bafkqaaa', { Accept: 'application/vnd.ipld.car' })
    assert.deepEqual(await carCids(carProbe.body), { version: 1, roots: ['bafkqaaa'], cids: [] })
    assert.equal(carProbe.headers.get('content-location'), '/ipfs/bafkqaaa?format=car')
    assert.equal((await get(gw, '/ipfs/bafkqaaa', {}, 'HEAD')).status, 200)
    const etag = carProbe.headers.get('etag') ?? ''
    assert.match(etag, /^"bafkqaaa\.car\.[0-9a-f]+"$/)
    assert.equal((await get(gw, '/ipfs/bafkqaaa?format=car', { 'If-None-Match': etag })).status, 304)
    assert.notEqual((await get(gw, '/ipfs/bafkqaaa?format=car&dag-scope=block')).headers.get('etag'), etag, 'the Etag depends on the scope')
    const head = await get(gw, `/ipfs/${two.root}?format=car`, {}, 'HEAD')
    assert.equal(head.status, 200)
    assert.equal(head.body.byteLength, 0)
    assert.equal(head.headers.get('accept-ranges'), 'none')
  })
})
