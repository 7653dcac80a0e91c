// A block over the 2 MiB exchange limit (stored with allow-big-block) is
// never sent: every Bitswap peer refuses such a block along with the whole
// message carrying it, so the engine answers it as not held (DONT_HAVE when
// asked for one) and the blocks beside it still go out.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { makeBlock } from '../../src/block/block.ts'
import { hasherByName } from '../../src/block/hashers.ts'
import { MemoryBlockstore } from '../../src/block/memory-blockstore.ts'
import { BIG_BLOCK_LIMIT, MAX_BLOCK_SIZE } from '../../src/dag/limits.ts'
import { DecisionEngine } from '../../src/exchange/engine.ts'
import { emptyMessage } from '../../src/exchange/message/message.ts'
import { waitFor } from '../helpers/nodes.ts'
import type { BitswapMessage } from '../../src/exchange/message/message.ts'

test('a block over MAX_BLOCK_SIZE is answered DONT_HAVE, for want-block and want-have; the others are sent', async () => {
  const store = new MemoryBlockstore()
  const sha256 = hasherByName('sha2-256')
  const big = makeBlock(new Uint8Array(MAX_BLOCK_SIZE + 1).fill(1), 0x55, sha256, 1)
  const biggest = makeBlock(new Uint8Array(BIG_BLOCK_LIMIT).fill(2), 0x55, sha256, 1)
  const atLimit = makeBlock(new Uint8Array(MAX_BLOCK_SIZE).fill(3), 0x55, sha256, 1)
  for (const b of [big, biggest, atLimit]) await store.put(b.cid, b.bytes)
  const sent: BitswapMessage[] = []
  const engine = new DecisionEngine(store, async (_peer, message) => { sent.push(message) })
  engine.start()
  const peer = peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
  try {
    engine.receiveWants(peer, {
      ...emptyMessage(),
      wants: [
        { cid: big.cid, priority: 1, wantType: 'block', sendDontHave: true, cancel: false },
        { cid: biggest.cid, priority: 1, wantType: 'have', sendDontHave: true, cancel: false },
        { cid: atLimit.cid, priority: 1, wantType: 'block', sendDontHave: true, cancel: false }
      ]
    })
    const answered = (): number => sent.reduce((n, m) => n + m.blocks.length + m.haves.length + m.dontHaves.length, 0)
    await waitFor(() => answered() === 3, 5000, 'an answer to each want')
    assert.deepEqual(sent.flatMap((m) => m.blocks.map((b) => b.cid.toString())), [atLimit.cid.toString()], 'only the block within the limit is sent')
    assert.deepEqual(sent.flatMap((m) => m.dontHaves.map((c) => c.toString())).sort(), [big.cid.toString(), biggest.cid.toString()].sort())
    assert.deepEqual(sent.flatMap((m) => m.haves), [])
  } finally {
    engine.stop()
  }
})
