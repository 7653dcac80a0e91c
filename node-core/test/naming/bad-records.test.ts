// Bad IPNS records, names and keys are refused with named errors and leave
// the node working.
// 1. Through our `Ipns` class with an injected routing (no network): a
//    record signed by another key, a flipped byte in the value (V2-only: the
//    signature fails; V1+V2: protobuf and CBOR disagree), an embedded public
//    key of another peer or of junk, expired records (1 ms lifetime; an
//    expiry in 2020), a value over 10 KiB and bytes that are no record are
//    each an InvalidRecordError; a routing failure is a ResolveFailedError;
//    our own seq-5 record wins over a validly signed seq-3 from the routing;
//    junk names are InvalidNameError (a 16 KiB one within a second; a junk
//    CID in a published path InvalidCidError, a 10 KiB path InvalidPathError
//    before any record is made), junk
//    key names, types and key files InvalidKeyError (KeyNotFoundError for a
//    missing key) — and the same instance still resolves a good record.
// 2. Through real nodes' LAN DHTs (three of ours on loopback): each bad
//    record put raw by A (`contentRouting.put`) is refused by B's validator:
//    B stores nothing (a good record, put the same way, is stored),
//    `contentRouting.get` on B fails and B's `ipns.resolve` gives a named
//    error; B then answers pings and resolves good names.
// 3. Same network: A publishes seq 0..5; C captures A's seq-3 record from
//    the DHT and replays it (`contentRouting.put`) after seq 5. The
//    publisher still resolves seq 5, and so must B: its DHT get and
//    `ipns.resolve` must not go back to seq 3.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { generateKeyPair, publicKeyToProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { Key } from 'interface-datastore'
import { createIPNSRecord, createIPNSRecordWithExpiration, marshalIPNSRecord, unmarshalIPNSRecord } from 'ipns'
import { toString as uint8ArrayToString } from 'uint8arrays/to-string'
import { InvalidKeyError, InvalidNameError, InvalidRecordError, KeyNotFoundError, ResolveFailedError } from '../../src/naming/errors.ts'
import { Ipns } from '../../src/naming/ipns.ts'
import { Keystore } from '../../src/naming/keystore.ts'
import { formatName, routingKey } from '../../src/naming/names.ts'
import { RecordStore } from '../../src/repo/records.ts'
import { tempDir } from '../helpers/cli.ts'
import { linkLan } from '../helpers/helia.ts'
import { startTestNode } from '../helpers/nodes.ts'
import type { RecordRouting } from '../../src/naming/ipns.ts'
import type { TestNode } from '../helpers/nodes.ts'
import type { PrivateKey } from '@libp2p/interface'
import type { Ping } from '@libp2p/ping'

const CID_A = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy'
const CID_B = 'bafkreidon73zkcrwdb5iafqtijxildoonbwnpv7dyd6ef3qdgads2jc4su'
const DAY = 24 * 3600_000
const bounded = (): { signal: AbortSignal } => ({ signal: AbortSignal.timeout(20_000) })

/** `bytes` with one byte flipped in the `nth` occurrence (-1: the last) of `text`. */
function flip (bytes: Uint8Array, text: string, nth = 0): Uint8Array {
  const out = Buffer.from(bytes)
  const at: number[] = []
  for (let i = out.indexOf(text); i >= 0; i = out.indexOf(text, i + 1)) at.push(i)
  const i = at.at(nth) ?? assert.fail(`"${text}" is not in the record`)
  out[i + text.length - 1] = (out[i + text.length - 1] ?? 0) ^ 0x01
  return new Uint8Array(out)
}

/** Records of `key` for `value`, marshalled. */
async function record (key: PrivateKey, value: string, seq = 1n, { lifetime = DAY, v1 = true } = {}): Promise<Uint8Array> {
  return marshalIPNSRecord(await createIPNSRecord(key, value, seq, lifetime, { v1Compatible: v1 }))
}

/** Every kind of bad record for `victim`'s name. */
async function badRecords (victim: PrivateKey, other: PrivateKey): Promise<Array<[string, Uint8Array, RegExp]>> {
  const v1v2 = await createIPNSRecord(victim, `/ipfs/${CID_A}`, 1n, DAY)
  const short = await record(victim, `/ipfs/${CID_A}`, 1n, { lifetime: 1 })
  await new Promise((resolve) => setTimeout(resolve, 20))
  return [
    ['signed by another key', await record(other, `/ipfs/${CID_A}`), /signature/i],
    ['a flipped byte in the value (V2 only)', flip(await record(victim, `/ipfs/${CID_A}`, 1n, { v1: false }), CID_A), /signature/i],
    ['a flipped byte in the V1 value', flip(marshalIPNSRecord(v1v2), CID_A, 0), /match|value/i],
    ['a flipped byte in the V2 data', flip(marshalIPNSRecord(v1v2), CID_A, -1), /match|value/i],
    ['another peer\'s embedded public key', marshalIPNSRecord({ ...v1v2, pubKey: publicKeyToProtobuf(other.publicKey) }), /public key/i],
    ['a junk embedded public key', marshalIPNSRecord({ ...v1v2, pubKey: new Uint8Array([8, 1, 18, 3, 1, 2, 3]) }), /key|invalid|length/i],
    ['expired (1 ms lifetime)', short, /expired/i],
    ['expired (2020)', marshalIPNSRecord(await createIPNSRecordWithExpiration(victim, `/ipfs/${CID_A}`, 1n, '2020-01-01T00:00:00.000000000Z')), /expired/i],
    ['over 10 KiB', await record(victim, `/ipfs/${CID_A}/${'a'.repeat(10 * 1024)}`), /too large/i],
    ['no record at all', new TextEncoder().encode('just some bytes, not a protobuf record'), /./]
  ]
}

