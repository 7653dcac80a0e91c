// Bitswap messages on the wire (wire.ts, message.ts, prefix.ts): what each
// protocol version carries, cross-checked both ways against Helia's own
// protobuf codec; and every kind of bad input (truncation, wrong wire types,
// sub-message overruns, too many entries/blocks/presences, bad CIDs, unknown
// want/presence types, bad prefixes, blocks over 2 MiB, random mutations)
// giving InvalidBitswapMessageError or BlockTooLargeError, never a crash.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { varint } from 'multiformats'
import { CID } from 'multiformats/cid'
import { identity } from 'multiformats/hashes/identity'
import { sha256, sha512 } from 'multiformats/hashes/sha2'
import { reader, writer } from 'protons-runtime'
import { BitswapMessage as HeliaMessage, BlockPresenceType, WantType } from '../../../node_modules/@helia/bitswap/dist/src/pb/message.js'
import { cidToPrefix } from '../../../node_modules/@helia/bitswap/dist/src/utils/cid-prefix.js'
import { BlockTooLargeError } from '../../src/block/errors.ts'
import { MAX_BLOCK_SIZE } from '../../src/dag/limits.ts'
import { InvalidBitswapMessageError } from '../../src/exchange/errors.ts'
import { BITSWAP_100, BITSWAP_110, BITSWAP_120, emptyMessage, fromWire, toWire } from '../../src/exchange/message/message.ts'
import { cidOfPayload, encodePrefix } from '../../src/exchange/message/prefix.ts'
import { LIMITS, encodeWire } from '../../src/exchange/message/wire.ts'
import type { Block } from '../../src/block/block.ts'
import type { BitswapMessage } from '../../src/exchange/message/message.ts'
import type { MultihashDigest } from 'multiformats/hashes/interface'

const RAW = 0x55
const DAG_PB = 0x70
const text = (s: string): Uint8Array => new TextEncoder().encode(s)
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const sha = (b: Uint8Array): MultihashDigest => sha256.digest(b) as MultihashDigest
const cidOf = (s: string, v: 0 | 1 = 1): CID => v === 0 ? CID.createV0(sha(text(s)) as never) : CID.createV1(RAW, sha(text(s)))
const block = (s: string, v: 0 | 1): Block => ({ cid: cidOf(s, v), bytes: text(s) })
const cat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]))
/** One length-delimited field. */
const ld = (field: number, inner: Uint8Array): Uint8Array => writer().uint32(field << 3 | 2).bytes(inner).finish()
/** One varint field. */
const vi = (field: number, value: number): Uint8Array => writer().uint32(field << 3).int32(value).finish()
const entry = (cid: Uint8Array, ...rest: Uint8Array[]): Uint8Array => ld(1, ld(1, cat(ld(1, cid), ...rest)))

function sample (): BitswapMessage {
  return {
    full: true,
    wants: [
      { cid: cidOf('want block', 0), priority: 5, wantType: 'block', sendDontHave: true, cancel: false },
      { cid: cidOf('want have'), priority: 1, wantType: 'have', sendDontHave: true, cancel: false },
      { cid: cidOf('cancel'), priority: 0, wantType: 'block', sendDontHave: false, cancel: true }
    ],
    blocks: [block('a dag-pb block', 0), block('a raw block', 1)],
    haves: [cidOf('have')],
    dontHaves: [cidOf('dont have')],
    pendingBytes: 1234
  }
}

function plain (m: BitswapMessage): unknown {
  return { ...m, wants: m.wants.map((w) => ({ ...w, cid: w.cid.toString() })), blocks: m.blocks.map((b) => [b.cid.toString(), hex(b.bytes)]), haves: m.haves.map(String), dontHaves: m.dontHaves.map(String) }
}

const roundTrip = (m: BitswapMessage, protocol: string): BitswapMessage => fromWire(encodeWire(toWire(m, protocol)))

