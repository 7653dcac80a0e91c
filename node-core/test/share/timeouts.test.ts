// Share timeouts (issue 14, "Bad input"): a device that never answers
// times out cleanly; an offer nobody answers expires on both sides; a
// sender that disappears mid-transfer leaves a paused item whose blocks
// GC keeps, and that resumes, fetching only what is missing, when the
// sender is back.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { lpStream } from '@libp2p/utils'
import { CID } from 'multiformats/cid'
import { linksOf } from '../../src/dag/links.ts'
import { walkDag } from '../../src/dag/walk.ts'
import { REPLY_TIMEOUT_MS, SHARE_PROTOCOL } from '../../src/share/limits.ts'
import { tempDir } from '../helpers/cli.ts'
import { waitFor } from '../helpers/nodes.ts'
import { pairUp, startKeptNode, startSharePeer } from '../helpers/share-peer.ts'
import type { KeptNode, SharePeer } from '../helpers/share-peer.ts'
import type { PlanetaryNode } from '../../src/node.ts'
import type { PublicItem } from '../../src/share/share.ts'
import type { Stream } from '@libp2p/interface'

const itemOf = (node: PlanetaryNode, id: string): PublicItem | undefined => node.share.items().find((i) => i.id === id)
const show = (node: PlanetaryNode, id: string) => (): string => JSON.stringify(itemOf(node, id))
const sleep = async (ms: number): Promise<void> => { await new Promise((resolve) => setTimeout(resolve, ms)) }

/** The blocks of `root`'s DAG that `node` holds (following links only from blocks it holds). */
async function presentBlocks (node: PlanetaryNode, root: CID): Promise<Set<string>> {
  const present = new Set<string>()
  const stack = [root]
  for (let cid = stack.pop(); cid !== undefined; cid = stack.pop()) {
    if (present.has(cid.toString()) || !await node.repo.blockstore.has(cid)) continue
    present.add(cid.toString())
    stack.push(...linksOf(cid, await node.repo.blockstore.get(cid)))
  }
  return present
}

