// Bad input to Bitswap from real peers on loopback: a hostile bare libp2p
// peer speaking /ipfs/bitswap/1.2.0 by hand (helpers/hostile-bitswap.ts)
// (a) answers our wants with wrong blocks, (b) sends oversized and malformed
// messages, (c) floods us with wants, (d) never answers, or drops a want
// (and is asked again). Each is verified,
// limited or timed out; fetches complete from honest peers; the node keeps
// serving; the per-peer state stays bounded (checked on the wire, on the
// heap, and in the engine's ledger directly); no streams are left open.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { varint } from 'multiformats'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { BlockNotFoundError } from '../../src/block/errors.ts'
import { DecisionEngine } from '../../src/exchange/engine.ts'
import { MAX_WANTS_PER_PEER } from '../../src/exchange/ledger.ts'
import { MAX_MESSAGE_SIZE, emptyMessage } from '../../src/exchange/message/message.ts'
import { encodePrefix } from '../../src/exchange/message/prefix.ts'
import { HAVE, WANT_BLOCK, encodeWire } from '../../src/exchange/message/wire.ts'
import { defaultConfig } from '../../src/repo/config/defaults.ts'
import { addSources } from '../../src/unixfs/importer/add-paths.ts'
import { resolveImporterOptions } from '../../src/unixfs/importer/resolve-options.ts'
import { cat } from '../../src/unixfs/exporter/cat.ts'
import { tempDir } from '../helpers/cli.ts'
import { bitswapReady, startHostile } from '../helpers/hostile-bitswap.ts'
import { startTestNode, waitFor } from '../helpers/nodes.ts'
import { chacha20 } from '../helpers/vector-inputs.ts'
import type { PlanetaryNode } from '../../src/node.ts'
import type { WireMessage, WirePayload } from '../../src/exchange/message/wire.ts'
import type { HostilePeer, Responder } from '../helpers/hostile-bitswap.ts'
import type { TestNode } from '../helpers/nodes.ts'
import type { PeerId } from '@libp2p/interface'
import type { MultihashDigest } from 'multiformats/hashes/interface'

const imports = defaultConfig({ PeerID: 'x', PrivKey: 'x' }).Import
const wire = (m: Partial<WireMessage>): WireMessage => ({ blocks: [], payload: [], blockPresences: [], pendingBytes: 0, ...m })
const lp = (bytes: Uint8Array): Uint8Array => Buffer.concat([varint.encodeTo(bytes.byteLength, new Uint8Array(varint.encodingLength(bytes.byteLength))), bytes])
const randomCid = (i: number, seed: string): CID => CID.createV1(0x55, sha256.digest(chacha20(`${seed}-${i}`, 16)) as MultihashDigest)

async function addFile (node: PlanetaryNode, bytes: Uint8Array): Promise<CID> {
  const dir = await tempDir()
  try {
    await writeFile(join(dir.path, 'file'), bytes)
    const [root] = await addSources(node.repo.blockstore, [{ path: join(dir.path, 'file') }], resolveImporterOptions(imports, {}), { recursive: false, hidden: false })
    await node.repo.blockstore.sync()
    return root?.cid ?? assert.fail('no root')
  } finally {
    await dir.cleanup()
  }
}

/** Fetch and read the whole file over Bitswap, giving up after `ms`. */
async function fetchFile (node: PlanetaryNode, root: CID, ms: number): Promise<Buffer> {
  const session = node.bitswap.session()
  const signal = AbortSignal.timeout(ms)
  const parts: Uint8Array[] = []
  for await (const chunk of cat({ get: async (cid) => await session.get(cid, { signal }) }, root)) parts.push(chunk)
  return Buffer.concat(parts)
}

async function connect (from: TestNode, to: TestNode): Promise<void> {
  await from.node.host.dial(to.node.host.getMultiaddrs()[0] ?? assert.fail('no address'))
  await waitFor(async () => await bitswapReady(from.node, to.node.host) && await bitswapReady(to.node, from.node.host), 10_000, 'identify')
}

