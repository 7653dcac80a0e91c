// Announcing content: with Reprovider.Strategy "all", a reprovide run
// announces every block on the DHTs, a peer then finds this node as a
// provider (LAN DHT over loopback), and progress is published as events.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { makeBlock } from '../../src/block/block.ts'
import { hasherByName } from '../../src/block/hashers.ts'
import { startTestNode, waitFor } from '../helpers/nodes.ts'
import type { ProvideProgress } from '../../src/routing/reprovider.ts'

test('a reprovide run announces every block; a connected peer finds us as provider; progress events', async () => {
  const a = await startTestNode()
  const b = await startTestNode()
  try {
    const blocks = [1, 2, 3].map((i) => makeBlock(new TextEncoder().encode(`provide me ${i}`), 0x55, hasherByName('sha2-256'), 1))
    for (const block of blocks) await a.node.repo.blockstore.put(block.cid, block.bytes)
    await a.node.repo.blockstore.sync()
    await b.node.host.dial(a.node.host.getMultiaddrs()[0] ?? assert.fail('no address'))
    await waitFor(async () => (await a.node.host.peerStore.get(b.node.host.peerId)).protocols.includes('/ipfs/lan/kad/1.0.0'), 5000, 'identify')
    const events: ProvideProgress[] = []
    a.node.events.on('provide:progress', (p) => events.push(p))
    await a.node.reprovider.reprovide()
    const progress = a.node.reprovider.progress()
    let stored = 0
    for await (const cid of a.node.repo.blockstore.list()) { void cid; stored++ }
    assert.equal(stored, 4, 'our three blocks and the Files tree\'s empty root')
    assert.equal(progress.total, stored, 'strategy all: every block')
    assert.equal(progress.provided, stored, 'every announcement reached the LAN DHT peer')
    assert.equal(progress.running, false)
    assert.ok(progress.lastRun > 0)
    assert.ok(events.length >= 3 && events.at(-1)?.running === false, 'progress events, the last one final')
    for (const block of blocks) {
      const found = []
      for await (const provider of b.node.host.contentRouting.findProviders(block.cid, { signal: AbortSignal.timeout(10_000) })) {
        found.push(provider.id.toString())
        break
      }
      assert.deepEqual(found, [a.node.host.peerId.toString()], `${block.cid.toString()} is provided by a`)
    }
    assert.equal(a.node.repo.config.Reprovider.Strategy, 'all', 'Kubo\'s default strategy')
  } finally {
    await a.stop()
    await b.stop()
  }
})