test('our Ipns class: bad records, junk names and junk keys are refused with named errors; the instance keeps working', { timeout: 60_000 }, async () => {
  const dir = await tempDir()
  try {
    const [self, victim, other] = await Promise.all([generateKeyPair('Ed25519'), generateKeyPair('Ed25519'), generateKeyPair('Ed25519')])
    const name = formatName(peerIdFromPrivateKey(victim))
    let served: () => Promise<Uint8Array> = async () => await record(victim, `/ipfs/${CID_A}`)
    const routing: RecordRouting = { put: async () => {}, get: async () => await served() }
    const keys = new Keystore(new RecordStore(`${dir.path}/keys`), self)
    const ipns = new Ipns({ keys, routing, published: new RecordStore(`${dir.path}/published`), republishMs: 0, lookupTxt: async () => { throw new Error('no DNS in this test') } })

    for (const [what, bytes, reason] of await badRecords(victim, other)) {
      served = async () => bytes
      await assert.rejects(ipns.resolve(name, { nocache: true }), (err: Error) => err instanceof InvalidRecordError && reason.test(err.message), what)
    }
    served = async () => { throw new Error('no peer has it') }
    await assert.rejects(ipns.resolve(name, { nocache: true }), ResolveFailedError)
    served = async () => await record(victim, `/ipfs/${CID_B}`, 7n)
    assert.equal(await ipns.resolve(name, { nocache: true }), `/ipfs/${CID_B}`, 'a good record still resolves')

    // Our own seq-5 record against a validly signed, older seq-3 record from the routing.
    let published = { sequence: -1n }
    for (let i = 0; i < 6; i++) published = await ipns.publish(`/ipfs/${i === 5 ? CID_B : CID_A}`)
    assert.equal(published.sequence, 5n)
    const selfName = formatName(peerIdFromPrivateKey(self))
    served = async () => await record(self, `/ipfs/${CID_A}`, 3n)
    assert.equal(await ipns.resolve(selfName, { nocache: true }), `/ipfs/${CID_B}`, 'seq 5 beats seq 3')

    const long = `12D3KooW${'z'.repeat(16 * 1024)}`
    for (const junk of ['', 'junk', 'not a name', 'Qm123', '12D3KooWjunk', `bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi`, '/ipns/', '/ipns//x', '../../etc/passwd', '\u0000', long]) {
      const started = Date.now()
      await assert.rejects(ipns.resolve(junk), InvalidNameError, JSON.stringify(junk.slice(0, 40)))
      assert.ok(Date.now() - started < 1000, `refused quickly: ${JSON.stringify(junk.slice(0, 40))}`)
    }
    for (const value of ['not/a/path', '/ipfs/notacid', '/ipns/junk', '', `/ipfs/${CID_A}/${'a'.repeat(10 * 1024)}`]) {
      await assert.rejects(ipns.publish(value), (err: Error) => ['InvalidNameError', 'InvalidCidError', 'InvalidPathError'].includes(err.name), value.slice(0, 80))
    }

    await assert.rejects(ipns.publish(`/ipfs/${CID_A}`, { key: '../escape' }), InvalidKeyError)
    await assert.rejects(ipns.publish(`/ipfs/${CID_A}`, { key: 'missing' }), KeyNotFoundError)
    await assert.rejects(keys.import('junk', new TextEncoder().encode('not a key')), InvalidKeyError)
    await assert.rejects(keys.import('truncated', new Uint8Array([8, 1, 18, 64, 1, 2, 3])), InvalidKeyError)
    await assert.rejects(keys.gen('dsa', 'dsa' as 'rsa'), InvalidKeyError)
    await assert.rejects(keys.gen('small', 'rsa', 1024), InvalidKeyError)
    await assert.rejects(keys.gen('bad/name'), InvalidKeyError)
    assert.deepEqual((await keys.list()).map((k) => k.name), ['self'], 'nothing was stored')
    assert.equal(await ipns.resolve(selfName, { nocache: true }), `/ipfs/${CID_B}`, 'still working')
  } finally {
    await dir.cleanup()
  }
})

