/**
 * The Bitswap wire message (ipfs/specs bitswap-protocol, 1.0.0 to 1.2.0),
 * written and read with protons-runtime's protobuf writer and reader.
 *
 * `Message{wantlist=1{entries=1{block=1, priority=2, cancel=3, wantType=4,
 * sendDontHave=5}, full=2}, blocks=2, payload=3{prefix=1, data=2},
 * blockPresences=4{cid=1, type=2}, pendingBytes=5}`. Decoding is bounded:
 * repeated fields have limits, so a hostile peer cannot make us build
 * millions of objects out of one 4 MiB message.
 */
import { reader, writer } from 'protons-runtime'
import type { Reader, Writer } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'

/** Want the block itself (0) or only to know who has it (1). */
export const WANT_BLOCK = 0
export const WANT_HAVE = 1
/** A presence: the peer has the block (0) or does not (1). */
export const HAVE = 0
export const DONT_HAVE = 1

/** One wantlist entry. */
export interface WireEntry {
  /** CID bytes. */
  block: Uint8Array
  priority: number
  cancel: boolean
  wantType: number
  sendDontHave: boolean
}

/** A block with its CID prefix (1.1.0+). */
export interface WirePayload {
  /** Varints: CID version, codec, multihash code, digest length. */
  prefix: Uint8Array
  data: Uint8Array
}

/** A HAVE or DONT_HAVE answer. */
export interface WirePresence {
  cid: Uint8Array
  type: number
}

/** A whole Bitswap message. */
export interface WireMessage {
  wantlist?: { entries: WireEntry[], full: boolean }
  /** Bare blocks (1.0.0): CIDv0 implied. */
  blocks: Uint8Array[]
  payload: WirePayload[]
  blockPresences: WirePresence[]
  pendingBytes: number
}

/** The most of each repeated field one message may carry. */
export const LIMITS = { entries: 8192, blocks: 2048, payload: 2048, blockPresences: 8192 }

function encodeEntry (w: Writer, e: WireEntry): void {
  w.uint32(10).fork()
  w.uint32(10).bytes(e.block)
  if (e.priority !== 0) w.uint32(16).int32(e.priority)
  if (e.cancel) w.uint32(24).bool(true)
  if (e.wantType !== 0) w.uint32(32).int32(e.wantType)
  if (e.sendDontHave) w.uint32(40).bool(true)
  w.ldelim()
}

/** The message as bytes (without the length prefix). */
export function encodeWire (msg: WireMessage): Uint8Array {
  const w = writer()
  if (msg.wantlist !== undefined) {
    w.uint32(10).fork()
    for (const e of msg.wantlist.entries) encodeEntry(w, e)
    if (msg.wantlist.full) w.uint32(16).bool(true)
    w.ldelim()
  }
  for (const b of msg.blocks) w.uint32(18).bytes(b)
  for (const p of msg.payload) {
    w.uint32(26).fork()
    w.uint32(10).bytes(p.prefix)
    w.uint32(18).bytes(p.data)
    w.ldelim()
  }
  for (const p of msg.blockPresences) {
    w.uint32(34).fork()
    w.uint32(10).bytes(p.cid)
    if (p.type !== 0) w.uint32(16).int32(p.type)
    w.ldelim()
  }
  if (msg.pendingBytes !== 0) w.uint32(40).int32(msg.pendingBytes)
  return w.finish()
}

/** Read the fields of a sub-message of `length` bytes, calling `field` for each. */
function fields (r: Reader, length: number, field: (number: number, wireType: number) => void): void {
  const end = r.pos + length
  if (end > r.len) throw new RangeError('sub-message runs past the end of the message')
  while (r.pos < end) {
    const tag = r.uint32()
    field(tag >>> 3, tag & 7)
  }
  if (r.pos !== end) throw new RangeError('sub-message overruns its length')
}

function expect (wireType: number, wanted: number, what: string): void {
  if (wireType !== wanted) throw new RangeError(`${what} has wire type ${wireType}, expected ${wanted}`)
}

function bounded<T> (list: T[], name: keyof typeof LIMITS): T[] {
  if (list.length === LIMITS[name]) throw new RangeError(`more than ${LIMITS[name]} ${name} in one message`)
  return list
}

function decodeEntry (r: Reader): WireEntry {
  const e: WireEntry = { block: new Uint8Array(0), priority: 0, cancel: false, wantType: 0, sendDontHave: false }
  fields(r, r.uint32(), (n, t) => {
    if (n === 1) { expect(t, 2, 'entry.block'); e.block = r.bytes() } else if (n === 2) { expect(t, 0, 'entry.priority'); e.priority = r.int32() } else if (n === 3) { expect(t, 0, 'entry.cancel'); e.cancel = r.bool() } else if (n === 4) { expect(t, 0, 'entry.wantType'); e.wantType = r.int32() } else if (n === 5) { expect(t, 0, 'entry.sendDontHave'); e.sendDontHave = r.bool() } else r.skipType(t)
  })
  return e
}

/** Parse a message; throws on anything malformed or over the limits. */
export function decodeWire (bytes: Uint8Array | Uint8ArrayList): WireMessage {
  const r = reader(bytes)
  const msg: WireMessage = { blocks: [], payload: [], blockPresences: [], pendingBytes: 0 }
  while (r.pos < r.len) {
    const tag = r.uint32()
    const n = tag >>> 3
    const t = tag & 7
    if (n === 1) {
      expect(t, 2, 'wantlist')
      const wantlist = msg.wantlist ?? { entries: [], full: false }
      fields(r, r.uint32(), (m, u) => {
        if (m === 1) { expect(u, 2, 'wantlist.entries'); bounded(wantlist.entries, 'entries').push(decodeEntry(r)) } else if (m === 2) { expect(u, 0, 'wantlist.full'); wantlist.full = r.bool() } else r.skipType(u)
      })
      msg.wantlist = wantlist
    } else if (n === 2) {
      expect(t, 2, 'blocks')
      bounded(msg.blocks, 'blocks').push(r.bytes())
    } else if (n === 3) {
      expect(t, 2, 'payload')
      const p: WirePayload = { prefix: new Uint8Array(0), data: new Uint8Array(0) }
      fields(r, r.uint32(), (m, u) => {
        if (m === 1) { expect(u, 2, 'payload.prefix'); p.prefix = r.bytes() } else if (m === 2) { expect(u, 2, 'payload.data'); p.data = r.bytes() } else r.skipType(u)
      })
      bounded(msg.payload, 'payload').push(p)
    } else if (n === 4) {
      expect(t, 2, 'blockPresences')
      const p: WirePresence = { cid: new Uint8Array(0), type: 0 }
      fields(r, r.uint32(), (m, u) => {
        if (m === 1) { expect(u, 2, 'presence.cid'); p.cid = r.bytes() } else if (m === 2) { expect(u, 0, 'presence.type'); p.type = r.int32() } else r.skipType(u)
      })
      bounded(msg.blockPresences, 'blockPresences').push(p)
    } else if (n === 5) {
      expect(t, 0, 'pendingBytes')
      msg.pendingBytes = r.int32()
    } else {
      r.skipType(t)
    }
  }
  return msg
}
