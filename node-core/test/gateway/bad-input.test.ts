// What the gateway refuses, and how it fails: bad CIDs and paths, traversal
// attempts sent exactly as written, oversized requests, methods, hostile
// names in listings, /ipns/ with and without a resolver, and a store that
// fails or stalls (502, 504) — every answer a clean status, never a crash.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { BlockNotFoundError } from '../../src/block/errors.ts'
import { MemoryBlockstore } from '../../src/block/memory-blockstore.ts'
import { BlockUnavailableError } from '../../src/exchange/errors.ts'
import { InvalidNameError, ResolveFailedError } from '../../src/naming/errors.ts'
import { FixtureDag, fixture, rebuildFixture } from './fixtures.ts'
import { get, rawRequest, startTestGateway } from './helpers.ts'
import { HOSTILE_NAMES, hostileDir } from './standins.ts'
import { importCar } from '../../src/dag/car.ts'
import type { TestGateway } from './helpers.ts'

describe('gateway: bad input and failures', () => {
  const store = new MemoryBlockstore()
  let gw: TestGateway
  let cache: FixtureDag
  before(async () => {
    const rebuilt = await rebuildFixture(fixture('gateway-cache/fixtures.car'))
    if (!rebuilt.ok) throw new Error('gateway-cache fixture not rebuilt')
    await importCar(store, [rebuilt.car])
    cache = new FixtureDag(fixture('gateway-cache/fixtures.car'))
    gw = await startTestGateway({ store })
  })
  after(async () => { await gw.close() })

  test('bad CIDs and paths are 400, paths outside /ipfs and /ipns 404', async () => {
    for (const path of ['/ipfs/not-a-cid', '/ipfs/', '/ipfs', `/ipfs/${cache.root.slice(0, 20)}`, '/ipfs/bafy!!', '/ipfs/%ff%fe', '/ipns/']) {
      const reply = await get(gw, path)
      assert.equal(reply.status, 400, path)
      assert.match(reply.headers.get('content-type') ?? '', /^text\/plain/)
    }
    for (const path of ['/', '/favicon.ico', '/api/v0/id', '/ipfsx/abc']) assert.equal((await get(gw, path)).status, 404, path)
    assert.equal((await get(gw, `/ipfs/${cache.root}?format=zip`)).status, 400)
    assert.equal((await get(gw, `/ipfs/${cache.root}?format=car&dag-scope=most`)).status, 400)
  })

  test('a path into a block of a codec this node cannot read is 404, the block itself still served raw', async () => {
    const bytes = new TextEncoder().encode('blob 5\0hello')
    const gitRaw = CID.createV1(0x78, await sha256.digest(bytes))
    await store.put(gitRaw, bytes)
    const through = await get(gw, `/ipfs/${gitRaw.toString()}/tree/a`)
    assert.equal(through.status, 404, through.text)
    assert.match(through.text, /no links to follow/)
    const whole = await get(gw, `/ipfs/${gitRaw.toString()}?format=raw`)
    assert.equal(whole.status, 200)
    assert.deepEqual(new Uint8Array(whole.body), bytes)
  })

  test('traversal attempts never leave the content root', async () => {
    for (const target of [
      `/ipfs/${cache.root}/../..`, `/ipfs/${cache.root}/root2/../../..`, `/ipfs/${cache.root}/%2e%2e/%2e%2e`, `/ipfs/${cache.root}/%2E%2E`,
      `/ipfs/${cache.root}/..%2f..%2fetc%2fpasswd`, `/ipfs/${cache.root}/root2%2f..%2f..`, '/ipfs/../../etc/passwd', `/ipfs/${cache.root}/a%00b`,
      `/ipfs/${cache.root}/%zz`, '/ipns/../ipfs'
    ]) {
      const reply = await rawRequest(gw, target)
      assert.equal(reply.status, 400, target)
      assert.ok(!reply.text.includes('root:'), target)
    }
    assert.equal((await rawRequest(gw, `/ipfs/${cache.root}/./root2/./root3/root4/index.html`)).status, 200, '"." segments are dropped')
    assert.equal((await rawRequest(gw, `/ipfs/${cache.root}//root2//root3/root4/index.html`)).status, 200, 'empty segments are dropped')
    assert.equal((await rawRequest(gw, 'http://evil.example/ipfs/x')).status, 400, 'absolute-form targets are refused')
  })

  test('oversized requests: huge headers get 431, a huge URL 400', async () => {
    assert.equal((await rawRequest(gw, `/ipfs/${cache.root}/`, { 'X-Filler': 'a'.repeat(20_000) })).status, 431, 'headers over the limit are refused before the handler')
    assert.equal((await rawRequest(gw, `/ipfs/${cache.root}/?${'a'.repeat(17_000)}`)).status, 431, 'so is a request line over it')
    const many = await rawRequest(gw, `/ipfs/${cache.root}/`, Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`X-H${i}`, 'b'.repeat(100)])))
    assert.equal(many.status, 431)
    assert.equal((await rawRequest(gw, `/ipfs/${cache.root}/${'a/'.repeat(5000)}`)).status, 400)
    assert.equal((await rawRequest(gw, `/ipfs/${cache.root}/${'a/'.repeat(300)}`)).status, 400, 'too many segments')
  })

  test('methods: GET, HEAD, OPTIONS; everything else 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND']) {
      const reply = await rawRequest(gw, `/ipfs/${cache.root}/`, {}, method)
      assert.equal(reply.status, 405, method)
      assert.equal(reply.headers.allow, 'GET, HEAD, OPTIONS')
    }
    const options = await rawRequest(gw, `/ipfs/${cache.root}/`, { Origin: 'https://example.com', 'Access-Control-Request-Method': 'GET' }, 'OPTIONS')
    assert.equal(options.status, 204)
    assert.equal(options.headers['access-control-allow-origin'], '*')
    const serviceWorker = await get(gw, `/ipfs/${cache.root}`, { 'Service-Worker': 'script' })
    assert.equal(serviceWorker.status, 400, 'no service worker for a whole content root without its trailing slash')
  })

  test('every name in a listing is escaped, every link stays under /ipfs/', async () => {
    const dir = await hostileDir(store)
    const listing = await get(gw, `/ipfs/${dir}/`)
    assert.equal(listing.status, 200)
    assert.ok(!listing.text.includes('<script>alert'), 'no markup from names')
    assert.ok(!listing.text.includes('<img'))
    assert.ok(!/onmouseover='/.test(listing.text))
    for (const name of HOSTILE_NAMES) {
      const escaped = name.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
      assert.ok(listing.text.includes(`>${escaped}</a>`), name)
      assert.ok(listing.text.includes(`href="/ipfs/${dir}/${encodeURIComponent(name).replace(/'/g, '&#39;')}"`), name)
      const file = await get(gw, `/ipfs/${dir}/${encodeURIComponent(name)}`)
      assert.equal(file.text, name, `${name} is reachable by its encoded name`)
    }
    for (const href of listing.text.matchAll(/href="([^"]*)"/g)) assert.match(href[1] ?? '', /^\/ipfs\//)
  })

  test('/ipns/ without a resolver is 501', async () => {
    assert.equal((await get(gw, '/ipns/example.com/')).status, 501)
  })

  test('/ipns/ through a resolver: paths, headers, redirects, and its failures', async () => {
    const values: Record<string, string | Error> = {
      '/ipns/example.com': `/ipfs/${cache.root}`,
      '/ipns/sub.example.com': `/ipfs/${cache.root}/root2/root3`,
      '/ipns/broken.example.com': new ResolveFailedError('no record found'),
      '/ipns/not a name': new InvalidNameError('not a name'),
      '/ipns/odd.example.com': '/ipfs/not-a-cid',
      '/ipns/weird.example.com': 'https://example.com/'
    }
    const seen: string[] = []
    const ipns = await startTestGateway({
      store,
      resolveIpns: async (path) => {
        seen.push(path)
        const value = values[path]
        if (value === undefined) throw new ResolveFailedError(`unknown ${path}`)
        if (value instanceof Error) throw value
        return value
      }
    })
    try {
      const file = await get(ipns, '/ipns/example.com/root2/root3/root4/index.html')
      assert.equal(file.status, 200)
      assert.equal(file.text, 'hello\n')
      assert.equal(file.headers.get('x-ipfs-path'), '/ipns/example.com/root2/root3/root4/index.html')
      assert.equal(file.headers.get('x-ipfs-roots')?.split(',').length, 5)
      assert.equal(file.headers.get('cache-control'), null, 'no TTL known: no Cache-Control for /ipns/')
      const etag = file.headers.get('etag') ?? ''
      assert.equal((await get(ipns, '/ipns/example.com/root2/root3/root4/index.html', { 'If-None-Match': etag })).status, 304)
      const redirect = await get(ipns, '/ipns/example.com/root2')
      assert.equal(redirect.status, 301)
      assert.equal(redirect.headers.get('location'), '/ipns/example.com/root2/')
      const listing = await get(ipns, '/ipns/example.com/root2/')
      assert.ok(listing.text.includes('<a href="/ipns/example.com/root2/root3">root3</a>'))
      assert.equal((await get(ipns, '/ipns/sub.example.com/root4/index.html')).text, 'hello\n', 'a value with a path')
      assert.equal((await get(ipns, '/ipns/broken.example.com/')).status, 502)
      assert.equal((await get(ipns, '/ipns/not%20a%20name/')).status, 400)
      assert.equal((await get(ipns, '/ipns/odd.example.com/')).status, 502)
      assert.equal((await get(ipns, '/ipns/weird.example.com/')).status, 502)
      assert.ok(seen.includes('/ipns/example.com'))
    } finally {
      await ipns.close()
    }
  })

  test('each request reads through its own session what the store lacks; a client that leaves cancels its fetches', async () => {
    let sessions = 0
    let cancelled = 0
    let fetched = 0
    const file = CID.parse(cache.cid('root2', 'root3', 'root4', 'index.html'))
    // The local store lacks the file's block: only that one goes to the session.
    const local = {
      has: async (cid: CID) => !cid.equals(file) && await store.has(cid),
      get: async (cid: CID) => {
        if (cid.equals(file)) throw new BlockNotFoundError(`block ${cid.toString()} not found`)
        return await store.get(cid)
      }
    }
    const gated = await startTestGateway({
      store: local,
      session: () => {
        sessions++
        return {
          get: async (cid, options) => {
            fetched++
            if (!cid.equals(file)) return await store.get(cid)
            return await new Promise<Uint8Array>((_resolve, reject) => {
              options?.signal?.addEventListener('abort', () => { cancelled++; reject(options.signal?.reason) })
            })
          }
        }
      }
    })
    try {
      assert.equal((await get(gated, `/ipfs/${cache.root}/root2/`)).status, 200)
      assert.equal((await get(gated, `/ipfs/${cache.root}/root2/root3/`)).status, 200)
      assert.equal(sessions, 2)
      assert.equal(fetched, 0, 'blocks the store holds are read from it, not through the session')
      const controller = new AbortController()
      const pending = fetch(`http://127.0.0.1:${gated.port}/ipfs/${cache.root}/root2/root3/root4/index.html`, { signal: controller.signal })
      pending.catch(() => {})
      await new Promise((resolve) => setTimeout(resolve, 100))
      controller.abort()
      for (let i = 0; i < 50 && cancelled === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20))
      assert.equal(cancelled, 1, 'the fetch of the block was aborted when the client left')
      assert.equal(fetched, 1, 'only the missing block went to the session')
    } finally {
      await gated.close()
    }
  })

  test('a store that fails is 502, one that stalls is 504, a missing block 404', async () => {
    const failing = await startTestGateway({ store: { get: async () => { throw new BlockUnavailableError('no provider') }, has: async () => false } })
    const stalling = await startTestGateway({ store: { get: async () => await new Promise<Uint8Array>(() => {}), has: async () => false } }, { retrievalTimeoutMs: 200 })
    const stallingIpns = await startTestGateway({ store, resolveIpns: async () => await new Promise<string>(() => {}) }, { retrievalTimeoutMs: 200 })
    try {
      const bad = await get(failing, `/ipfs/${cache.root}/`)
      assert.equal(bad.status, 502)
      assert.equal(bad.headers.get('retry-after'), '30')
      const slow = await get(stalling, `/ipfs/${cache.root}/`)
      assert.equal(slow.status, 504)
      assert.ok(slow.headers.get('retry-after') !== null)
      assert.equal((await get(stallingIpns, '/ipns/example.com/')).status, 504)
      const missing = CID.parse('bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy')
      assert.equal((await get(gw, `/ipfs/${missing}`)).status, 404)
      assert.equal((await get(gw, `/ipfs/${missing}?format=car`)).status, 404)
      assert.equal((await get(gw, `/ipfs/${missing}?format=raw`)).status, 404)
    } finally {
      await failing.close()
      await stalling.close()
      await stallingIpns.close()
    }
  })
})
