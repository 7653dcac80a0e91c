// IPNS between our nodes and Helia 7 with @helia/ipns 10, over the LAN DHT
// (`/ipfs/lan/kad/1.0.0`) on loopback: ours A — Helia H — ours B, every
// node a DHT server, H's IPNS routed only through its DHT (no delegated
// routing, no republisher).
// (a) A record A publishes with `node.ipns.publish` is fetched back from the
//     DHT by B and passes the `ipns` package's validator as marshalled
//     bytes (V1+V2, the value and sequence A gave it); H resolves A's name
//     (the k51… string) through its DHT to the same value, then to A's next
//     value after A publishes again (sequence 1).
// (b) A record H publishes with @helia/ipns resolves with our
//     `node.ipns.resolve` on both our nodes; on B's RPC server,
//     `name/resolve` gives the path and `cat /ipns/<name>` the bytes H holds
//     (fetched from H over Bitswap); H's next publish is seen with `nocache`.
// Every step is bounded in time; every node and server is stopped in `finally`.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { unmarshalIPNSRecord } from 'ipns'
import { ipnsValidator } from 'ipns/validator'
import { base36 } from 'multiformats/bases/base36'
import { CID } from 'multiformats/cid'
import { startApiServer } from '../../src/daemon/api-server.ts'
import { routingKey } from '../../src/naming/names.ts'
import { heliaAdd, heliaIpns, linkLan, ourAdd, startHelia } from '../helpers/helia.ts'
import { startTestNode } from '../helpers/nodes.ts'
import { chacha20 } from '../helpers/vector-inputs.ts'
import type { HeliaPeer } from '../helpers/helia.ts'
import type { TestNode } from '../helpers/nodes.ts'
import type { IPNS } from '@helia/ipns'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

const STEP_MS = 20_000
const bounded = (): { signal: AbortSignal } => ({ signal: AbortSignal.timeout(STEP_MS) })

/** The last value Helia's resolver reaches for `name`, with its sequence. */
async function heliaResolve (name: IPNS, key: CID, nocache = false): Promise<{ value: string, sequence: bigint }> {
  let last: { value: string, sequence: bigint } | undefined
  for await (const r of name.resolve(key, { ...bounded(), nocache })) last = { value: r.value, sequence: r.record.sequence ?? assert.fail('no sequence') }
  return last ?? assert.fail('Helia resolved nothing')
}

/** POST to our RPC server; the reply's status and body. */
async function rpc (server: Server, path: string): Promise<{ status: number, body: Buffer }> {
  const { port } = server.address() as AddressInfo
  const res = await fetch(`http://127.0.0.1:${port}/api/v0/${path}`, { method: 'POST', ...bounded() })
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) }
}

/** Ours A — Helia H — ours B, all LAN DHT servers; `run` gets them; everything stopped after. */
async function withNetwork (run: (a: TestNode, h: HeliaPeer, b: TestNode) => Promise<void>): Promise<void> {
  const stops: Array<() => Promise<void>> = []
  try {
    const a = await startTestNode()
    stops.push(async () => { await a.stop() })
    const h = await startHelia({ dht: true })
    stops.push(async () => { await h.helia.stop() })
    const b = await startTestNode()
    stops.push(async () => { await b.stop() })
    await linkLan(a.node.host, h.helia.libp2p)
    await linkLan(b.node.host, h.helia.libp2p)
    await run(a, h, b)
  } finally {
    await Promise.allSettled(stops.reverse().map(async (stop) => { await stop() }))
  }
}