/** Open Bitswap streams between `node` and `peer`, by direction. */
function bitswapStreams (node: PlanetaryNode, peer: PeerId): { inbound: number, outbound: number } {
  const streams = node.host.getConnections(peer).flatMap((c) => c.streams).filter((s) => s.protocol?.startsWith('/ipfs/bitswap') === true && s.status === 'open')
  return { inbound: streams.filter((s) => s.direction === 'inbound').length, outbound: streams.filter((s) => s.direction === 'outbound').length }
}

/** Serving still works both ways between two honest nodes. */
async function stillServes (a: TestNode, b: TestNode, seed: string): Promise<void> {
  for (const [from, to] of [[a, b], [b, a]] as const) {
    const bytes = chacha20(`${seed}-${to.node.host.peerId.toString()}`, 700 * 1024)
    assert.ok((await fetchFile(to.node, await addFile(from.node, bytes), 30_000)).equals(bytes), `${seed}: a fetch still completes`)
  }
}

/** Junk for a wanted CID: its prefix, bytes that do not hash to it; `junk` collects the CIDs the bytes do hash to. */
function liarKit (seed: string): { junk: CID[], lie: (cid: CID) => WirePayload } {
  const junk: CID[] = []
  return {
    junk,
    lie: (cid) => {
      const data = chacha20(`${seed}-${junk.length}`, 1000)
      junk.push(CID.create(cid.version as 1, cid.code, sha256.digest(data) as MultihashDigest))
      return { prefix: encodePrefix(cid), data }
    }
  }
}

async function liarScenario (name: string, answer: (lie: (cid: CID) => WirePayload) => Responder, check: (us: TestNode, honest: TestNode, liar: HostilePeer, junk: CID[]) => Promise<void>): Promise<void> {
  const [us, honest] = [await startTestNode(), await startTestNode()]
  const { junk, lie } = liarKit(name)
  const liar = await startHostile(answer(lie))
  try {
    const bytes = chacha20(name, 3 * 1024 * 1024 + 7)
    const root = await addFile(honest.node, bytes)
    // The liar is the only peer until it has lied; then the honest peer arrives and the fetch must finish from it.
    await liar.connect(us.node)
    const started = Date.now()
    const fetching = fetchFile(us.node, root, 20_000).catch((err: Error) =>
      assert.fail(`the fetch did not complete in 20 s (${err.name}); the liar's ledger: ${JSON.stringify(us.node.bitswap.ledger(liar.host.peerId))}`))
    await waitFor(() => junk.length > 0, 10_000, 'the liar to be asked and lie')
    await connect(us, honest)
    const fetched = await fetching
    assert.ok(fetched.equals(bytes), 'byte-identical from the honest peer')
    assert.ok(Date.now() - started < 15_000, `fetched in ${Date.now() - started} ms`)
    assert.deepEqual(us.node.bitswap.stat().wantlist, [], 'nothing left wanted')
    await waitFor(() => us.node.bitswap.ledger(liar.host.peerId).unwantedBlocks === junk.length, 10_000, 'the junk to be counted')
    for (const cid of junk) assert.equal(await us.node.repo.blockstore.has(cid), false, `junk ${cid.toString()} not stored`)
    assert.equal(us.node.bitswap.ledger(liar.host.peerId).blocksReceived, 0)
    await check(us, honest, liar, junk)
  } finally {
    await liar.stop()
    await us.stop()
    await honest.stop()
  }
}

test('(a) a liar that says HAVE, then sends wrong blocks: the fetch completes from the honest peer, nothing wrong is stored', async () => {
  await liarScenario('have-liar', (lie) => (message, reply) => {
    const wants = message.wants.filter((w) => !w.cancel)
    const payload = wants.filter((w) => w.wantType === 'block').map((w) => lie(w.cid))
    const blockPresences = wants.filter((w) => w.wantType === 'have').map((w) => ({ cid: w.cid.bytes, type: HAVE }))
    if (payload.length + blockPresences.length > 0) void reply(wire({ payload, blockPresences })).catch(() => {})
  }, async () => {})
})

