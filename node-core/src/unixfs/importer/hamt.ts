/**
 * A HAMT-sharded UnixFS directory, as Kubo (go-unixfs hamt) builds it.
 *
 * Names are hashed as `hamt/hash.ts` says. A slot holding one entry links
 * it as `<HEX slot><name>`; a slot holding several links a child shard as
 * `<HEX slot>`. The shard's data is the bitfield of used slots (big-endian,
 * leading zero bytes dropped), the hash type and the fanout.
 */
import * as dagPb from '@ipld/dag-pb'
import { UnixFSType, encodeUnixFSData } from '../format/unixfs-data.ts'
import { HAMT_HASH_CODE, hamtBits, hamtHash, hamtPrefix, hamtSlot } from '../hamt/hash.ts'
import type { BlockWriter } from './block-writer.ts'
import type { FilePart } from './file-node.ts'

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
  const bits = hamtBits(fanout)
  const hashed = entries.map((e) => ({ ...e, hash: hamtHash(e.bytes) }))
  return await writeShard(writer, hashed, fanout, bits, 0)
}

async function writeShard (writer: BlockWriter, entries: Hashed[], fanout: number, bits: number, depth: number): Promise<FilePart> {
  const slots = new Map<number, Hashed[]>()
  for (const e of entries) {
    const slot = hamtSlot(e.hash, depth, bits)
    const list = slots.get(slot)
    if (list === undefined) slots.set(slot, [e])
    else list.push(e)
  }
  const bitfield = new Uint8Array(fanout / 8)
  const links: dagPb.PBLink[] = []
  let dagSize = 0
  for (const slot of [...slots.keys()].sort((a, b) => a - b)) {
    const list = slots.get(slot) ?? []
    const byteIndex = bitfield.length - 1 - (slot >> 3)
    bitfield[byteIndex] = (bitfield[byteIndex] ?? 0) | (1 << (slot & 7))
    const prefix = hamtPrefix(slot, fanout)
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
