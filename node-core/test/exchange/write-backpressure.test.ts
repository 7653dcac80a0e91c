// A disk slower than the network: the client hands each received block
// over at once and writes it beside, but once 32 MiB of received blocks wait
// for the store, new wants wait too, so memory stays bounded; they go on as
// soon as the writes catch up. (The client alone, answered by a peer that
// sends every block asked for: the store is what is slowed here.)
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { BitswapClient } from '../../src/exchange/client.ts'
import { Ledger } from '../../src/exchange/ledger.ts'
import { emptyMessage } from '../../src/exchange/message/message.ts'
import type { BitswapMessage } from '../../src/exchange/message/message.ts'

const BLOCK = 1024 * 1024

test('wants wait while 32 MiB of received blocks are unwritten, and resume as writes finish', async () => {
  const peer = peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
  const blocks = new Map<string, { cid: CID, bytes: Uint8Array }>()
  const cids: CID[] = []
  for (let i = 0; i < 48; i++) {
    const bytes = randomBytes(BLOCK)
    const cid = CID.createV1(raw.code, await sha256.digest(bytes))
    blocks.set(cid.toString(), { cid, bytes })
    cids.push(cid)
  }
  const unfinished: Array<() => void> = []
  let written = 0
  const client: BitswapClient = new BitswapClient({
    store: { put: async () => { await new Promise<void>((resolve) => unfinished.push(resolve)); written++ } },
    send: async (to: unknown, message: BitswapMessage) => {
      const reply = emptyMessage()
      for (const w of message.wants) {
        const block = blocks.get(w.cid.toString())
        if (!w.cancel && block !== undefined) reply.blocks.push(block)
      }
      if (reply.blocks.length > 0) setImmediate(() => { client.receive(peer, reply) })
    },
    bitswapPeers: () => [peer],
    identifying: () => 0,
    ledger: () => new Ledger(),
    onBlocks: () => {},
    penalise: () => {}
  })
  const session = client.session()
  let received = 0
  // One want after another, as a reader does.
  const fetches = (async () => {
    for (const cid of cids) {
      await client.want(cid, session)
      received++
    }
  })()
  await new Promise((resolve) => setTimeout(resolve, 500))
  assert.equal(received, 33, 'blocks are handed over until more than 32 MiB wait for the store, then wants wait')
  assert.equal(written, 0)
  assert.deepEqual(client.wantlist(), [], 'the waiting wants were not sent')
  const stop = new AbortController()
  const aborted = client.want(cids[47] as CID, session, { signal: stop.signal })
  stop.abort(new Error('the reader gave up'))
  await assert.rejects(aborted, /the reader gave up/, 'a waiting want ends with its signal')
  for (const finish of unfinished.splice(0)) finish()
  await new Promise((resolve) => setTimeout(resolve, 500))
  assert.equal(received, 48, 'the rest came once the writes finished')
  for (const finish of unfinished.splice(0)) finish()
  await fetches
  assert.equal(written, 48)
})