test('(a) a peer answering wants with wrong blocks: not stored, counted, and past the allowance disconnected', async () => {
  await liarScenario('push-liar', (lie) => (message, reply) => {
    const payload = message.wants.filter((w) => !w.cancel).map((w) => lie(w.cid))
    if (payload.length > 0) void reply(wire({ payload })).catch(() => {})
  }, async (us, honest, liar, junk) => {
    // A flood of unsolicited junk: past the allowance the liar is hung up on; the honest peer stays.
    const flood = liarKit('flood')
    for (let i = 0; i < 4; i++) await liar.send(us.node, wire({ payload: Array.from({ length: 25 }, (_, k) => flood.lie(randomCid(i * 25 + k, 'flood'))) })).catch(() => {})
    await waitFor(() => us.node.host.getConnections(liar.host.peerId).length === 0, 10_000, 'the liar to be disconnected',
      () => JSON.stringify(us.node.bitswap.ledger(liar.host.peerId)))
    assert.ok(us.node.bitswap.stat().unwantedBlocks > 64, 'the junk is counted (in the totals: a disconnected peer\'s ledger is dropped)')
    for (const cid of [...junk, ...flood.junk]) assert.equal(await us.node.repo.blockstore.has(cid), false)
    assert.equal(us.node.host.getConnections(honest.node.host.peerId).length, 1, 'the honest peer stays connected')
    assert.ok(bitswapStreams(us.node, honest.node.host.peerId).outbound <= 1, 'one outbound Bitswap stream per peer')
  })
})

test('(b) oversized and malformed messages: the stream is reset, each is counted, the node keeps serving', async () => {
  const [us, honest] = [await startTestNode(), await startTestNode()]
  const hostile = await startHostile()
  try {
    await connect(us, honest)
    await hostile.connect(us.node)
    const cid = randomCid(0, 'bad')
    const bad: Array<[string, Uint8Array[]]> = [
      ['the length prefix of a message over 4 MiB', [lp(new Uint8Array(MAX_MESSAGE_SIZE + 1)).subarray(0, 64 * 1024)]],
      ['a whole message over 4 MiB', [lp(new Uint8Array(MAX_MESSAGE_SIZE + 1))]],
      ['a length prefix of 2^40', [varint.encodeTo(2 ** 40, new Uint8Array(6)), new Uint8Array(1024)]],
      ['a truncated protobuf', [lp(Uint8Array.of(0x0a, 0x7f, 0x0a))]],
      ['a wrong wire type', [lp(Uint8Array.of(0x28 | 2, 1, 0))]],
      ['a want for an invalid CID', [lp(encodeWire(wire({ wantlist: { full: false, entries: [{ block: Uint8Array.of(1, 2, 3), priority: 1, cancel: false, wantType: WANT_BLOCK, sendDontHave: true }] } })))]],
      ['a block over 2 MiB', [lp(encodeWire(wire({ payload: [{ prefix: encodePrefix(cid), data: new Uint8Array(3 * 1024 * 1024) }] })))]],
      ['garbage after a good message', [lp(encodeWire(wire({ pendingBytes: 1 }))), lp(Uint8Array.of(0xff, 0xff))]]
    ]
    const uncounted: string[] = []
    for (const [what, chunks] of bad) {
      const before = us.node.bitswap.ledger(hostile.host.peerId).badMessages
      const stream = await hostile.raw(us.node, chunks)
      await waitFor(() => stream.status !== 'open', 10_000, `the node to reset the stream after ${what}`)
      await waitFor(() => us.node.bitswap.ledger(hostile.host.peerId).badMessages > before, 3000, '').catch(() => { uncounted.push(what) })
    }
    await waitFor(() => bitswapStreams(us.node, hostile.host.peerId).inbound === 0, 5000, 'no inbound Bitswap stream left open')
    await stillServes(us, honest, 'after bad messages')
    assert.equal(us.node.host.getConnections().length, 2)
    assert.deepEqual(uncounted, [], 'every bad message is counted in badMessages')
  } finally {
    await hostile.stop()
    await us.stop()
    await honest.stop()
  }
})