describe('share: timeouts', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  const nodes: KeptNode[] = []
  const peers: SharePeer[] = []
  const kept = async (name: string, ttl?: number): Promise<KeptNode> => {
    const node = await startKeptNode((c) => ({ ...c, Share: { ...c.Share, DeviceName: name, InboxFolder: join(dir.path, `${name}-inbox`) } }), ttl === undefined ? {} : { shareOfferTtlMs: ttl })
    nodes.push(node)
    return node
  }

  before(async () => {
    dir = await tempDir()
  })
  after(async () => {
    for (const peer of peers) await peer.stop().catch(() => {})
    for (const node of nodes) await node.destroy().catch(() => {})
    await dir?.cleanup()
  })

  it('a device that takes the stream and never replies: send fails with ShareTimeoutError in about REPLY_TIMEOUT_MS', async () => {
    const b = await kept('timeout-b')
    const silent = await startSharePeer('silent')
    peers.push(silent)
    await silent.connect(b.node)
    const file = join(dir.path, 'never.txt')
    await writeFile(file, 'nobody will read this')
    const started = Date.now()
    await assert.rejects(b.node.share.send({ to: silent.id, paths: [file] }), { name: 'ShareTimeoutError' })
    const took = Date.now() - started
    assert.ok(took <= REPLY_TIMEOUT_MS + 3_000, `the send took ${took} ms`)
    // The node gave the streams up (reset or closed), it does not keep them.
    await waitFor(() => silent.held.length > 0 && silent.held.every((s) => s.status !== 'open'), 5_000, 'the node to drop the unanswered streams', () => silent.held.map((s) => s.status).join())
    // A device that says hello, then never answers the offer: the item fails with ShareTimeoutError.
    const mute = await startSharePeer((m) => m.type === 'hello' ? 'answer' : 'silent', 'Mute')
    peers.push(mute)
    await mute.connect(b.node)
    const t0 = Date.now()
    const sent = await b.node.share.send({ to: mute.id, paths: [file] })
    const took2 = Date.now() - t0
    assert.equal(sent.state, 'failed', JSON.stringify(sent))
    assert.equal(sent.error?.name, 'ShareTimeoutError')
    assert.ok(took2 <= REPLY_TIMEOUT_MS + 3_000, `the offer took ${took2} ms`)
    assert.ok(mute.received.some((m) => m.type === 'offer' && m.item === sent.id))
  })

  it('a peer that opens streams and sends nothing is cut off after REPLY_TIMEOUT_MS, and honest devices are served meanwhile', async () => {
    const a = await kept('slow-a')
    const b = await kept('slow-b')
    await pairUp(a.node, b.node, waitFor)
    const loris = await startSharePeer()
    peers.push(loris)
    await loris.connect(b.node)
    const streams: Stream[] = []
    for (let i = 0; i < 16; i++) streams.push(await loris.host.dialProtocol(b.node.host.peerId, SHARE_PROTOCOL))
    const started = Date.now()
    const file = join(dir.path, 'meanwhile.txt')
    await writeFile(file, 'served meanwhile')
    const sent = await a.node.share.send({ to: 'slow-b', paths: [file] })
    assert.equal(sent.state, 'waiting')
    assert.ok(Date.now() - started < 5_000, 'an honest send waited on the slow peer')
    const ends = await Promise.all(streams.map(async (s) => await lpStream(s).read({ signal: AbortSignal.timeout(REPLY_TIMEOUT_MS + 5_000) }).then(() => 'a reply', (err: Error) => err.name)))
    const took = Date.now() - started
    assert.ok(took >= REPLY_TIMEOUT_MS - 1_000 && took <= REPLY_TIMEOUT_MS + 3_000, `the streams ended after ${took} ms (${ends.join()})`)
    assert.ok(ends.every((e) => e !== 'a reply' && e !== 'TimeoutError'), ends.join())
  })

  it('an offer nobody answers expires on both sides, as expired (not cancelled), soon after its TTL', { timeout: 150_000 }, async () => {
    // A's TTL ends first: A→B is the sender's to expire first (as in life, where the sender's copy is the older
    // one), B→A the receiver's. Whichever side sees it first, both must end expired, not "cancelled".
    const ttl = 2_000
    const a = await kept('ttl-a', ttl)
    const b = await kept('ttl-b', 2 * ttl)
    await pairUp(a.node, b.node, waitFor)
    const file = join(dir.path, 'unanswered.txt')
    await writeFile(file, 'answer me')
    const ab = await a.node.share.send({ to: 'ttl-b', paths: [file] })
    const ba = await b.node.share.send({ to: 'ttl-a', paths: [file] })
    await waitFor(() => itemOf(b.node, ab.id)?.state === 'waiting' && itemOf(a.node, ba.id)?.state === 'waiting', 5_000, 'both offers')
    const started = Date.now()
    const settled = (id: string, node: PlanetaryNode): boolean => !['waiting'].includes(itemOf(node, id)?.state ?? 'waiting')
    await waitFor(() => settled(ab.id, a.node) && settled(ab.id, b.node) && settled(ba.id, a.node) && settled(ba.id, b.node), 125_000, 'the offers to expire', () => JSON.stringify([ab.id, ba.id].flatMap((id) => [a.node, b.node].map((n) => itemOf(n, id)?.state))))
    await sleep(1_000)
    const took = Date.now() - started
    const states = { 'A→B at A': itemOf(a.node, ab.id)?.state, 'A→B at B': itemOf(b.node, ab.id)?.state, 'B→A at B': itemOf(b.node, ba.id)?.state, 'B→A at A': itemOf(a.node, ba.id)?.state }
    const errors = { 'A→B at B': itemOf(b.node, ab.id)?.error, 'B→A at A': itemOf(a.node, ba.id)?.error }
    await assert.rejects(b.node.share.accept(ab.id), { name: 'ItemStateError' })
    assert.deepEqual(await readdir(join(dir.path, 'ttl-b-inbox')).catch((): string[] => []), [])
    assert.deepEqual(states, { 'A→B at A': 'expired', 'A→B at B': 'expired', 'B→A at B': 'expired', 'B→A at A': 'expired' }, `after ${took} ms, errors ${JSON.stringify(errors)}`)
    assert.ok(took <= 2 * ttl + 5_000, `offers with ${ttl} and ${2 * ttl} ms TTLs expired only after ${took} ms (the expiry check runs every 60 s)`)
  })

  it('a sender gone mid-transfer: the item pauses, GC keeps its blocks, and it resumes with only the missing blocks', { timeout: 180_000 }, async (t) => {
    const a = await kept('gone-a')
    const b = await kept('gone-b')
    await pairUp(a.node, b.node, waitFor)
    const file = join(dir.path, 'big.bin')
    const bytes = randomBytes(50 * 1024 * 1024)
    await writeFile(file, bytes)
    const sent = await a.node.share.send({ to: 'gone-b', paths: [file] })
    const root = CID.parse(sent.root)
    let total = 0
    for await (const block of walkDag(a.node.repo.blockstore, root)) { void block; total++ }
    await waitFor(() => itemOf(b.node, sent.id)?.state === 'waiting', 5_000, 'the offer')
    const received0 = b.node.bitswap.stat().blocksReceived
    await b.node.share.accept(sent.id)
    await waitFor(() => b.node.bitswap.stat().blocksReceived - received0 >= 10, 30_000, 'the first blocks', show(b.node, sent.id))
    await a.stop()
    const stoppedAt = Date.now()
    const got = b.node.bitswap.stat().blocksReceived - received0
    assert.ok(got < total, `the whole item (${total} blocks) arrived before A stopped`)
    // A GC asked for while the walk waits on the gone sender does not wait for it (nor do the writers queued behind that GC): the walk steps aside, and walks again after.
    for await (const r of b.node.gc()) void r
    assert.equal(itemOf(b.node, sent.id)?.state, 'transferring', 'GC ran while the transfer still waited for its sender, not after it paused')
    await waitFor(() => itemOf(b.node, sent.id)?.state === 'paused', 30_000, 'the item to pause', show(b.node, sent.id))
    const pausedAfter = Date.now() - stoppedAt
    const paused = itemOf(b.node, sent.id)!
    assert.equal(paused.error?.name, 'SenderGoneError', JSON.stringify(paused))
    assert.ok(pausedAfter <= 20_000, `paused ${pausedAfter} ms after the sender left`)
    // GC keeps what has arrived.
    const before = await presentBlocks(b.node, root)
    assert.ok(before.size > 0 && before.size < total, `${before.size} of ${total} blocks present`)
    const removed: string[] = []
    for await (const r of b.node.gc()) removed.push(r.cid.toString())
    const afterGc = await presentBlocks(b.node, root)
    assert.deepEqual([...before].filter((c) => !afterGc.has(c)), [], `GC removed ${removed.length} blocks of the paused item`)
    // A comes back on the same repo; B resumes and completes, fetching only what is missing.
    const received1 = b.node.bitswap.stat().blocksReceived
    const a2 = await a.restart()
    await b.node.host.dial(a2.host.getMultiaddrs().find((m) => /\/tcp\/\d+\/p2p\//.test(m.toString()))!)
    await waitFor(() => itemOf(b.node, sent.id)?.state === 'done', 60_000, 'the transfer to resume and finish', show(b.node, sent.id))
    const done = itemOf(b.node, sent.id)!
    assert.equal(done.verified, true)
    assert.deepEqual(await readFile(join(dir.path, 'gone-b-inbox', 'big.bin')), bytes)
    const refetched = b.node.bitswap.stat().blocksReceived - received1
    const fromSources = done.sources.reduce((n, s) => n + s.blocks, 0)
    const missing = total - afterGc.size
    assert.ok(refetched <= missing, `B received ${refetched} blocks after the resume; only ${missing} of ${total} were missing`)
    assert.ok(fromSources <= missing && fromSources > 0, `the resumed session counts ${fromSources} blocks from its sources; ${missing} were missing`)
    t.diagnostic(`${total} blocks; ${got} received before A stopped; paused after ${pausedAfter} ms; ${afterGc.size} kept through GC (${removed.length} other blocks removed); ${refetched} received after the resume, ${fromSources} by the session's sources`)
    assert.ok(done.sources.every((s) => s.peer === a2.host.peerId.toString()))
    await waitFor(() => itemOf(a2, sent.id)?.state === 'done', 15_000, 'the sender to get the receipt', show(a2, sent.id))
    assert.deepEqual((await readdir(join(dir.path, 'gone-b-inbox'))).filter((n) => n.includes('planetary-part')), [])
  })
})