/** Where a node's LAN DHT keeps the record for `key`. */
async function lanRecordStored (t: TestNode, key: Uint8Array): Promise<boolean> {
  return await (await t.node.repo.datastore()).has(new Key(`/dht-lan/record/${uint8ArrayToString(key, 'base32')}`, false))
}

/** Three of our nodes, A, B and C, each linked to the others on the LAN DHT; all stopped after `run`. */
async function withNodes (run: (a: TestNode, b: TestNode, c: TestNode) => Promise<void>): Promise<void> {
  const nodes: TestNode[] = []
  try {
    for (let i = 0; i < 3; i++) nodes.push(await startTestNode())
    const [a, b, c] = nodes as [TestNode, TestNode, TestNode]
    await linkLan(a.node.host, b.node.host)
    await linkLan(c.node.host, b.node.host)
    await linkLan(c.node.host, a.node.host)
    await run(a, b, c)
  } finally {
    await Promise.allSettled(nodes.map(async (t) => { await t.stop() }))
  }
}

test('real nodes: bad records put into the LAN DHT are refused by the receiving node, which keeps working', { timeout: 120_000 }, async () => {
  await withNodes(async (a, b) => {
    const other = await generateKeyPair('Ed25519')

    // A good record, put the same raw way, is stored by B: the check below means something.
    const good = await generateKeyPair('Ed25519')
    const goodKey = routingKey(peerIdFromPrivateKey(good))
    await a.node.host.contentRouting.put(goodKey, await record(good, `/ipfs/${CID_A}`), bounded())
    assert.equal(await lanRecordStored(b, goodKey), true, 'B stored the good record')
    assert.equal(await b.node.ipns.resolve(formatName(peerIdFromPrivateKey(good)), bounded()), `/ipfs/${CID_A}`)

    const kinds = (await badRecords(other, other)).length // (only counted here)
    for (let i = 0; i < kinds; i++) {
      const victim = await generateKeyPair('Ed25519') // a fresh name per record
      const [what, bad] = (await badRecords(victim, other))[i] ?? assert.fail()
      const key = routingKey(peerIdFromPrivateKey(victim))
      const started = Date.now()
      await a.node.host.contentRouting.put(key, bad, bounded())
      assert.equal(await lanRecordStored(b, key), false, `B refused to store: ${what}`)
      await assert.rejects(b.node.host.contentRouting.get(key, bounded()), `B's DHT gives nothing for: ${what}`)
      await assert.rejects(b.node.ipns.resolve(formatName(peerIdFromPrivateKey(victim)), bounded()), (err: Error) => err instanceof ResolveFailedError || err instanceof InvalidRecordError, what)
      console.log(`# ${what}: put by A, refused by B, ${Date.now() - started} ms`)
    }
    assert.equal(b.node.host.status, 'started')
    assert.ok(await (b.node.host.services.ping as Ping).ping(a.node.host.peerId, bounded()) >= 0, 'B answers pings')
    assert.equal(await b.node.ipns.resolve(formatName(peerIdFromPrivateKey(good)), { ...bounded(), nocache: true }), `/ipfs/${CID_A}`, 'B still resolves good names')
  })
})

test('real nodes: a validly signed seq-3 record, replayed into the LAN DHT after seq 5, does not replace seq 5', { timeout: 120_000 }, async () => {
  await withNodes(async (a, b, c) => {
    // A publishes seq 0..5 under a named key; C captures seq 3 and replays it after seq 5.
    await a.node.keys.gen('seq')
    const seqKey = await a.node.keys.get('seq')
    const name = formatName(peerIdFromPrivateKey(seqKey))
    const key = routingKey(peerIdFromPrivateKey(seqKey))
    let captured: Uint8Array | undefined
    for (let seq = 0; seq <= 5; seq++) {
      const published = await a.node.ipns.publish(`/ipfs/${seq === 5 ? CID_B : CID_A}`, { ...bounded(), key: 'seq' })
      assert.equal(published.sequence, BigInt(seq))
      if (seq === 3) captured = await c.node.host.contentRouting.get(key, bounded())
    }
    if (captured === undefined) assert.fail('C captured nothing')
    assert.equal(unmarshalIPNSRecord(captured).sequence, 3n)
    assert.equal(unmarshalIPNSRecord(await b.node.host.contentRouting.get(key, bounded())).sequence, 5n, 'B sees seq 5 before the replay')
    await c.node.host.contentRouting.put(key, captured, bounded())
    assert.equal(await a.node.ipns.resolve(name, { ...bounded(), nocache: true }), `/ipfs/${CID_B}`, 'the publisher keeps seq 5 (its own record)')
    assert.equal(unmarshalIPNSRecord(await b.node.host.contentRouting.get(key, bounded())).sequence, 5n, 'B\'s DHT still gives seq 5 after the replay of seq 3')
    assert.equal(await b.node.ipns.resolve(name, { ...bounded(), nocache: true }), `/ipfs/${CID_B}`, 'B resolves the seq-5 value after the replay')
  })
})