function rejects (bytes: Uint8Array, what: string, match?: RegExp, kind: new (message?: string) => Error = InvalidBitswapMessageError): void {
  assert.throws(() => fromWire(bytes), (err: Error) => {
    assert.ok(err instanceof kind, `${what}: got ${err.name}: ${err.message}`)
    if (match !== undefined) assert.match(err.message, match, what)
    return true
  }, what)
}

test('1.2.0 carries everything; 1.1.0 drops presences and want-have; 1.0.0 sends bare CIDv0 blocks', () => {
  const m = sample()
  assert.deepEqual(plain(roundTrip(m, BITSWAP_120)), plain(m))
  const downgraded = { ...m, wants: m.wants.map((w) => ({ ...w, wantType: 'block' as const, sendDontHave: false })), haves: [], dontHaves: [], pendingBytes: 0 }
  assert.deepEqual(plain(roundTrip(m, BITSWAP_110)), plain(downgraded))
  const w11 = toWire(m, BITSWAP_110)
  assert.deepEqual([w11.blocks.length, w11.payload.length, w11.blockPresences.length], [0, 2, 0])
  const w10 = toWire(m, BITSWAP_100)
  assert.deepEqual([w10.blocks.length, w10.payload.length, w10.blockPresences.length, w10.pendingBytes], [2, 0, 0, 0])
  // 1.0.0 names every block CIDv0: a CIDv1 sha2-256 block comes back under the same multihash.
  const v10 = roundTrip(m, BITSWAP_100)
  assert.deepEqual(plain({ ...v10, blocks: [] }), plain({ ...downgraded, blocks: [] }))
  assert.deepEqual(v10.blocks.map((b) => [b.cid.version, hex(b.cid.multihash.bytes), hex(b.bytes)]), m.blocks.map((b) => [0, hex(b.cid.multihash.bytes), hex(b.bytes)]))
  assert.equal(encodeWire(toWire(emptyMessage(), BITSWAP_120)).byteLength, 0)
  assert.deepEqual(plain(fromWire(new Uint8Array(0))), plain(emptyMessage()))
})

test("Helia's codec decodes our bytes to the same fields, for each version", () => {
  const m = sample()
  for (const protocol of [BITSWAP_120, BITSWAP_110, BITSWAP_100]) {
    const v12 = protocol === BITSWAP_120
    const h = HeliaMessage.decode(encodeWire(toWire(m, protocol)))
    assert.equal(h.wantlist?.full, true, protocol)
    assert.deepEqual(h.wantlist?.entries.map((e) => [CID.decode(e.cid).toString(), e.priority, e.cancel ?? false, e.wantType ?? WantType.WantBlock, e.sendDontHave ?? false]),
      m.wants.map((w) => [w.cid.toString(), w.priority, w.cancel, v12 && w.wantType === 'have' ? WantType.WantHave : WantType.WantBlock, v12 && w.sendDontHave]), protocol)
    // Helia has no field 2 (bare 1.0.0 blocks): it skips them.
    assert.deepEqual(h.blocks.map((b) => [hex(b.prefix), hex(b.data)]), protocol === BITSWAP_100 ? [] : m.blocks.map((b) => [hex(cidToPrefix(b.cid)), hex(b.bytes)]), protocol)
    assert.deepEqual(h.blockPresences.map((p) => [CID.decode(p.cid).toString(), p.type]),
      v12 ? [[m.haves[0]?.toString(), BlockPresenceType.HaveBlock], [m.dontHaves[0]?.toString(), BlockPresenceType.DoNotHaveBlock]] : [], protocol)
    assert.equal(h.pendingBytes, v12 ? 1234 : 0, protocol)
  }
})

