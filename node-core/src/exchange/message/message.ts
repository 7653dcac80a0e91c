/**
 * Bitswap messages as the exchange uses them (CIDs, verified blocks), and
 * their translation to and from the wire for each protocol version:
 * 1.0.0 carries bare CIDv0 blocks and want-block only, 1.1.0 adds CID
 * prefixes, 1.2.0 adds want-have, HAVE / DONT_HAVE and pending bytes.
 */
import { subtle } from 'node:crypto'
import { CID } from 'multiformats/cid'
import { BlockTooLargeError } from '../../block/errors.ts'
import { MAX_BLOCK_SIZE } from '../../dag/limits.ts'
import { InvalidBitswapMessageError } from '../errors.ts'
import { SHA2_256, cidOfPayload, encodePrefix, prefixHashCode } from './prefix.ts'
import { DONT_HAVE, HAVE, WANT_BLOCK, WANT_HAVE, decodeWire } from './wire.ts'
import type { Block } from '../../block/block.ts'
import type { WireMessage } from './wire.ts'
import type { Uint8ArrayList } from 'uint8arraylist'

/** The Bitswap protocol IDs, newest first. */
export const BITSWAP_120 = '/ipfs/bitswap/1.2.0'
export const BITSWAP_110 = '/ipfs/bitswap/1.1.0'
export const BITSWAP_100 = '/ipfs/bitswap/1.0.0'
export const BITSWAP_LEGACY = '/ipfs/bitswap'
export const BITSWAP_PROTOCOLS = [BITSWAP_120, BITSWAP_110, BITSWAP_100, BITSWAP_LEGACY]

/** 1.0.0 blocks are CIDv0: dag-pb, sha2-256, 32 bytes. */
const CIDV0_PREFIX = Uint8Array.from([0, 0x70, 0x12, 32])

/** The largest message we send or accept. */
export const MAX_MESSAGE_SIZE = 4 * 1024 * 1024

/** One entry of a wantlist. */
export interface Want {
  cid: CID
  priority: number
  wantType: 'block' | 'have'
  sendDontHave: boolean
  cancel: boolean
}

/** A message: wants (or cancels), blocks, presences. */
export interface BitswapMessage {
  /** The wantlist replaces the previous one (else it is a delta). */
  full: boolean
  wants: Want[]
  /** Blocks whose CIDs were computed from their bytes. */
  blocks: Block[]
  haves: CID[]
  dontHaves: CID[]
  pendingBytes: number
}

/** A message with nothing in it. */
export function emptyMessage (): BitswapMessage {
  return { full: false, wants: [], blocks: [], haves: [], dontHaves: [], pendingBytes: 0 }
}

/** The message for a peer that speaks `protocol`: what that version cannot carry is left out or downgraded. */
export function toWire (msg: BitswapMessage, protocol: string): WireMessage {
  const v12 = protocol === BITSWAP_120
  const v10 = protocol === BITSWAP_100 || protocol === BITSWAP_LEGACY
  const wire: WireMessage = { blocks: [], payload: [], blockPresences: [], pendingBytes: v12 ? msg.pendingBytes : 0 }
  const wants = v12 ? msg.wants : msg.wants.map((w) => ({ ...w, wantType: 'block' as const, sendDontHave: false }))
  if (wants.length > 0 || msg.full) {
    wire.wantlist = {
      full: msg.full,
      entries: wants.map((w) => ({ block: w.cid.bytes, priority: w.priority, cancel: w.cancel, wantType: w.wantType === 'have' ? WANT_HAVE : WANT_BLOCK, sendDontHave: w.sendDontHave }))
    }
  }
  for (const b of msg.blocks) {
    if (v10) wire.blocks.push(b.bytes)
    else wire.payload.push({ prefix: encodePrefix(b.cid), data: b.bytes })
  }
  if (v12) {
    for (const cid of msg.haves) wire.blockPresences.push({ cid: cid.bytes, type: HAVE })
    for (const cid of msg.dontHaves) wire.blockPresences.push({ cid: cid.bytes, type: DONT_HAVE })
  }
  return wire
}

function parseCidBytes (bytes: Uint8Array, what: string): CID {
  try {
    return CID.decode(bytes)
  } catch (err) {
    throw new InvalidBitswapMessageError(`${what}: invalid CID (${(err as Error).message})`)
  }
}

function checkSize (data: Uint8Array): void {
  if (data.byteLength > MAX_BLOCK_SIZE) throw new BlockTooLargeError(`a block of ${data.byteLength} bytes, over the ${MAX_BLOCK_SIZE}-byte limit`)
}

/** Parse and check a received message; InvalidBitswapMessageError (or BlockTooLargeError) if anything is wrong. */
export function fromWire (bytes: Uint8Array | Uint8ArrayList): BitswapMessage {
  return fromParsed(parseWire(bytes))
}

/** A received message's fields, not yet checked; InvalidBitswapMessageError if it does not parse. */
export function parseWire (bytes: Uint8Array | Uint8ArrayList): WireMessage {
  try {
    return decodeWire(bytes)
  } catch (err) {
    throw new InvalidBitswapMessageError(`malformed message: ${(err as Error).message}`)
  }
}

/**
 * The SHA-256 digests of a parsed message's blocks, computed on the thread
 * pool (WebCrypto), for `fromParsed`: hashing 256 KiB takes ~0.25 ms, and
 * the event loop of a fetcher is its bottleneck.
 */
export async function digestBlocks (wire: WireMessage): Promise<Map<Uint8Array, Uint8Array>> {
  const sha256 = [...wire.blocks, ...wire.payload.filter((p) => prefixHashCode(p.prefix) === SHA2_256).map((p) => p.data)]
  const digests = await Promise.all(sha256.map(async (data) => new Uint8Array(await subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>))))
  return new Map(sha256.map((data, i) => [data, digests[i] as Uint8Array]))
}

/** Check a parsed message and compute its blocks' CIDs, taking a block's SHA-256 from `digests` when given. */
export function fromParsed (wire: WireMessage, digests: Map<Uint8Array, Uint8Array> = new Map()): BitswapMessage {
  const msg = emptyMessage()
  msg.full = wire.wantlist?.full ?? false
  msg.pendingBytes = Math.max(0, wire.pendingBytes)
  for (const e of wire.wantlist?.entries ?? []) {
    if (e.wantType !== WANT_BLOCK && e.wantType !== WANT_HAVE) throw new InvalidBitswapMessageError(`want type ${e.wantType}`)
    msg.wants.push({ cid: parseCidBytes(e.block, 'wantlist entry'), priority: e.priority, wantType: e.wantType === WANT_HAVE ? 'have' : 'block', sendDontHave: e.sendDontHave, cancel: e.cancel })
  }
  for (const data of wire.blocks) {
    checkSize(data)
    msg.blocks.push({ cid: cidOfPayload(CIDV0_PREFIX, data, digests.get(data)), bytes: data })
  }
  for (const p of wire.payload) {
    checkSize(p.data)
    msg.blocks.push({ cid: cidOfPayload(p.prefix, p.data, digests.get(p.data)), bytes: p.data })
  }
  for (const p of wire.blockPresences) {
    const cid = parseCidBytes(p.cid, 'block presence')
    if (p.type === HAVE) msg.haves.push(cid)
    else if (p.type === DONT_HAVE) msg.dontHaves.push(cid)
    else throw new InvalidBitswapMessageError(`presence type ${p.type}`)
  }
  return msg
}
