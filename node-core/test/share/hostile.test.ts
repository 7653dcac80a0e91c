// The share protocol against a hostile peer (issue 14, "Bad input"): a raw
// libp2p host speaking /planetary/share/1.0.0 by hand sends malformed,
// oversized, replayed and lying messages, floods offers, offers names that
// try to escape the inbox folder, and answers for items that are not its
// own; the node refuses each by name, keeps nothing it did not accept, and
// still serves an honest send afterwards.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import * as dagPb from '@ipld/dag-pb'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { lpStream } from '@libp2p/utils'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { newId } from '../../src/share/ids.ts'
import { MAX_MESSAGE_BYTES, MESSAGES_PER_MINUTE, MESSAGE_WINDOW_MS, OFFERS_PER_MINUTE, SHARE_PROTOCOL, WAITING_OFFERS, WAITING_OFFERS_PER_PEER } from '../../src/share/limits.ts'
import { receiptBytes } from '../../src/share/receipt.ts'
import { encodeUnixFSData, UnixFSType } from '../../src/unixfs/format/unixfs-data.ts'
import { addSources } from '../../src/unixfs/importer/add-paths.ts'
import { resolveImporterOptions } from '../../src/unixfs/importer/resolve-options.ts'
import { tempDir } from '../helpers/cli.ts'
import { startTestNode, waitFor } from '../helpers/nodes.ts'
import { device, head, pairUp, startSharePeer } from '../helpers/share-peer.ts'
import type { Answer, Json, SharePeer } from '../helpers/share-peer.ts'
import type { TestNode } from '../helpers/nodes.ts'
import type { PlanetaryNode } from '../../src/node.ts'
import type { PublicItem } from '../../src/share/share.ts'

const enc = (value: unknown): Uint8Array => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value))

/** Import `bytes` as one file into `node` (not pinned: these tests run no GC on it). */
async function addBytes (node: PlanetaryNode, name: string, bytes: Uint8Array): Promise<CID> {
  const [entry] = await addSources(node.repo.blockstore, [{ name, content: (async function * () { yield bytes })() }], resolveImporterOptions(node.repo.config.Import, {}))
  await node.repo.blockstore.sync()
  return entry!.cid
}

/** A UnixFS directory block linking `links` (names unchecked: that is the point). */
async function putDirectory (node: PlanetaryNode, links: Array<{ name: string, cid: CID, size: number }>): Promise<CID> {
  const bytes = dagPb.encode(dagPb.prepare({ Data: encodeUnixFSData({ type: UnixFSType.Directory }), Links: links.map((l) => ({ Name: l.name, Hash: l.cid, Tsize: l.size })) }))
  const cid = CID.createV1(dagPb.code, await sha256.digest(bytes))
  await node.repo.blockstore.put(cid, bytes)
  await node.repo.blockstore.sync()
  return cid
}

async function blockCount (node: PlanetaryNode): Promise<number> {
  let n = 0
  for await (const cid of node.repo.blockstore.list()) { void cid; n++ }
  return n
}