test("we decode Helia's bytes to the same fields", () => {
  const [a, b, c, d] = [cidOf('a'), cidOf('b', 0), cidOf('c'), cidOf('d')]
  const blocks = [block('helia raw', 1), block('helia pb', 0)]
  const bytes = HeliaMessage.encode({
    wantlist: { full: false, entries: [{ cid: a.bytes, priority: 3, cancel: false, wantType: WantType.WantHave, sendDontHave: true }, { cid: b.bytes, priority: 0, cancel: true, wantType: WantType.WantBlock, sendDontHave: false }] },
    blocks: blocks.map((x) => ({ prefix: cidToPrefix(x.cid), data: x.bytes })),
    blockPresences: [{ cid: c.bytes, type: BlockPresenceType.HaveBlock }, { cid: d.bytes, type: BlockPresenceType.DoNotHaveBlock }],
    pendingBytes: 99
  })
  assert.deepEqual(plain(fromWire(bytes)), plain({
    full: false,
    wants: [{ cid: a, priority: 3, wantType: 'have', sendDontHave: true, cancel: false }, { cid: b, priority: 0, wantType: 'block', sendDontHave: false, cancel: true }],
    blocks,
    haves: [c],
    dontHaves: [d],
    pendingBytes: 99
  }))
  for (const x of blocks) assert.equal(hex(encodePrefix(x.cid)), hex(cidToPrefix(x.cid)))
})

test('every truncation is either a whole message (cut between top-level fields) or InvalidBitswapMessageError', () => {
  const bytes = encodeWire(toWire(sample(), BITSWAP_120))
  const boundaries = new Set<number>()
  const r = reader(bytes)
  while (r.pos < r.len) {
    r.skipType(r.uint32() & 7)
    boundaries.add(r.pos)
  }
  assert.ok(boundaries.size >= 6)
  for (let cut = 1; cut < bytes.byteLength; cut++) {
    if (boundaries.has(cut)) fromWire(bytes.subarray(0, cut))
    else rejects(bytes.subarray(0, cut), `cut at ${cut}`)
  }
})

test('wrong wire types, invalid wire types, deep groups and sub-message overruns are rejected', () => {
  const cid = cidOf('x').bytes
  const cases: Array<[string, Uint8Array, RegExp?]> = [
    ['wantlist as varint', vi(1, 1), /wantlist has wire type 0/],
    ['blocks as varint', vi(2, 1), /blocks has wire type 0/],
    ['payload as fixed32', cat(Uint8Array.of(3 << 3 | 5), new Uint8Array(4)), /payload has wire type 5/],
    ['presence as varint', vi(4, 0), /blockPresences has wire type 0/],
    ['pendingBytes as bytes', ld(5, text('x')), /pendingBytes has wire type 2/],
    ['entries as varint', ld(1, vi(1, 7)), /wantlist.entries has wire type 0/],
    ['full as bytes', ld(1, ld(2, text('x'))), /wantlist.full has wire type 2/],
    ['entry.block as varint', ld(1, ld(1, vi(1, 5))), /entry.block has wire type 0/],
    ['entry.priority as bytes', entry(cid, ld(2, text('x'))), /entry.priority has wire type 2/],
    ['payload.prefix as varint', ld(3, vi(1, 1)), /payload.prefix has wire type 0/],
    ['presence.type as bytes', ld(4, cat(ld(1, cid), ld(2, text('x')))), /presence.type has wire type 2/],
    ['wire type 6', Uint8Array.of(9 << 3 | 6, 0), /invalid wire type 6/],
    ['wire type 7', Uint8Array.of(9 << 3 | 7, 0), /invalid wire type 7/],
    ['end group without start', Uint8Array.of(9 << 3 | 4), /invalid wire type 4/],
    ['a million nested groups', new Uint8Array(1 << 20).fill(9 << 3 | 3)],
    ['tag varint too long', new Uint8Array(11).fill(0xff)],
    ['wantlist longer than the message', cat(Uint8Array.of(10, 100), new Uint8Array(3)), /runs past the end/],
    // The entry claims 20 bytes; its wantlist holds only its two-byte header.
    ['entry overruns its wantlist', cat(Uint8Array.of(10, 2, 10, 20), ...new Array<Uint8Array>(10).fill(vi(2, 1))), /overruns its length/],
    ['payload.data overruns its payload', cat(Uint8Array.of(26, 3, 18, 20, 0), new Uint8Array(40)), /overruns its length/],
    ['bytes longer than the message', cat(Uint8Array.of(18, 0xff, 0x7f), new Uint8Array(10))]
  ]
  for (const [what, bytes, match] of cases) rejects(bytes, what, match)
  // Unknown fields of valid wire types are skipped.
  assert.deepEqual(plain(fromWire(cat(vi(9, 1), Uint8Array.of(10 << 3 | 1), new Uint8Array(8), Uint8Array.of(11 << 3 | 5), new Uint8Array(4), ld(12, text('x'))))), plain(emptyMessage()))
})