test('(a) our records validate with the ipns package after a trip through the DHT, and Helia resolves them', { timeout: 120_000 }, async () => {
  await withNetwork(async (a, h, b) => {
    const first = await ourAdd(a.node.repo.blockstore, chacha20('ipns-ours-1', 3000), { cidVersion: 1 })
    const second = await ourAdd(a.node.repo.blockstore, chacha20('ipns-ours-2', 3000), { cidVersion: 1 })
    let started = Date.now()
    const published = await a.node.ipns.publish(`/ipfs/${first.toString()}`, bounded())
    console.log(`# ours A publish to the DHT: ${Date.now() - started} ms`)
    assert.match(published.name, /^k51/)
    assert.equal(published.sequence, 0n)

    // B fetches the marshalled record from the DHT and checks it with the ipns package alone.
    const key = routingKey(a.node.host.peerId)
    const bytes = await b.node.host.contentRouting.get(key, bounded())
    await ipnsValidator(key, bytes)
    const record = unmarshalIPNSRecord(bytes)
    assert.equal(record.value, `/ipfs/${first.toString()}`)
    assert.equal(record.sequence, 0n)
    assert.ok('signatureV1' in record, 'a V1-compatible record (Kubo and older peers)')
    assert.ok(record.data.byteLength > 0 && record.signatureV2.byteLength > 0, 'V2 data and signature')
    assert.ok(bytes.byteLength <= 10 * 1024)

    // Helia resolves our name (the k51… string we print) through its DHT.
    const name = heliaIpns(h)
    const cid = CID.parse(published.name, base36)
    started = Date.now()
    assert.deepEqual(await heliaResolve(name, cid), { value: `/ipfs/${first.toString()}`, sequence: 0n })
    console.log(`# Helia H resolve of A's name: ${Date.now() - started} ms`)

    // A publishes again; Helia, asked past its cache, sees sequence 1.
    const again = await a.node.ipns.publish(`/ipfs/${second.toString()}`, bounded())
    assert.equal(again.sequence, 1n)
    assert.deepEqual(await heliaResolve(name, cid, true), { value: `/ipfs/${second.toString()}`, sequence: 1n })
    assert.equal(await b.node.ipns.resolve(published.name, { ...bounded(), nocache: true }), `/ipfs/${second.toString()}`, 'B sees it too')
  })
})

test('(b) records Helia publishes resolve with our node.ipns.resolve, and /ipns/ paths work through our RPC handlers', { timeout: 120_000 }, async () => {
  await withNetwork(async (a, h, b) => {
    const content = chacha20('ipns-helia-1', 100 * 1024 + 3)
    const first = await heliaAdd(h, content, 1)
    const second = await heliaAdd(h, chacha20('ipns-helia-2', 5000), 1)
    const name = heliaIpns(h)
    let started = Date.now()
    const published = await name.publish('helia-key', first, bounded())
    console.log(`# Helia H publish to the DHT: ${Date.now() - started} ms`)
    const ipnsName = published.name.replace(/^\/ipns\//, '')
    assert.match(ipnsName, /^k51/)
    assert.equal(published.record.sequence, 1n, 'Helia starts at sequence 1')

    for (const [who, node] of [['A', a], ['B', b]] as const) {
      started = Date.now()
      assert.equal(await node.node.ipns.resolve(ipnsName, bounded()), `/ipfs/${first.toString()}`, `ours ${who} resolves Helia's name`)
      console.log(`# ours ${who} resolve of H's name: ${Date.now() - started} ms`)
    }
    assert.equal(await b.node.ipns.resolve(`/ipns/${ipnsName}`, bounded()), `/ipfs/${first.toString()}`, 'as an /ipns/ path')
    // The same name as a peer ID (base58) resolves too.
    assert.equal(await b.node.ipns.resolve(published.publicKey.toString(), bounded()), `/ipfs/${first.toString()}`)

    const api = await startApiServer(b.node, { host: '127.0.0.1', port: 0, api: b.node.repo.config.API, token: 'unused' })
    const server = api.server
    try {
      const resolved = await rpc(server, `name/resolve?arg=${ipnsName}`)
      assert.equal(resolved.status, 200, resolved.body.toString())
      assert.deepEqual(JSON.parse(resolved.body.toString()), { Path: `/ipfs/${first.toString()}` })
      started = Date.now()
      const cat = await rpc(server, `cat?arg=/ipns/${ipnsName}`)
      assert.equal(cat.status, 200, cat.body.toString().slice(0, 300))
      assert.ok(cat.body.equals(content), 'cat /ipns/<Helia\'s name> gives the bytes Helia holds')
      console.log(`# ours B cat /ipns/<H's name> (${content.byteLength} bytes over Bitswap): ${Date.now() - started} ms`)
      const junk = await rpc(server, 'cat?arg=/ipns/not-a-name')
      assert.equal(junk.status, 400, 'a junk /ipns/ name is bad input, not a server error')
      assert.match(junk.body.toString(), /InvalidNameError|not an IPNS name/)
    } finally {
      await api.close()
    }

    // Helia publishes again (sequence 2); our resolver, past its cache, follows.
    const again = await name.publish('helia-key', second, bounded())
    assert.equal(again.record.sequence, 2n)
    assert.equal(await b.node.ipns.resolve(ipnsName, { ...bounded(), nocache: true }), `/ipfs/${second.toString()}`)
    assert.equal(await a.node.ipns.resolve(ipnsName, { ...bounded(), nocache: true }), `/ipfs/${second.toString()}`)
  })
})
