// Bitswap interop with Helia 7, real sockets on loopback, both directions.
// (a) A multi-MiB file imported by Helia (16 KiB chunks: hundreds of blocks)
//     and held only by Helia is read by our exporter's `cat` over our
//     Bitswap session, byte for byte: once as CIDv0 with dag-pb leaves, once
//     as CIDv1 with raw leaves. Every block of the DAG arrives once, none
//     unwanted, and our stat and ledger count them.
// (b) A multi-MiB file imported by our importer and held only by our node is
//     read by Helia's `unixfs.cat` over Helia's Bitswap, byte for byte (CIDv0
//     and CIDv1), and our ledger and stat count the blocks we served.
// (c) Wants made before the holder connects reach it once it does: Helia
//     sends its wantlist to a new peer, and so must we.
// (d) One connection stays usable: Helia opens a new stream for each Bitswap
//     message and closes its end after writing; we must close ours, or the
//     32-stream inbound limit is reached and Helia's messages are reset.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { unixfs } from '@helia/unixfs'
import { cat } from '../../src/unixfs/exporter/cat.ts'
import { heliaAdd, heliaBlockCount, identified, inboundBitswapStreams, ourAdd, readAll, startHelia, tcpAddress } from '../helpers/helia.ts'
import { startTestNode, waitFor } from '../helpers/nodes.ts'
import { chacha20 } from '../helpers/vector-inputs.ts'

const SIZE = 4 * 1024 * 1024 + 123
const VERSIONS = [0, 1] as const

test('our node fetches a multi-MiB file only Helia holds (CIDv0 dag-pb leaves, CIDv1 raw leaves)', { timeout: 120_000 }, async () => {
  const ours = await startTestNode()
  const peer = await startHelia()
  try {
    await ours.node.host.dial(peer.address())
    const heliaId = peer.helia.libp2p.peerId
    await identified(ours.node, heliaId)
    for (const version of VERSIONS) {
      const bytes = chacha20(`helia-to-us-v${version}`, SIZE)
      const before = await heliaBlockCount(peer)
      const root = await heliaAdd(peer, bytes, version)
      const blocks = await heliaBlockCount(peer) - before
      assert.equal(root.version, version)
      assert.ok(blocks >= 200, `v${version}: ${blocks} blocks in the DAG`)
      assert.equal(await ours.node.repo.blockstore.has(root), false, 'only Helia holds it')

      const stat0 = ours.node.bitswap.stat()
      const ledger0 = ours.node.bitswap.ledger(heliaId)
      const started = Date.now()
      const session = ours.node.bitswap.session()
      const fetched = await readAll(cat({ get: async (cid, options) => await session.get(cid, options) }, root, { signal: AbortSignal.timeout(30_000) }))
        .catch((err: Error) => assert.fail(`v${version}: ${err.message} after ${ours.node.bitswap.stat().blocksReceived - stat0.blocksReceived} of ${blocks} blocks; Bitswap streams from Helia still open on our side: ${inboundBitswapStreams(ours.node, heliaId)}`))
      const ms = Date.now() - started
      assert.equal(fetched.length, bytes.length, `v${version}: length`)
      assert.ok(fetched.equals(bytes), `v${version}: same bytes`)
      await session.stored()
      assert.equal(await ours.node.repo.blockstore.has(root), true, 'stored locally')

      const stat = ours.node.bitswap.stat()
      const ledger = ours.node.bitswap.ledger(heliaId)
      assert.equal(stat.blocksReceived - stat0.blocksReceived, blocks, `v${version}: every block of the DAG received once`)
      assert.equal(ledger.blocksReceived - ledger0.blocksReceived, blocks, `v${version}: all of them from Helia`)
      assert.ok(ledger.bytesReceived - ledger0.bytesReceived >= bytes.length, `v${version}: ${ledger.bytesReceived - ledger0.bytesReceived} bytes received`)
      assert.equal(stat.unwantedBlocks, 0, 'no unwanted blocks')
      assert.deepEqual(stat.wantlist, [], 'nothing left wanted')
      assert.ok(stat.peers.includes(heliaId.toString()), 'Helia is a Bitswap peer')
      console.log(`# Helia -> us, CIDv${version}: ${blocks} blocks, ${bytes.length} bytes in ${ms} ms`)
    }
  } finally {
    await peer.helia.stop()
    await ours.stop()
  }
})