test('(b) a message of exactly 4 MiB, then another in the same write: both are accepted', async () => {
  const us = await startTestNode()
  const hostile = await startHostile()
  try {
    await hostile.connect(us.node)
    const cid = randomCid(1, 'bad')
    // A 2 MiB block padded with an unknown field to 4 MiB, then a want-block for a missing block.
    const block = { prefix: encodePrefix(cid), data: new Uint8Array(2 * 1024 * 1024) }
    const head = encodeWire(wire({ payload: [block] }))
    const padLength = MAX_MESSAGE_SIZE - head.byteLength - 1 - 3
    const pad = Buffer.concat([Uint8Array.of(15 << 3 | 2), varint.encodeTo(padLength, new Uint8Array(3)), new Uint8Array(padLength)])
    assert.equal(head.byteLength + pad.byteLength, MAX_MESSAGE_SIZE)
    const want = encodeWire(wire({ wantlist: { full: false, entries: [{ block: cid.bytes, priority: 1, cancel: false, wantType: WANT_BLOCK, sendDontHave: true }] } }))
    // A small message first, so that the node is reading when the big one comes.
    const stream = await hostile.raw(us.node, [lp(encodeWire(wire({ pendingBytes: 1 }))), Buffer.concat([lp(Buffer.concat([head, pad])), lp(want)])], 300)
    await waitFor(() => hostile.received.some((m) => m.dontHaves.some((c) => c.equals(cid))), 5000, 'a DONT_HAVE for the want after a 4 MiB message',
      () => `stream ${stream.status}, ${JSON.stringify(us.node.bitswap.ledger(hostile.host.peerId))}`)
    assert.equal(stream.status, 'open', 'a message of exactly 4 MiB is accepted')
    assert.equal(us.node.bitswap.ledger(hostile.host.peerId).badMessages, 0)
  } finally {
    await hostile.stop()
    await us.stop()
  }
})

test('(c) 20000 wants: at most MAX_WANTS_PER_PEER are kept, memory stays bounded, the node still serves', async () => {
  const [us, honest] = [await startTestNode(), await startTestNode()]
  const hostile = await startHostile()
  try {
    await connect(us, honest)
    await hostile.connect(us.node)
    const heapBefore = process.memoryUsage().heapUsed
    const wantlist = (i: number): WireMessage['wantlist'] => ({ full: false, entries: Array.from({ length: 5000 }, (_, k) => ({ block: randomCid(i * 5000 + k, 'flood').bytes, priority: 1, cancel: false, wantType: WANT_BLOCK, sendDontHave: true })) })
    for (let i = 0; i < 4; i++) await hostile.send(us.node, wire({ wantlist: wantlist(i) }))
    // want-block for a missing block: DONT_HAVE, and kept until the block arrives (or a cancel).
    const dontHaves = (): number => hostile.received.reduce((n, m) => n + m.dontHaves.length, 0)
    await waitFor(() => dontHaves() >= MAX_WANTS_PER_PEER, 20_000, 'DONT_HAVEs', () => `${dontHaves()}`)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const answered = dontHaves()
    assert.equal(us.node.bitswap.ledger(hostile.host.peerId).badMessages, 0)
    assert.ok(process.memoryUsage().heapUsed - heapBefore < 200 * 1024 * 1024, 'heap grew by less than 200 MiB')
    await stillServes(us, honest, 'after a want flood')
    assert.ok(bitswapStreams(us.node, hostile.host.peerId).inbound <= 1)
    assert.equal(answered, MAX_WANTS_PER_PEER, 'answered (and kept) at most MAX_WANTS_PER_PEER wants')
  } finally {
    await hostile.stop()
    await us.stop()
    await honest.stop()
  }
})

