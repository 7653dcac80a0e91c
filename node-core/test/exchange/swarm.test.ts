// A local swarm of five nodes on loopback TCP, ours and Helia 7 mixed, in a
// line:  ours0 — helia1 — ours2 — helia3 — ours4  (each dials the next; all
// run the LAN Kad-DHT `/ipfs/lan/kad/1.0.0` as servers).
// 1. helia1 imports a file and announces it with `routing.provide`; ours4,
//    which is not connected to helia1, finds helia1 through the DHT provider
//    record, dials it and fetches the file over Bitswap, byte for byte, every
//    block from helia1.
// 2. ours0 imports a file and announces it with `contentRouting.provide`;
//    helia3, not connected to ours0, finds and fetches it the same way.
// DHT queries open connections beyond the line, so the holder–fetcher
// connection, if any, is closed before each fetch. No other node holds
// either file. Every node is stopped in `finally`.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { unixfs } from '@helia/unixfs'
import { LAN_DHT_PROTOCOL } from '../../src/network/dht.ts'
import { cat } from '../../src/unixfs/exporter/cat.ts'
import { heliaAdd, heliaBlockCount, ourAdd, readAll, startHelia, tcpAddress } from '../helpers/helia.ts'
import { startTestNode, waitFor } from '../helpers/nodes.ts'
import { chacha20 } from '../helpers/vector-inputs.ts'
import type { HeliaPeer } from '../helpers/helia.ts'
import type { TestNode } from '../helpers/nodes.ts'
import type { Libp2p, PeerId } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { CID } from 'multiformats/cid'

/** One member of the swarm, ours or Helia. */
interface Member {
  name: string
  libp2p: Libp2p
  address: Multiaddr
  has(cid: CID): Promise<boolean>
  stop(): Promise<void>
}

const ourMember = (name: string, t: TestNode): Member => ({
  name, libp2p: t.node.host, address: tcpAddress(t.node), has: async (cid) => await t.node.repo.blockstore.has(cid), stop: async () => { await t.stop() }
})
const heliaMember = (name: string, p: HeliaPeer): Member => ({
  name, libp2p: p.helia.libp2p, address: p.address(), has: async (cid) => await p.store.has(cid), stop: async () => { await p.helia.stop() }
})

/** `a` has identified `b` as a LAN DHT server (so `b` is in its routing table). */
async function knows (a: Member, b: PeerId): Promise<boolean> {
  return (await a.libp2p.peerStore.get(b).catch(() => undefined))?.protocols.includes(LAN_DHT_PROTOCOL) === true
}

/** Close any direct connection between `a` and `b` (DHT queries may have opened one), and check it is gone. */
async function separate (a: Member, b: Member): Promise<void> {
  await a.libp2p.hangUp(b.libp2p.peerId)
  await b.libp2p.hangUp(a.libp2p.peerId)
  await waitFor(() => a.libp2p.getConnections(b.libp2p.peerId).length === 0 && b.libp2p.getConnections(a.libp2p.peerId).length === 0, 5000, `${a.name} and ${b.name} to be apart`)
}

test('five nodes in a line, ours and Helia: content is found through LAN DHT provider records and fetched by a node not connected to its holder', { timeout: 180_000 }, async () => {
  const members: Member[] = []
  try {
    const ours0 = await startTestNode()
    members.push(ourMember('ours0', ours0))
    const helia1 = await startHelia({ dht: true })
    members.push(heliaMember('helia1', helia1))
    const ours2 = await startTestNode()
    members.push(ourMember('ours2', ours2))
    const helia3 = await startHelia({ dht: true })
    members.push(heliaMember('helia3', helia3))
    const ours4 = await startTestNode()
    members.push(ourMember('ours4', ours4))
    const [m0, m1, , m3, m4] = members as [Member, Member, Member, Member, Member]

    for (let i = 1; i < members.length; i++) {
      const [left, right] = [members[i - 1] as Member, members[i] as Member]
      await right.libp2p.dial(left.address)
      await waitFor(async () => await knows(left, right.libp2p.peerId) && await knows(right, left.libp2p.peerId), 10_000, `${left.name} and ${right.name} to identify each other`)
    }

    // 1. Helia holds, ours fetches.
    const fromHelia = chacha20('swarm-from-helia1', 1024 * 1024 + 7)
    const heliaRoot = await heliaAdd(helia1, fromHelia, 0)
    const heliaBlocks = await heliaBlockCount(helia1)
    await helia1.helia.routing.provide(heliaRoot, { signal: AbortSignal.timeout(20_000) })
    await separate(m4, m1)
    const stat0 = ours4.node.bitswap.stat()
    let started = Date.now()
    const session = ours4.node.bitswap.session()
    const gotFromHelia = await readAll(cat({ get: async (cid, options) => await session.get(cid, options) }, heliaRoot, { signal: AbortSignal.timeout(45_000) }))
    console.log(`# helia1 -> ours4 through the DHT: ${heliaBlocks} blocks in ${Date.now() - started} ms`)
    assert.ok(gotFromHelia.equals(fromHelia), 'ours4 read helia1\'s file, byte for byte')
    assert.equal(ours4.node.bitswap.ledger(m1.libp2p.peerId).blocksReceived, heliaBlocks, 'every block came from helia1')
    assert.equal(ours4.node.bitswap.stat().blocksReceived - stat0.blocksReceived, heliaBlocks)
    assert.ok(ours4.node.host.getConnections(m1.libp2p.peerId).length > 0, 'ours4 dialled helia1, found as a provider')

    // 2. Ours holds, Helia fetches.
    const fromUs = chacha20('swarm-from-ours0', 1024 * 1024 + 11)
    const ourRoot = await ourAdd(ours0.node.repo.blockstore, fromUs, { cidVersion: 1 })
    await ours0.node.host.contentRouting.provide(ourRoot, { signal: AbortSignal.timeout(20_000) })
    await separate(m3, m0)
    const sent0 = ours0.node.bitswap.ledger(m3.libp2p.peerId).blocksSent
    started = Date.now()
    const gotFromUs = await readAll(unixfs(helia3.helia).cat(ourRoot, { signal: AbortSignal.timeout(45_000) }))
    console.log(`# ours0 -> helia3 through the DHT: ${ours0.node.bitswap.ledger(m3.libp2p.peerId).blocksSent - sent0} blocks in ${Date.now() - started} ms`)
    assert.ok(gotFromUs.equals(fromUs), 'helia3 read ours0\'s file, byte for byte')
    assert.ok(ours0.node.bitswap.ledger(m3.libp2p.peerId).blocksSent - sent0 >= 65, 'ours0 served helia3 the blocks')

    for (const [root, holders] of [[heliaRoot, ['helia1', 'ours4']], [ourRoot, ['ours0', 'helia3']]] as const) {
      for (const m of members) assert.equal(await m.has(root), (holders as readonly string[]).includes(m.name), `${m.name} holds ${root.toString()}?`)
    }
  } finally {
    await Promise.allSettled(members.map(async (m) => { await m.stop() }))
  }
})