test('Helia fetches a multi-MiB file only our node holds (CIDv0 dag-pb leaves, CIDv1 raw leaves)', { timeout: 120_000 }, async () => {
  const ours = await startTestNode()
  const peer = await startHelia()
  try {
    await peer.helia.libp2p.dial(tcpAddress(ours.node))
    const heliaId = peer.helia.libp2p.peerId
    for (const version of VERSIONS) {
      const bytes = chacha20(`us-to-helia-v${version}`, SIZE)
      const root = await ourAdd(ours.node.repo.blockstore, bytes, version === 0 ? {} : { cidVersion: 1 })
      assert.equal(root.version, version)
      assert.equal(await peer.helia.blockstore.has(root), false, 'only we hold it')

      const before = await heliaBlockCount(peer)
      const stat0 = ours.node.bitswap.stat()
      const ledger0 = ours.node.bitswap.ledger(heliaId)
      const started = Date.now()
      const fetched = await readAll(unixfs(peer.helia).cat(root, { signal: AbortSignal.timeout(60_000) }))
      const ms = Date.now() - started
      assert.equal(fetched.length, bytes.length, `v${version}: length`)
      assert.ok(fetched.equals(bytes), `v${version}: same bytes`)
      const blocks = await heliaBlockCount(peer) - before
      assert.ok(blocks >= 200, `v${version}: Helia stored ${blocks} blocks`)

      const stat = ours.node.bitswap.stat()
      const ledger = ours.node.bitswap.ledger(heliaId)
      assert.equal(ledger.blocksSent - ledger0.blocksSent, blocks, `v${version}: we sent Helia each block of the DAG once`)
      assert.ok(ledger.bytesSent - ledger0.bytesSent >= bytes.length, `v${version}: ${ledger.bytesSent - ledger0.bytesSent} bytes sent`)
      assert.equal(stat.blocksSent - stat0.blocksSent, blocks, 'stat counts them')
      assert.equal(stat.dataSent - stat0.dataSent, ledger.bytesSent - ledger0.bytesSent)
      assert.equal(ledger.badMessages, 0, 'Helia sent nothing malformed')
      assert.deepEqual(ours.node.bitswap.wantlist(heliaId), [], 'Helia wants nothing more')
      console.log(`# us -> Helia, CIDv${version}: ${blocks} blocks, ${bytes.length} bytes in ${ms} ms`)
    }
  } finally {
    await peer.helia.stop()
    await ours.stop()
  }
})

test('a want made before the peer that holds the block connects is sent to it once it does (Helia, then ours)', { timeout: 60_000 }, async () => {
  const ours = await startTestNode()
  const peer = await startHelia()
  try {
    const fromUs = chacha20('late-peer-from-us', 64 * 1024)
    const ourRoot = await ourAdd(ours.node.repo.blockstore, fromUs, { cidVersion: 1 })
    const fromHelia = chacha20('late-peer-from-helia', 64 * 1024)
    const heliaRoot = await heliaAdd(peer, fromHelia, 1)

    const heliaFetch = readAll(unixfs(peer.helia).cat(ourRoot, { signal: AbortSignal.timeout(15_000) }))
    const session = ours.node.bitswap.session()
    const ourFetch = readAll(cat({ get: async (cid, options) => await session.get(cid, options) }, heliaRoot, { signal: AbortSignal.timeout(15_000) }))
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.deepEqual(ours.node.bitswap.wantlist().map(String), [heliaRoot.toString()], 'we want the root, from nobody yet')
    await ours.node.host.dial(peer.address())

    const [theirs, mine] = await Promise.allSettled([heliaFetch, ourFetch])
    assert.ok(theirs.status === 'fulfilled' && theirs.value.equals(fromUs), `Helia sends its wantlist to the new peer and gets our file (${theirs.status})`)
    assert.ok(mine.status === 'fulfilled' && mine.value.equals(fromHelia), `we send our wants to the new peer and get Helia's file (${mine.status === 'rejected' ? String(mine.reason) : 'ok'})`)
  } finally {
    await peer.helia.stop()
    await ours.stop()
  }
})

test('one long-lived connection: Helia fetches 20 files in a row (a new stream for each of its messages) and we close every stream it opened', { timeout: 120_000 }, async () => {
  const ours = await startTestNode()
  const peer = await startHelia()
  try {
    const connection = await peer.helia.libp2p.dial(tcpAddress(ours.node))
    const openFromHelia = (): number => inboundBitswapStreams(ours.node, peer.helia.libp2p.peerId)
    for (let i = 0; i < 20; i++) {
      const bytes = chacha20(`long-lived-${i}`, 256 * 1024 + i)
      const root = await ourAdd(ours.node.repo.blockstore, bytes, { cidVersion: 1 })
      const fetched = await readAll(unixfs(peer.helia).cat(root, { signal: AbortSignal.timeout(10_000) }))
        .catch((err: Error) => assert.fail(`file ${i + 1}: ${err.message}; Bitswap streams from Helia still open on our side: ${openFromHelia()}`))
      assert.ok(fetched.equals(bytes), `file ${i + 1}: same bytes`)
    }
    assert.equal(connection.status, 'open', 'one connection throughout')
    await waitFor(() => openFromHelia() === 0, 5000, 'our side to close the Bitswap streams Helia opened and closed', () => `${openFromHelia()} still open`)
  } finally {
    await peer.helia.stop()
    await ours.stop()
  }
})