test('more entries, blocks, payloads or presences than the limits are rejected; exactly the limit is not', () => {
  const cid = cidOf('x').bytes
  const repeat = (n: number, part: Uint8Array): Uint8Array => cat(...new Array<Uint8Array>(n).fill(part))
  const oneEntry = ld(1, cat(ld(1, cid), vi(4, 1)))
  const payload = ld(3, cat(ld(1, encodePrefix(cidOf('y'))), ld(2, text('y'))))
  const presence = ld(4, ld(1, cid))
  assert.equal(fromWire(ld(1, repeat(LIMITS.entries, oneEntry))).wants.length, 8192)
  rejects(ld(1, repeat(LIMITS.entries + 1, oneEntry)), 'entries', /more than 8192 entries/)
  rejects(cat(ld(1, repeat(5000, oneEntry)), ld(1, repeat(5000, oneEntry))), 'entries over two wantlist fields', /more than 8192 entries/)
  assert.equal(fromWire(repeat(LIMITS.blocks, ld(2, text('b')))).blocks.length, 2048)
  rejects(repeat(LIMITS.blocks + 1, ld(2, text('b'))), 'blocks', /more than 2048 blocks/)
  assert.equal(fromWire(repeat(LIMITS.payload, payload)).blocks.length, 2048)
  rejects(repeat(LIMITS.payload + 1, payload), 'payload', /more than 2048 payload/)
  assert.equal(fromWire(repeat(LIMITS.blockPresences, presence)).haves.length, 8192)
  rejects(repeat(LIMITS.blockPresences + 1, presence), 'presences', /more than 8192 blockPresences/)
})

test('bad CIDs and unknown want or presence types are rejected', () => {
  const cid = cidOf('x').bytes
  for (const [what, bad] of [['garbage', Uint8Array.of(1, 2, 3)], ['empty', new Uint8Array(0)], ['trailing byte', cat(cid, Uint8Array.of(0))], ['cut short', cid.subarray(0, 20)]] as const) {
    rejects(entry(bad), `entry: ${what}`, /invalid CID/)
    rejects(ld(4, ld(1, bad)), `presence: ${what}`, /invalid CID/)
  }
  rejects(ld(1, ld(1, vi(2, 1))), 'entry without a CID', /invalid CID/)
  for (const t of [2, 7, -1]) {
    rejects(entry(cid, vi(4, t)), `want type ${t}`, new RegExp(`want type ${t}`))
    rejects(ld(4, cat(ld(1, cid), vi(2, t))), `presence type ${t}`, new RegExp(`presence type ${t}`))
  }
})