describe('share: a hostile peer', () => {
  let a: TestNode
  let b: TestNode
  let dir: Awaited<ReturnType<typeof tempDir>>
  let bInbox: string
  /** A 300 KB file A holds (the root of offers never accepted: B could fetch it from A if it ever tried). */
  let content: { cid: CID, size: number, bytes: Uint8Array }
  const peers: SharePeer[] = []
  const itemOf = (node: TestNode, id: string): PublicItem | undefined => node.node.share.items().find((i) => i.id === id)
  const waiting = (node: TestNode): PublicItem[] => node.node.share.items('in').filter((i) => i.state === 'waiting')

  /** A fresh hostile peer, connected to `nodes` and known to each as a device (it said hello). */
  const knownPeer = async (nodes: TestNode[] = [b], mode: 'none' | 'answer' = 'none', name = 'Mallory'): Promise<SharePeer> => {
    const peer = await startSharePeer(mode, name)
    peers.push(peer)
    for (const n of nodes) {
      await peer.connect(n.node)
      const answer = await peer.hello(n.node)
      assert.equal(answer.reply?.type, 'hello', JSON.stringify(answer))
      assert.ok(n.node.share.devices.get(peer.id) !== undefined)
    }
    return peer
  }

  /** An offer body for `root` (a 300 KB file unless changed). */
  const offer = (change: Json = {}): Json => ({ type: 'offer', item: newId(), root: content.cid.toString(), name: 'report.pdf', wrapped: false, files: [{ path: 'report.pdf', size: content.size }], fileCount: 1, totalBytes: content.size, ...change })

  /** Hostile peers, each good for OFFERS_PER_MINUTE - 1 offers (the rate limit is not what these tests are about). */
  let offerer: { peer: SharePeer, used: number } | undefined
  const nextOfferer = async (): Promise<SharePeer> => {
    if (offerer === undefined || offerer.used >= OFFERS_PER_MINUTE - 1) offerer = { peer: await knownPeer(), used: 0 }
    offerer.used++
    return offerer.peer
  }

  /** Assert that nothing of `root` reached B and B wants nothing, and the inbox folder is empty. */
  const nothingFetched = async (root: CID = content.cid): Promise<void> => {
    assert.equal(await b.node.repo.blockstore.has(root), false, 'B fetched a block of an offer it never accepted')
    assert.deepEqual(b.node.bitswap.wantlist().map(String), [], 'B wants blocks of an offer it never accepted')
    assert.deepEqual(await readdir(bInbox).catch((): string[] => []), [], 'something was written into the inbox folder')
  }

  let flood: { peer: SharePeer, last: number } | undefined

  before(async () => {
    dir = await tempDir()
    bInbox = join(dir.path, 'b-inbox')
    a = await startTestNode((c) => ({ ...c, Share: { ...c.Share, DeviceName: 'Alice laptop', InboxFolder: join(dir.path, 'a-inbox') } }))
    b = await startTestNode((c) => ({ ...c, Share: { ...c.Share, DeviceName: 'Bob desk', InboxFolder: bInbox } }))
    await pairUp(a.node, b.node, waitFor)
    const bytes = randomBytes(300_000)
    content = { cid: await addBytes(a.node, 'report.pdf', bytes), size: bytes.length, bytes }
  })
  after(async () => {
    for (const peer of peers) await peer.stop().catch(() => {})
    await a?.stop()
    await b?.stop()
    await dir?.cleanup()
  })

  it('refuses malformed messages by name, and a hello that fails is no hello', async () => {
    const h = await startSharePeer()
    peers.push(h)
    await h.connect(b.node)
    const hello = { ...head(), type: 'hello', device: device('Mallory') }
    const cases: Array<[string, Uint8Array, string]> = [
      ['empty', new Uint8Array(0), 'ShareMessageError'],
      ['not JSON', enc('{"v":1,'), 'ShareMessageError'],
      ['not UTF-8', Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]), 'ShareMessageError'],
      ['an array', enc([hello]), 'ShareMessageError'],
      ['a string', enc('"hello"'), 'ShareMessageError'],
      ['null', enc('null'), 'ShareMessageError'],
      ['a number', enc('1'), 'ShareMessageError'],
      ['no version', enc({ ...hello, v: undefined }), 'ShareMessageError'],
      ['a version as a string', enc({ ...hello, v: '1' }), 'ShareMessageError'],
      ['version 2', enc({ ...hello, v: 2 }), 'ShareVersionError'],
      ['version 0', enc({ ...hello, v: 0 }), 'ShareVersionError'],
      ['an unknown type', enc({ ...hello, type: 'gimme' }), 'ShareMessageError'],
      ['no type', enc({ ...hello, type: undefined }), 'ShareMessageError'],
      ['an unknown field', enc({ ...hello, admin: true }), 'ShareMessageError'],
      ['an unknown field in the device', enc({ ...hello, device: { ...device('Mallory'), trusted: true } }), 'ShareMessageError'],
      ['a control character in the device name', enc({ ...hello, device: device('Bob\u0007desk') }), 'ShareMessageError'],
      ['a bad id', enc({ ...hello, id: '../../etc' }), 'ShareMessageError'],
      ['a negative clock', enc({ ...hello, sentAt: -1 }), 'ShareMessageError'],
      ['__proto__', enc(`{"v":1,"type":"hello","id":"${newId()}","sentAt":${Date.now()},"device":{"name":"x","os":"","appVersion":""},"__proto__":{"admin":true}}`), 'ShareMessageError']
    ]
    for (const [what, bytes, name] of cases) {
      const answer = await h.raw(b.node, bytes)
      assert.equal(answer.error, name, `${what}: ${JSON.stringify(answer)}`)
    }
    const v2 = await h.raw(b.node, enc({ ...hello, id: newId(), v: 2 }))
    assert.match(v2.message ?? '', /version 2/, 'the refusal names the version')
    assert.equal(b.node.share.devices.get(h.id), undefined, 'a refused hello made the peer a device')
    assert.equal((await h.hello(b.node)).reply?.type, 'hello', 'a good hello after all that is answered')
  })

  it('cuts off a message over 256 KiB (reset or error) and goes on serving', async () => {
    const h = await startSharePeer()
    peers.push(h)
    await h.connect(b.node)
    const padded = (bytes: number): Uint8Array => {
      const base = { ...head(), type: 'hello', device: device('Mallory') }
      const pad = bytes - enc({ ...base, pad: '' }).byteLength
      return enc({ ...base, pad: 'x'.repeat(pad) })
    }
    const atLimit = await h.raw(b.node, padded(MAX_MESSAGE_BYTES))
    assert.equal(atLimit.error, 'ShareMessageError', `a message of exactly the limit is read (and refused for its unknown field): ${JSON.stringify(atLimit)}`)
    const over = await h.raw(b.node, padded(MAX_MESSAGE_BYTES + 1))
    assert.match(atLimit.message ?? '', /^invalid hello message/, 'the message at the limit was parsed')
    assert.ok(over.ended !== undefined || (over.error !== undefined && !/^invalid /.test(over.message ?? '')), `one byte over the limit is not parsed: ${JSON.stringify(over)}`)
    // A length prefix that promises 1 GiB and sends 10 bytes: refused at once, not waited on.
    const stream = await h.host.dialProtocol(b.node.host.peerId, SHARE_PROTOCOL)
    const started = Date.now()
    const prefix = Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x04])
    stream.send(Uint8Array.from([...prefix, ...enc('0123456789')]))
    const lp = lpStream(stream, { maxDataLength: 1 << 20 })
    const result = await lp.read({ signal: AbortSignal.timeout(15_000) }).then((r) => `reply ${new TextDecoder().decode(r.subarray())}`, (err: Error) => `ended ${err.name}`)
    assert.ok(Date.now() - started < 5_000, `a 1 GiB length prefix was waited on for ${Date.now() - started} ms (${result})`)
    stream.abort(new Error('done'))
    assert.equal((await h.hello(b.node)).reply?.type, 'hello', 'B still answers this peer')
    const honest = await b.node.share.reach(content.cid.toString())
    assert.deepEqual(honest.holders.map((x) => x.peer), [a.node.host.peerId.toString()], 'B still reaches A')
  })

  it('refuses a replayed message and one outside the time window', async () => {
    const h = await knownPeer()
    const hello = { ...head(), type: 'hello', device: device('Mallory') }
    assert.equal((await h.raw(b.node, enc(hello))).reply?.type, 'hello')
    const again = await h.raw(b.node, enc(hello))
    assert.equal(again.error, 'ShareReplayError', JSON.stringify(again))
    for (const skew of [-(MESSAGE_WINDOW_MS + 60_000), MESSAGE_WINDOW_MS + 60_000]) {
      const answer = await h.send(b.node, { type: 'hello', device: device('Mallory'), sentAt: Date.now() + skew })
      assert.equal(answer.error, 'ShareReplayError', `a clock ${skew / 60_000} min off: ${JSON.stringify(answer)}`)
    }
    // The same offer twice: one item. The same item under a new message id: refused too.
    const body: Json = { ...head(), ...offer() }
    assert.equal((await h.raw(b.node, enc(body))).reply?.state, 'waiting')
    assert.equal((await h.raw(b.node, enc(body))).error, 'ShareReplayError')
    assert.equal((await h.send(b.node, { ...body, id: newId(), sentAt: Date.now() })).error, 'ShareReplayError')
    assert.equal(b.node.share.items('in').filter((i) => i.id === body.item).length, 1)
    // An offer reusing the id of an item between A and B does not take it over.
    const file = join(dir.path, 'taken.txt')
    await writeFile(file, 'mine')
    const sent = await a.node.share.send({ to: 'Bob desk', paths: [file] })
    await waitFor(() => itemOf(b, sent.id) !== undefined, 5_000, 'the honest offer')
    assert.equal((await h.send(b.node, offer({ item: sent.id }))).error, 'ShareReplayError')
    assert.equal(itemOf(b, sent.id)?.peer, a.node.host.peerId.toString())
    await b.node.share.decline(sent.id)
    await b.node.share.decline(body.item as string)
  })

  it('rate-limits messages: past MESSAGES_PER_MINUTE from one peer, ShareRateLimitError', async () => {
    const h = await knownPeer()
    const answers: Answer[] = []
    for (let i = 1; i < MESSAGES_PER_MINUTE + 3; i++) answers.push(await h.send(b.node, { type: 'has', root: content.cid.toString() }))
    assert.deepEqual(answers.slice(0, MESSAGES_PER_MINUTE - 1).filter((x) => x.reply?.type !== 'ok'), [], 'the first messages are answered')
    assert.deepEqual(answers.slice(MESSAGES_PER_MINUTE - 1).map((x) => x.error), ['ShareRateLimitError', 'ShareRateLimitError', 'ShareRateLimitError'])
  })

  it('refuses an offer from a peer that never said hello', async () => {
    const h = await startSharePeer()
    peers.push(h)
    await h.connect(b.node)
    await new Promise((resolve) => setTimeout(resolve, 500))
    assert.equal(b.node.share.devices.get(h.id), undefined)
    const body = offer()
    const answer = await h.send(b.node, body)
    assert.equal(answer.error, 'ShareMessageError', JSON.stringify(answer))
    assert.match(answer.message ?? '', /hello/)
    assert.equal(itemOf(b, body.item as string), undefined)
    await nothingFetched()
  })

  it('rate-limits a flood of offers and fetches nothing of them', async () => {
    const h = await knownPeer()
    const before = waiting(b).length
    const blocks = await blockCount(b.node)
    const answers: Answer[] = []
    for (let i = 0; i < OFFERS_PER_MINUTE + 5; i++) answers.push(await h.send(b.node, offer()))
    const last = Date.now()
    assert.deepEqual(answers.slice(0, OFFERS_PER_MINUTE).map((x) => x.reply?.state ?? x.error), Array(OFFERS_PER_MINUTE).fill('waiting'))
    assert.deepEqual(answers.slice(OFFERS_PER_MINUTE).map((x) => x.error), Array(5).fill('ShareRateLimitError'))
    assert.equal(waiting(b).length, before + OFFERS_PER_MINUTE)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    await nothingFetched()
    assert.equal(await blockCount(b.node), blocks, 'unaccepted offers put blocks in the blockstore')
    flood = { peer: h, last }
  })

  it('refuses file names that could escape the inbox folder or are not valid everywhere', async () => {
    const unsafe = ['..', '.', '/etc/passwd', 'a/../../b', '../x', 'C:\\x', 'C:x', '\\\\server\\share', 'a\\b', 'CON', 'con', 'nul.txt', 'COM1', 'lpt9.log', 'AUX.tar.gz', 'a\u0000b', '\u0000', 'name.', 'name ', 'a\nb', 'a:b', 'a*b', 'é'.repeat(128), 'x'.repeat(256)]
    const before = b.node.share.items().length
    for (const bad of unsafe) {
      // As the item's name, and as a file inside it.
      const asName = offer({ name: bad, files: [{ path: 'ok.txt', size: 1 }], fileCount: 1, totalBytes: 1 })
      const n = await (await nextOfferer()).send(b.node, asName)
      const nameOk = n.error === 'UnsafeFileNameError' || (bad.length > 255 && n.error === 'ShareMessageError')
      assert.ok(nameOk, `name ${JSON.stringify(bad)}: ${JSON.stringify(n)}`)
      const asPath = offer({ name: 'folder', files: [{ path: `folder/${bad}`, size: 1 }], fileCount: 1, totalBytes: 1 })
      const p = await (await nextOfferer()).send(b.node, asPath)
      assert.equal(p.error, 'UnsafeFileNameError', `path folder/${JSON.stringify(bad)}: ${JSON.stringify(p)}`)
      if (!bad.includes('/')) {
        const top = await (await nextOfferer()).send(b.node, offer({ name: 'folder', wrapped: true, files: [{ path: bad, size: 1 }], fileCount: 1, totalBytes: 1 }))
        assert.equal(top.error, 'UnsafeFileNameError', `wrapped entry ${JSON.stringify(bad)}: ${JSON.stringify(top)}`)
      }
    }
    for (const absolute of ['/etc/passwd', 'C:/Windows/x', 'c:\\x']) {
      const p = await (await nextOfferer()).send(b.node, offer({ name: 'folder', wrapped: true, files: [{ path: absolute, size: 1 }], fileCount: 1, totalBytes: 1 }))
      assert.equal(p.error, 'UnsafeFileNameError', `path ${absolute}: ${JSON.stringify(p)}`)
    }
    assert.equal(b.node.share.items().length, before, 'an offer with an unsafe name left an item')
    await nothingFetched()
  })

  it('refuses an offer that lists more than it counts', async () => {
    const h = await nextOfferer()
    const fewerBytes = offer({ totalBytes: content.size - 1 })
    assert.equal((await h.send(b.node, fewerBytes)).error, 'ShareMessageError')
    const fewerFiles = offer({ name: 'folder', files: [{ path: 'folder/a', size: 1 }, { path: 'folder/b', size: 1 }], fileCount: 1, totalBytes: 2 })
    assert.equal((await (await nextOfferer()).send(b.node, fewerFiles)).error, 'ShareMessageError')
    const tooBig = offer({ totalBytes: 2 ** 51 })
    assert.equal((await (await nextOfferer()).send(b.node, tooBig)).error, 'ShareMessageError')
    const notCid = offer({ root: 'bafyNOTACID' })
    assert.equal((await (await nextOfferer()).send(b.node, notCid)).error, 'ShareMessageError')
    for (const body of [fewerBytes, fewerFiles, tooBig, notCid]) assert.equal(itemOf(b, body.item as string), undefined)
    await nothingFetched()
  })

  it('an accepted offer whose content is not what it listed fails by name and saves nothing', async () => {
    const bytes = randomBytes(200_000)
    const root = await addBytes(a.node, 'report.pdf', bytes)
    const h = await knownPeer([b])
    const body = offer({ root: root.toString(), files: [{ path: 'report.pdf', size: bytes.length + 10 }], totalBytes: bytes.length + 10 })
    assert.equal((await h.send(b.node, body)).reply?.state, 'waiting')
    await b.node.share.accept(body.item as string)
    await waitFor(() => itemOf(b, body.item as string)?.state === 'failed', 20_000, 'the lying offer to fail', () => JSON.stringify(itemOf(b, body.item as string)))
    assert.equal(itemOf(b, body.item as string)?.error?.name, 'OfferMismatchError')
    assert.equal(itemOf(b, body.item as string)?.verified, false)
    assert.deepEqual((await readdir(bInbox).catch((): string[] => [])).filter((n) => !n.startsWith('.')), [])
    assert.deepEqual(await b.node.mfs.ls('/Inbox').catch(() => []), [])
  })

  it('content whose own names escape (a ".." entry inside the DAG) fails by name and writes nothing outside the inbox folder', async () => {
    const payload = enc('owned\n')
    const leaf = CID.createV1(raw.code, await sha256.digest(payload))
    await a.node.repo.blockstore.put(leaf, payload)
    const marker = `escaped-${newId()}`
    const inner = await putDirectory(a.node, [{ name: marker, cid: leaf, size: payload.length }])
    // folder/.. → the inbox folder itself; folder/../../marker → beside it.
    const up = await putDirectory(a.node, [{ name: '..', cid: inner, size: 100 }])
    const root = await putDirectory(a.node, [{ name: '..', cid: up, size: 200 }])
    for (const wrapped of [false, true]) {
      const h = await nextOfferer()
      const body = offer({ root: root.toString(), name: 'folder', wrapped, files: [{ path: wrapped ? 'x' : 'folder/x', size: payload.length }], fileCount: 1, totalBytes: payload.length })
      assert.equal((await h.send(b.node, body)).reply?.state, 'waiting')
      await b.node.share.accept(body.item as string)
      await waitFor(() => ['failed', 'done'].includes(itemOf(b, body.item as string)?.state ?? ''), 20_000, 'the escaping content to fail', () => JSON.stringify(itemOf(b, body.item as string)))
      assert.equal(itemOf(b, body.item as string)?.state, 'failed')
      assert.ok(['UnsafeFileNameError', 'OfferMismatchError'].includes(itemOf(b, body.item as string)?.error?.name ?? ''), JSON.stringify(itemOf(b, body.item as string)?.error))
    }
    for (const place of [dir.path, join(dir.path, '..'), bInbox]) {
      assert.ok(!(await readdir(place).catch((): string[] => [])).includes(marker), `${marker} was written into ${place}`)
    }
    assert.deepEqual((await readdir(bInbox).catch((): string[] => [])).filter((n) => !n.startsWith('.')), [])
  })

  it('an accepted offer that understates its size does not fetch far past what it claimed', async () => {
    const big = randomBytes(8 * 1024 * 1024)
    const root = await addBytes(a.node, 'small.txt', big)
    const h = await knownPeer([b])
    const claimed = 1_000
    const body = offer({ root: root.toString(), name: 'small.txt', files: [{ path: 'small.txt', size: claimed }], totalBytes: claimed })
    assert.equal((await h.send(b.node, body)).reply?.state, 'waiting')
    const received = b.node.bitswap.stat().dataReceived
    await b.node.share.accept(body.item as string)
    await waitFor(() => ['failed', 'done'].includes(itemOf(b, body.item as string)?.state ?? ''), 30_000, 'the understated offer to end', () => JSON.stringify(itemOf(b, body.item as string)))
    const fetched = b.node.bitswap.stat().dataReceived - received
    assert.equal(itemOf(b, body.item as string)?.state, 'failed')
    assert.deepEqual((await readdir(bInbox).catch((): string[] => [])).filter((n) => !n.startsWith('.')), [])
    assert.ok(fetched <= claimed + 2 * 1024 * 1024, `B fetched ${fetched} bytes for an offer of ${claimed} bytes (the disk a lying offer can fill is not bounded by what it claims)`)
  })

  it('answers, cancels, progress and receipts for another peer\'s item are refused as unknown items', async () => {
    const h = await knownPeer([a, b])
    const file = join(dir.path, 'between-a-and-b.txt')
    await writeFile(file, 'only for bob')
    const sent = await a.node.share.send({ to: 'Bob desk', paths: [file] })
    await waitFor(() => itemOf(b, sent.id)?.state === 'waiting', 5_000, 'the honest offer')
    const hijacks: Array<[PlanetaryNode, Json]> = [
      [a.node, { type: 'answer', item: sent.id, answer: 'accept' }],
      [a.node, { type: 'answer', item: sent.id, answer: 'decline' }],
      [a.node, { type: 'progress', item: sent.id, bytes: 1, blocks: 1, sources: [] }],
      [a.node, { type: 'receipt', item: sent.id, root: sent.root, bytes: sent.totalBytes, receivedAt: Date.now(), signature: Buffer.from(await h.key.sign(enc('x'))).toString('base64') }],
      [a.node, { type: 'cancel', item: sent.id }],
      [b.node, { type: 'cancel', item: sent.id }],
      [b.node, { type: 'answer', item: sent.id, answer: 'accept' }],
      [b.node, { type: 'cancel', item: newId() }],
      [a.node, { type: 'answer', item: newId(), answer: 'accept' }]
    ]
    for (const [node, body] of hijacks) {
      const answer = await h.send(node, body)
      assert.equal(answer.error, 'UnknownItemError', `${String(body.type)} to ${node === a.node ? 'A' : 'B'}: ${JSON.stringify(answer)}`)
    }
    assert.equal(itemOf(a, sent.id)?.state, 'waiting')
    assert.equal(itemOf(a, sent.id)?.verified, false)
    assert.equal(itemOf(b, sent.id)?.state, 'waiting')
    await b.node.share.decline(sent.id)
  })

  it('a forged receipt is refused and the item is not delivered; the receiver\'s own receipt is taken', async () => {
    const h = await knownPeer([b], 'answer', 'Mallory receiver')
    const file = join(dir.path, 'for-mallory.txt')
    await writeFile(file, 'hello mallory')
    const sent = await b.node.share.send({ to: h.id, paths: [file] })
    assert.equal(sent.state, 'waiting', JSON.stringify(sent))
    assert.ok(h.received.some((m) => m.type === 'offer' && m.item === sent.id))
    const facts = { item: sent.id, root: sent.root, bytes: sent.totalBytes, receivedAt: Date.now(), sender: b.node.host.peerId.toString(), receiver: h.id }
    const other = await generateKeyPair('Ed25519')
    const receipt = (signature: Uint8Array, change: Json = {}): Json => ({ type: 'receipt', item: sent.id, root: sent.root, bytes: sent.totalBytes, receivedAt: facts.receivedAt, signature: Buffer.from(signature).toString('base64'), ...change })
    const forged: Array<[string, Json, string]> = [
      ['signed by another key', receipt(await other.sign(receiptBytes(facts))), 'InvalidReceiptError'],
      ['signed for another time', receipt(await h.key.sign(receiptBytes({ ...facts, receivedAt: facts.receivedAt - 1 }))), 'InvalidReceiptError'],
      ['signed with sender and receiver swapped', receipt(await h.key.sign(receiptBytes({ ...facts, sender: facts.receiver, receiver: facts.sender }))), 'InvalidReceiptError'],
      ['no signature', receipt(new Uint8Array(0)), 'InvalidReceiptError'],
      ['garbage signature', receipt(randomBytes(64)), 'InvalidReceiptError'],
      ['for other content', receipt(await h.key.sign(receiptBytes({ ...facts, root: content.cid.toString() })), { root: content.cid.toString() }), 'ShareMessageError'],
      ['for fewer bytes', receipt(await h.key.sign(receiptBytes({ ...facts, bytes: 1 })), { bytes: 1 }), 'ShareMessageError']
    ]
    const wrong: string[] = []
    for (const [what, body, name] of forged) {
      const answer = await h.send(b.node, body)
      if (answer.error !== name) wrong.push(`${what}: refused as ${String(answer.error)} (${String(answer.message)}), not ${name}`)
      assert.equal(itemOf(b, sent.id)?.state, 'waiting', `${what}: the item changed`)
      assert.equal(itemOf(b, sent.id)?.verified, false)
      assert.equal(itemOf(b, sent.id)?.receipt, undefined)
    }
    // The receiver's real receipt: delivered.
    assert.equal((await h.send(b.node, receipt(await h.key.sign(receiptBytes(facts))))).reply?.type, 'ok')
    assert.equal(itemOf(b, sent.id)?.state, 'done')
    assert.equal(itemOf(b, sent.id)?.verified, true)
    assert.deepEqual(wrong, [], 'every forged receipt is refused by name')
  })

  it('a peer calling itself by an honest device\'s name does not receive what is sent to that name', async () => {
    const h = await knownPeer([a], 'none', 'Bob desk')
    assert.equal(a.node.share.devices.get(h.id)?.name, 'Bob desk')
    const file = join(dir.path, 'for-bob.txt')
    await writeFile(file, 'for bob only')
    await assert.rejects(a.node.share.send({ to: 'Bob desk', paths: [file] }), { name: 'AmbiguousDeviceError' })
    await a.node.share.devices.update(h.id, { forget: true })
  })

  it('the inbox holds no more than WAITING_OFFERS waiting offers from everyone', async () => {
    const fillers: SharePeer[] = []
    let room = WAITING_OFFERS - waiting(b).length
    while (room > 0) {
      const h = await knownPeer()
      fillers.push(h)
      for (let i = 0; i < Math.min(OFFERS_PER_MINUTE, room); i++) {
        const answer = await h.send(b.node, offer())
        assert.equal(answer.reply?.state, 'waiting', JSON.stringify(answer))
      }
      room = WAITING_OFFERS - waiting(b).length
    }
    assert.equal(waiting(b).length, WAITING_OFFERS)
    const late = await (await knownPeer()).send(b.node, offer())
    assert.equal(late.error, 'ShareRateLimitError', JSON.stringify(late))
    assert.match(late.message ?? '', new RegExp(`${WAITING_OFFERS} offers`))
    assert.equal(waiting(b).length, WAITING_OFFERS)
    await nothingFetched()
    // Make room again for the tests after this one.
    const ids = new Set(fillers.map((f) => f.id))
    for (const item of waiting(b)) if (ids.has(item.peer)) await b.node.share.decline(item.id)
    for (const f of fillers) await f.stop()
  })

  it('one peer has no more than WAITING_OFFERS_PER_PEER offers waiting (across rate-limit minutes)', { timeout: 240_000 }, async () => {
    assert.ok(flood !== undefined, 'the flood test ran first')
    const { peer } = flood
    let last = flood.last
    const sleepUntil = async (at: number): Promise<void> => { await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now()))) }
    const mine = (): number => waiting(b).filter((i) => i.peer === peer.id).length
    assert.equal(mine(), OFFERS_PER_MINUTE)
    while (mine() < WAITING_OFFERS_PER_PEER) {
      await sleepUntil(last + 61_000)
      for (let i = 0; i < OFFERS_PER_MINUTE && mine() < WAITING_OFFERS_PER_PEER; i++) {
        const answer = await peer.send(b.node, offer())
        assert.equal(answer.reply?.state, 'waiting', JSON.stringify(answer))
      }
      last = Date.now()
    }
    await sleepUntil(last + 61_000)
    const over = await peer.send(b.node, offer())
    assert.equal(over.error, 'ShareRateLimitError', JSON.stringify(over))
    assert.match(over.message ?? '', /already wait/, 'refused for the waiting limit, not the rate')
    assert.equal(mine(), WAITING_OFFERS_PER_PEER)
    await nothingFetched()
  })

  it('after all of it, an honest send between the two nodes still works', async () => {
    const file = join(dir.path, 'honest.bin')
    const bytes = randomBytes(1_500_000)
    await writeFile(file, bytes)
    const blocks = await blockCount(b.node)
    const sent = await a.node.share.send({ to: 'Bob desk', paths: [file] })
    await waitFor(() => itemOf(b, sent.id)?.state === 'waiting', 5_000, 'the offer')
    await b.node.share.accept(sent.id)
    await waitFor(() => itemOf(b, sent.id)?.state === 'done', 20_000, 'the transfer', () => JSON.stringify(itemOf(b, sent.id)))
    await waitFor(() => itemOf(a, sent.id)?.state === 'done', 10_000, 'the receipt', () => JSON.stringify(itemOf(a, sent.id)))
    assert.deepEqual(await readFile(join(bInbox, 'honest.bin')), bytes)
    assert.ok(await blockCount(b.node) > blocks)
  })
})