test('(c) the ledger holds at most MAX_WANTS_PER_PEER wants, also while a reply is being composed', async () => {
  const peer = peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
  // A store that, like a disk, answers on a later turn of the event loop.
  const store = { get: async () => { await new Promise((resolve) => setImmediate(resolve)); throw new BlockNotFoundError('absent') }, has: async () => false }
  const engine = new DecisionEngine(store, async () => {})
  engine.start()
  for (let i = 0; i < 4; i++) {
    engine.receiveWants(peer, { ...emptyMessage(), wants: Array.from({ length: 5000 }, (_, k) => ({ cid: randomCid(i * 5000 + k, 'engine'), priority: 1, wantType: 'block' as const, sendDontHave: true, cancel: false })) })
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  await waitFor(() => engine.ledger(peer).wants.size === 0, 5000, 'the engine to answer')
  const ledger = engine.ledger(peer)
  engine.stop()
  assert.ok(ledger.wants.size + ledger.waiting.size <= MAX_WANTS_PER_PEER, `${ledger.wants.size} + ${ledger.waiting.size} wants kept`)
  assert.equal(ledger.ignoredWants + ledger.wants.size + ledger.waiting.size, 20000)
})

test('(d) a peer that never answers: the fetch times out with a clear error and leaves no wants; an honest peer still serves it', async () => {
  const [us, honest] = [await startTestNode(), await startTestNode()]
  const silent = await startHostile()
  try {
    await silent.connect(us.node)
    const missing = randomCid(0, 'nobody has it')
    const started = Date.now()
    await assert.rejects(us.node.bitswap.session().get(missing, { signal: AbortSignal.timeout(3000) }), (err: Error) => {
      assert.match(err.name, /TimeoutError|BlockUnavailableError/, `${err.name}: ${err.message}`)
      return true
    })
    assert.ok(Date.now() - started < 6000, `gave up after ${Date.now() - started} ms`)
    assert.deepEqual(us.node.bitswap.stat().wantlist, [], 'no wants left behind')
    await waitFor(() => silent.received.some((m) => m.wants.some((w) => w.cancel && w.cid.equals(missing))), 5000, 'a cancel to the silent peer')
    const bytes = chacha20('silent', 1024 * 1024)
    const root = await addFile(honest.node, bytes)
    await connect(us, honest)
    assert.ok((await fetchFile(us.node, root, 30_000)).equals(bytes), 'fetched from the honest peer')
    assert.deepEqual(us.node.bitswap.stat().wantlist, [])
    assert.equal(us.node.host.getConnections().length, 2)
    assert.ok(bitswapStreams(us.node, silent.host.peerId).outbound <= 1, 'one outbound stream to the silent peer, reused')
  } finally {
    await silent.stop()
    await us.stop()
    await honest.stop()
  }
})

test('(d) a peer that drops a want-block (as when a reset stream takes its reply along) is asked again, and the fetch completes', async () => {
  const us = await startTestNode()
  const data = chacha20('forgetful', 200_000)
  const cid = CID.createV1(0x55, sha256.digest(data) as MultihashDigest)
  let wantBlocks = 0
  const forgetful = await startHostile((message, reply) => {
    for (const w of message.wants.filter((w) => !w.cancel && w.cid.equals(cid))) {
      if (w.wantType === 'have') void reply(wire({ blockPresences: [{ cid: cid.bytes, type: HAVE }] })).catch(() => {})
      else if (++wantBlocks > 1) void reply(wire({ payload: [{ prefix: encodePrefix(cid), data }] })).catch(() => {})
    }
  })
  try {
    await forgetful.connect(us.node)
    const started = Date.now()
    const got = await us.node.bitswap.session().get(cid, { signal: AbortSignal.timeout(15_000) })
    assert.ok(Buffer.from(got).equals(data), 'the block, from its second want-block')
    assert.equal(wantBlocks, 2, 'asked for the block twice')
    assert.ok(Date.now() - started < 10_000, `fetched in ${Date.now() - started} ms`)
    assert.deepEqual(us.node.bitswap.stat().wantlist, [], 'nothing left wanted')
  } finally {
    await forgetful.stop()
    await us.stop()
  }
})
