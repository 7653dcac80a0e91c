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
    // An announcement counts as made once the DHT query ends; under load b may
    // not yet have had a in its LAN routing table, so run again until b finds them.
    const providerOf = async (cid: typeof blocks[number]['cid']): Promise<string | undefined> => {
      for await (const provider of b.node.host.contentRouting.findProviders(cid, { signal: AbortSignal.timeout(3000) })) return provider.id.toString()
      return undefined
    }
    await waitFor(async () => {
      const found = await Promise.all(blocks.map(async (block) => await providerOf(block.cid).catch(() => undefined)))
      if (found.every((p) => p === a.node.host.peerId.toString())) return true
      await a.node.reprovider.reprovide()
      return false
    }, 30_000, 'b to find a as the provider of every block')
    assert.equal(a.node.repo.config.Reprovider.Strategy, 'all', 'Kubo\'s default strategy')
  } finally {
    await a.stop()
    await b.stop()
  }
})
