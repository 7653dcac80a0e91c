// The conformance fixtures themselves: which of the 26 are rebuilt byte for
// byte from test/vectors/gateway_fixtures.json (every block hashing to its
// recorded CID), and that each imports into a real repo with importCar.
// The rest have stand-ins (standins.ts) or test behaviour this gateway
// does not have (_redirects); the list below says which and why.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { CID } from 'multiformats/cid'
import { fixtureRepo } from './helpers.ts'
import { gatewayFixtures, rebuildFixture } from './fixtures.ts'

/** Fixtures whose bytes are not all recorded or derivable, and what covers their tests instead. */
export const NOT_REBUILT: Record<string, string> = {
  'dag-cbor-traversal.car': 'hand-written dag-cbor (Kubo legacy fixture): stand-in of the same shape in dag.test.ts',
  'dag-json-traversal.car': 'hand-written dag-json (Kubo legacy fixture): stand-in of the same shape in dag.test.ts',
  'plain-json.car': 'hand-written JSON: stand-in in dag.test.ts',
  'plain-cbor-that-can-be-dag-cbor.car': 'hand-written CBOR; no conformance test uses it at the pinned commit',
  'plain-cbor-that-can-be-dag-json.car': 'hand-written JSON; no conformance test uses it at the pinned commit',
  'dir-with-dag-cbor-with-links.car': 'hand-written dag-cbor document: stand-in in trustless.test.ts',
  'file-3k-and-3-blocks-missing-block.car': 'random bytes (/dev/urandom): stand-in with the same layout in trustless.test.ts and unixfs.test.ts',
  'redirects.car': '_redirects files of the spec (not in the recipes); _redirects apply to subdomain/DNSLink gateways only, which this gateway is not'
}

test('the conformance fixtures are rebuilt byte for byte, except the documented ones', async () => {
  const fixtures = gatewayFixtures()
  assert.equal(fixtures.length, 26)
  const rebuilt: string[] = []
  for (const fx of fixtures) {
    const name = fx.path.split('/').at(-1) ?? ''
    const result = await rebuildFixture(fx)
    if (result.ok) {
      rebuilt.push(fx.path)
      assert.equal(result.car.byteLength, (fx as unknown as { bytes: number }).bytes, `${fx.path}: the rebuilt CAR has the fixture's size`)
      assert.deepEqual(result.roots.map(String), fx.car_roots)
    } else {
      assert.ok(NOT_REBUILT[name] !== undefined, `${fx.path} was expected to rebuild; missing ${result.missing.join(', ')}`)
    }
  }
  assert.equal(rebuilt.length, 26 - Object.keys(NOT_REBUILT).length, rebuilt.join('\n'))
})

test('rebuilt fixtures import into a repo with importCar, every block stored', async () => {
  const rebuilt = gatewayFixtures().filter((f) => NOT_REBUILT[f.path.split('/').at(-1) ?? ''] === undefined)
  const repo = await fixtureRepo(rebuilt.map((f) => f.path.replace(/^fixtures\//, '')))
  try {
    for (const fx of rebuilt) {
      for (const block of fx.blocks_detail) {
        assert.ok(await repo.repo.blockstore.has(CID.parse(block.cid)), `${fx.path}: ${block.cid}`)
      }
    }
  } finally {
    await repo.close()
  }
})
