// A want made while a peer that just connected is still being identified
// waits for identify (the peer is asked the moment it turns out to speak
// Bitswap) instead of searching the DHTs at once; a peer that never
// finishes identify is waited for only IDENTIFY_GRACE_MS.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { BitswapClient } from '../../src/exchange/client.ts'
import { Ledger } from '../../src/exchange/ledger.ts'
import { IDENTIFY_GRACE_MS } from '../../src/exchange/network.ts'
import { encodePrefix } from '../../src/exchange/message/prefix.ts'
import { startHostile } from '../helpers/hostile-bitswap.ts'
import { startTestNode, waitFor } from '../helpers/nodes.ts'
import type { HostilePeer, Responder } from '../helpers/hostile-bitswap.ts'
import type { TestNode } from '../helpers/nodes.ts'
import type { MultihashDigest } from 'multiformats/hashes/interface'

const data = new TextEncoder().encode('wanted while the peer was being identified')
const cid = CID.createV1(0x55, sha256.digest(data) as MultihashDigest)
const IDENTIFY = '/ipfs/id/1.0.0'

const serves: Responder = (message, reply) => {
  if (message.wants.some((w) => !w.cancel && w.cid.equals(cid) && w.wantType === 'block')) {
    void reply({ blocks: [], payload: [{ prefix: encodePrefix(cid), data }], blockPresences: [], pendingBytes: 0 }).catch(() => {})
  }
}

/** Count the provider searches `node` makes, on either DHT (each still runs). */
function countSearches (us: TestNode): () => number {
  let searches = 0
  const services = us.node.host.services as Record<string, { findProviders?: (...args: unknown[]) => unknown } | undefined>
  const dhts = [services.lanDHT, services.dht].filter((d) => d?.findProviders !== undefined)
  assert.ok(dhts.length > 0, 'the node runs a DHT to search')
  for (const dht of dhts) {
    const original = dht!.findProviders!.bind(dht)
    dht!.findProviders = (...args: unknown[]) => { searches++; return original(...args) }
  }
  return () => searches
}

/** The hostile peer answers identify only once the returned function is called. */
async function holdIdentify (peer: HostilePeer): Promise<() => void> {
  let release = (): void => {}
  const released = new Promise<void>((resolve) => { release = resolve })
  const identify = (peer.host.services as { identify: { handleProtocol: (...args: unknown[]) => Promise<void> } }).identify
  await peer.host.unhandle(IDENTIFY)
  await peer.host.handle(IDENTIFY, async (stream, connection) => {
    await released
    await identify.handleProtocol(stream, connection)
  })
  return release
}

async function dialUnidentified (peer: HostilePeer, us: TestNode): Promise<void> {
  await peer.host.dial(us.node.host.getMultiaddrs().find((a) => /\/tcp\/\d+\/p2p\//.test(a.toString())) ?? us.node.host.peerId)
  await waitFor(() => us.node.host.getConnections(peer.host.peerId).length > 0, 5000, 'the node to see the connection')
}

test('a want made while the only peer is being identified waits for it, and searches no DHT', async (t) => {
  const us = await startTestNode()
  const peer = await startHostile(serves)
  t.after(async () => { await peer.stop(); await us.stop() })
  const searches = countSearches(us)
  const release = await holdIdentify(peer)
  await dialUnidentified(peer, us)
  const got = us.node.bitswap.session().get(cid, { signal: AbortSignal.timeout(10_000) })
  await new Promise((resolve) => setTimeout(resolve, 400))
  assert.equal(searches(), 0, 'no provider search while the connected peer is being identified')
  release()
  assert.deepEqual(new Uint8Array(await got), data)
  assert.equal(searches(), 0)
  assert.deepEqual(peer.received.flatMap((m) => m.wants.filter((w) => w.cid.equals(cid) && !w.cancel).map((w) => w.wantType)), ['block'], 'asked for the block as soon as identify told the node it speaks Bitswap')
})

test('a peer that never finishes identify is waited for only a grace period, then the DHTs are searched', async (t) => {
  const us = await startTestNode()
  const peer = await startHostile(serves)
  t.after(async () => { await peer.stop(); await us.stop() })
  const searches = countSearches(us)
  await holdIdentify(peer)
  await dialUnidentified(peer, us)
  const opened = us.node.host.getConnections(peer.host.peerId)[0]?.timeline.open ?? Date.now()
  const controller = new AbortController()
  const got = us.node.bitswap.session().get(cid, { signal: controller.signal })
  got.catch(() => {})
  await waitFor(() => searches() > 0, IDENTIFY_GRACE_MS + 2000, 'a provider search once the grace is over')
  assert.ok(Date.now() - opened >= IDENTIFY_GRACE_MS, `searched ${Date.now() - opened} ms after the connection opened, within the grace`)
  controller.abort()
  await assert.rejects(got)
})

test('with no peer connected at all, the DHTs are searched at once', async (t) => {
  const us = await startTestNode()
  t.after(async () => { await us.stop() })
  const searches = countSearches(us)
  const controller = new AbortController()
  const got = us.node.bitswap.session().get(cid, { signal: controller.signal })
  got.catch(() => {})
  await waitFor(() => searches() > 0, 1000, 'a provider search')
  controller.abort()
  await assert.rejects(got)
})

test('one want waits for identify at most the grace period, even while new peers keep connecting unidentified', async () => {
  let searchedAt: number | undefined
  const client = new BitswapClient({
    store: { put: async () => {} },
    send: async () => {},
    bitswapPeers: () => [],
    identifying: () => 1,
    findProviders: async function * () {
      searchedAt ??= Date.now()
      yield * []
    },
    ledger: () => new Ledger(),
    onBlocks: () => {},
    penalise: () => {}
  })
  const controller = new AbortController()
  const started = Date.now()
  const got = client.want(cid, client.session(), { signal: controller.signal })
  got.catch(() => {})
  await waitFor(() => searchedAt !== undefined, IDENTIFY_GRACE_MS + 2000, 'a provider search once the want has waited the grace')
  assert.ok((searchedAt ?? 0) - started >= IDENTIFY_GRACE_MS - 50, `searched ${(searchedAt ?? 0) - started} ms after the want`)
  controller.abort()
  await assert.rejects(got)
  client.stop()
})