test('bad prefixes are rejected; good ones give the CID of the bytes', () => {
  const data = text('some block bytes')
  const prefix = (...parts: number[]): Uint8Array => cat(...parts.map((p) => varint.encodeTo(p, new Uint8Array(varint.encodingLength(p)))))
  const bad: Array<[string, Uint8Array, RegExp]> = [
    ['unknown hash', prefix(1, RAW, 0x1234, 32), /unknown multihash 0x1234/],
    ['empty', new Uint8Array(0), /four varints/],
    ['three varints', prefix(1, RAW, 0x12), /four varints/],
    ['five varints', prefix(1, RAW, 0x12, 32, 0), /four varints/],
    ['truncated varint', Uint8Array.of(1, RAW, 0x12, 0x80), /malformed CID prefix|four varints/],
    ['sha2-256 of 33 bytes', prefix(1, RAW, 0x12, 33), /digest length 33/],
    ['sha2-256 of 0 bytes', prefix(1, RAW, 0x12, 0), /digest length 0/],
    ['sha2-512 of 65 bytes', prefix(1, RAW, 0x13, 65), /digest length 65/],
    ['CIDv0 raw', prefix(0, RAW, 0x12, 32), /CIDv0/],
    ['CIDv0 sha2-512', prefix(0, DAG_PB, 0x13, 64), /CIDv0/],
    ['CIDv0 truncated digest', prefix(0, DAG_PB, 0x12, 20), /CIDv0/],
    ['CID version 2', prefix(2, RAW, 0x12, 32), /CID version 2/]
  ]
  for (const [what, p, match] of bad) {
    assert.throws(() => cidOfPayload(p, data), (err: Error) => err instanceof InvalidBitswapMessageError && match.test(err.message), what)
    rejects(ld(3, cat(ld(1, p), ld(2, data))), `payload with ${what}`, match)
  }
  assert.equal(cidOfPayload(prefix(1, RAW, 0x12, 32), data).toString(), CID.createV1(RAW, sha(data)).toString())
  assert.equal(cidOfPayload(prefix(0, DAG_PB, 0x12, 32), data).toString(), CID.createV0(sha(data) as never).toString())
  assert.equal(cidOfPayload(prefix(1, 0x71, 0x13, 64), data).toString(), CID.createV1(0x71, sha512.digest(data) as MultihashDigest).toString())
  assert.equal(cidOfPayload(prefix(1, RAW, 0x00, data.byteLength), data).toString(), CID.createV1(RAW, identity.digest(data)).toString())
})

test('an identity prefix must name all of the bytes, not a shorter part of them', () => {
  const data = text('some block bytes')
  for (const length of [3, 0]) {
    const p = cat(Uint8Array.of(1, RAW, 0x00), varint.encodeTo(length, new Uint8Array(1)))
    assert.throws(() => cidOfPayload(p, data), InvalidBitswapMessageError, `identity of ${length} bytes for ${data.byteLength} bytes of data`)
    rejects(ld(3, cat(ld(1, p), ld(2, data))), `payload: identity of ${length} bytes`)
  }
})

test('blocks over 2 MiB give BlockTooLargeError, as payloads and as bare 1.0.0 blocks; 2 MiB is accepted', () => {
  const max = new Uint8Array(MAX_BLOCK_SIZE).fill(1)
  const over = new Uint8Array(MAX_BLOCK_SIZE + 1).fill(1)
  const cid = CID.createV1(RAW, sha(max))
  rejects(ld(3, cat(ld(1, encodePrefix(cid)), ld(2, over))), 'payload over 2 MiB', /over the 2097152-byte limit/, BlockTooLargeError)
  rejects(ld(2, over), 'bare block over 2 MiB', /over the 2097152-byte limit/, BlockTooLargeError)
  assert.equal(fromWire(ld(3, cat(ld(1, encodePrefix(cid)), ld(2, max)))).blocks[0]?.cid.toString(), cid.toString())
  assert.equal(fromWire(ld(2, max)).blocks[0]?.cid.toString(), CID.createV0(sha(max) as never).toString())
})

test('random mutations and random bytes never escape as anything but the named errors', () => {
  let seed = 0x9e3779b9
  const rand = (n: number): number => { seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; return (seed >>> 0) % n }
  const valid = encodeWire(toWire(sample(), BITSWAP_120))
  let parsed = 0
  for (let i = 0; i < 5000; i++) {
    const bytes = i % 5 === 0 ? Uint8Array.from({ length: 1 + rand(200) }, () => rand(256)) : Uint8Array.from(valid)
    if (i % 5 !== 0) for (let k = 1 + rand(4); k > 0; k--) bytes[rand(bytes.byteLength)] = rand(256)
    try {
      fromWire(bytes)
      parsed++
    } catch (err) {
      assert.ok(err instanceof InvalidBitswapMessageError || err instanceof BlockTooLargeError, `case ${i}: ${(err as Error).name}: ${(err as Error).message}`)
    }
  }
  assert.ok(parsed < 5000)
})
