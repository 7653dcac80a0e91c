/**
 * A HAMT-sharded UnixFS directory, as Kubo (go-unixfs hamt) builds it.
 *
 * Each name is hashed with murmur3-x64-64; each level consumes log2(fanout)
 * bits of the hash, most significant first. A slot holding one entry links
 * it as `<HEX slot><name>`; a slot holding several links a child shard as
 * `<HEX slot>`. The shard's data is the bitfield of used slots (big-endian,
 * leading zero bytes dropped), the hash type and the fanout.
 */
import * as dagPb from '@ipld/dag-pb'
import { murmur364 } from '@multiformats/murmur3'
import { UnixFSType, encodeUnixFSData } from '../format/unixfs-data.ts'
import type { BlockWriter } from './block-writer.ts'
import type { FilePart } from './file-node.ts'

/** The multihash code of murmur3-x64-64, as shards record it. */
export const HAMT_HASH_CODE = 0x22

interface Named {
  name: string
  bytes: Uint8Array
  part: FilePart
}

interface Hashed extends Named {
  hash: Uint8Array
}

/** Store `entries` as a HAMT shard with `fanout` slots per level. */
export async function writeHamt (writer: BlockWriter, entries: Named[], fanout: number): Promise<FilePart> {
  const bits = Math.log2(fanout)
  if (!Number.isInteger(bits) || bits < 1 || bits > 16) throw new RangeError(`HAMT fanout must be a power of two, got ${fanout}`)
  const hashed = entries.map((e) => ({ ...e, hash: hashName(e.bytes) }))
  return await writeShard(writer, hashed, fanout, bits, 0)
}

async function writeShard (writer: BlockWriter, entries: Hashed[], fanout: number, bits: number, depth: number): Promise<FilePart> {
  const slots = new Map<number, Hashed[]>()
  for (const e of entries) {
    const slot = slotOf(e.hash, depth, bits)
    const list = slots.get(slot)
    if (list === undefined) slots.set(slot, [e])
    else list.push(e)
  }
  const width = (fanout - 1).toString(16).length
  const bitfield = new Uint8Array(fanout / 8)
  const links: dagPb.PBLink[] = []
  let dagSize = 0
  for (const slot of [...slots.keys()].sort((a, b) => a - b)) {
    const list = slots.get(slot) ?? []
    const byteIndex = bitfield.length - 1 - (slot >> 3)
    bitfield[byteIndex] = (bitfield[byteIndex] ?? 0) | (1 << (slot & 7))
    const prefix = slot.toString(16).toUpperCase().padStart(width, '0')
    const only = list.length === 1 ? list[0] : undefined
    const child = only?.part ?? await writeShard(writer, list, fanout, bits, depth + 1)
    links.push({ Hash: child.cid, Name: only === undefined ? prefix : prefix + only.name, Tsize: child.dagSize })
    dagSize += child.dagSize
  }
  const first = bitfield.findIndex((b) => b !== 0)
  const bytes = dagPb.encode({
    Data: encodeUnixFSData({
      type: UnixFSType.HAMTShard,
      ...(first === -1 ? {} : { data: bitfield.subarray(first) }),
      hashType: HAMT_HASH_CODE,
      fanout
    }),
    Links: links
  })
  const { cid } = await writer.dagPb(bytes)
  return { cid, fileSize: 0, dagSize: dagSize + bytes.byteLength }
}

/** The 8-byte murmur3-x64-64 hash of a name. */
function hashName (bytes: Uint8Array): Uint8Array {
  const digest = murmur364.digest(bytes)
  if (digest instanceof Promise) throw new TypeError('murmur3 hasher must be synchronous')
  return digest.digest
}

/** The slot of a hash at `depth`: `bits` bits, most significant first. */
function slotOf (hash: Uint8Array, depth: number, bits: number): number {
  let slot = 0
  const start = depth * bits
  for (let i = start; i < start + bits; i++) {
    const byte = hash[i >> 3]
    if (byte === undefined) throw new RangeError('HAMT too deep: hash bits exhausted')
    slot = (slot << 1) | ((byte >> (7 - (i & 7))) & 1)
  }
  return slot
}
