// How a session's first want goes out: to a lone Bitswap peer as a
// want-block at once (a want-have would only add a round trip), to several
// as want-have, so that the block is asked of one that has it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { encodePrefix } from '../../src/exchange/message/prefix.ts'
import { DONT_HAVE, HAVE } from '../../src/exchange/message/wire.ts'
import { startHostile } from '../helpers/hostile-bitswap.ts'
import { startTestNode } from '../helpers/nodes.ts'
import type { Responder } from '../helpers/hostile-bitswap.ts'
import type { Want } from '../../src/exchange/message/message.ts'
import type { MultihashDigest } from 'multiformats/hashes/interface'

const data = new TextEncoder().encode('the first block a session wants')
const cid = CID.createV1(0x55, sha256.digest(data) as MultihashDigest)

/** Serves `cid` when it has it: HAVE for want-have, the block for want-block; DONT_HAVE when it has not. */
const holder = (has: boolean): Responder => (message, reply) => {
  for (const w of message.wants.filter((w) => !w.cancel && w.cid.equals(cid))) {
    if (!has) void reply({ blocks: [], payload: [], blockPresences: [{ cid: cid.bytes, type: DONT_HAVE }], pendingBytes: 0 }).catch(() => {})
    else if (w.wantType === 'have') void reply({ blocks: [], payload: [], blockPresences: [{ cid: cid.bytes, type: HAVE }], pendingBytes: 0 }).catch(() => {})
    else void reply({ blocks: [], payload: [{ prefix: encodePrefix(cid), data }], blockPresences: [], pendingBytes: 0 }).catch(() => {})
  }
}

const wantsOf = (received: Array<{ wants: Want[] }>): string[] => received.flatMap((m) => m.wants.filter((w) => w.cid.equals(cid) && !w.cancel).map((w) => `${w.wantType}${w.sendDontHave ? '+dont-have' : ''}`))

test('a lone peer is asked for the block itself, with send-dont-have', async (t) => {
  const us = await startTestNode()
  const peer = await startHostile(holder(true))
  t.after(async () => { await peer.stop(); await us.stop() })
  await peer.connect(us.node)
  const got = await us.node.bitswap.session().get(cid, { signal: AbortSignal.timeout(10_000) })
  assert.deepEqual(new Uint8Array(got), data)
  assert.deepEqual(wantsOf(peer.received), ['block+dont-have'], 'one want-block, no want-have first')
})

test('of several peers, each is asked whether it has the block, and the block is asked of one that has it', async (t) => {
  const us = await startTestNode()
  const without = await startHostile(holder(false))
  const holding = await startHostile(holder(true))
  t.after(async () => { await without.stop(); await holding.stop(); await us.stop() })
  await without.connect(us.node)
  await holding.connect(us.node)
  const got = await us.node.bitswap.session().get(cid, { signal: AbortSignal.timeout(10_000) })
  assert.deepEqual(new Uint8Array(got), data)
  assert.deepEqual(wantsOf(without.received), ['have+dont-have'])
  assert.deepEqual(wantsOf(holding.received), ['have+dont-have', 'block+dont-have'])
})

test('a lone peer without the block says so, and the want ends with its deadline, leaving nothing wanted', async (t) => {
  const us = await startTestNode()
  const peer = await startHostile(holder(false))
  t.after(async () => { await peer.stop(); await us.stop() })
  await peer.connect(us.node)
  await assert.rejects(us.node.bitswap.session().get(cid, { signal: AbortSignal.timeout(1500) }), /TimeoutError|BlockUnavailableError|abort/i)
  assert.deepEqual(wantsOf(peer.received)[0], 'block+dont-have')
  assert.deepEqual(us.node.bitswap.stat().wantlist, [])
})
