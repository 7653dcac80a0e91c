// The decision engine's replies to a peer that starts fetching: one block
// first, so the first byte waits for one block and not a whole 1 MiB
// reply, then twice as much per reply up to MESSAGE_BYTES; and again from
// one block after the peer has been quiet.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { makeBlock } from '../../src/block/block.ts'
import { hasherByName } from '../../src/block/hashers.ts'
import { MemoryBlockstore } from '../../src/block/memory-blockstore.ts'
import { DecisionEngine, FIRST_REPLY_BYTES, MESSAGE_BYTES } from '../../src/exchange/engine.ts'
import { emptyMessage } from '../../src/exchange/message/message.ts'
import { waitFor } from '../helpers/nodes.ts'
import type { BitswapMessage } from '../../src/exchange/message/message.ts'

test('a peer starting to fetch gets one block, then 2, then 4 (1 MiB) per reply; after a quiet second, one block again', async () => {
  assert.equal(FIRST_REPLY_BYTES, 256 * 1024)
  assert.equal(MESSAGE_BYTES, 1024 * 1024)
  const store = new MemoryBlockstore()
  const blocks = Array.from({ length: 20 }, (_, i) => makeBlock(new Uint8Array(256 * 1024).fill(i), 0x55, hasherByName('sha2-256'), 1))
  for (const b of blocks) await store.put(b.cid, b.bytes)
  const sent: BitswapMessage[] = []
  const engine = new DecisionEngine(store, async (_peer, message) => { sent.push(message) })
  engine.start()
  const peer = peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
  const want = (from: number, to: number): void => {
    engine.receiveWants(peer, { ...emptyMessage(), wants: blocks.slice(from, to).map((b) => ({ cid: b.cid, priority: 1, wantType: 'block' as const, sendDontHave: true, cancel: false })) })
  }
  try {
    want(0, 16)
    await waitFor(() => sent.reduce((n, m) => n + m.blocks.length, 0) === 16, 5000, 'the 16 blocks')
    assert.deepEqual(sent.map((m) => m.blocks.length), [1, 2, 4, 4, 4, 1])
    assert.deepEqual(sent.flatMap((m) => m.blocks.map((b) => b.cid.toString())), blocks.slice(0, 16).map((b) => b.cid.toString()), 'in wantlist order')
    await new Promise((resolve) => setTimeout(resolve, 1100))
    sent.length = 0
    want(16, 20)
    await waitFor(() => sent.reduce((n, m) => n + m.blocks.length, 0) === 4, 5000, 'the last 4 blocks')
    assert.deepEqual(sent.map((m) => m.blocks.length), [1, 2, 1])
  } finally {
    engine.stop()
  }
})
