/**
 * Encoding of the UnixFS `Data` protobuf, byte for byte as Kubo writes it.
 *
 * Fields go out in field-number order, present fields only: Type=1, Data=2,
 * filesize=3, blocksizes=4 (repeated, unpacked), hashType=5, fanout=6,
 * mode=7, mtime=8 {Seconds=1, FractionalNanoseconds=2 (fixed32)}. Kubo
 * writes a mode whenever one is set (even 0644) and omits zero nanoseconds;
 * ipfs-unixfs's marshal differs on both, which is why this file exists.
 * Empty data is left out, as Kubo's empty file shows.
 */
import { varint } from 'multiformats'

/** UnixFS node types, as numbered on the wire. */
export const UnixFSType = {
  Raw: 0,
  Directory: 1,
  File: 2,
  Metadata: 3,
  Symlink: 4,
  HAMTShard: 5
} as const

/** A modification time: seconds since the epoch and nanoseconds. */
export interface Mtime {
  secs: number
  nsecs?: number
}

/** The fields of a UnixFS Data message this node writes. */
export interface UnixFSData {
  type: number
  data?: Uint8Array
  fileSize?: number
  blockSizes?: number[]
  hashType?: number
  fanout?: number
  mode?: number
  mtime?: Mtime
}

/** Encode a UnixFS Data message. */
export function encodeUnixFSData (fields: UnixFSData): Uint8Array {
  const parts: Uint8Array[] = []
  const uint = (tag: number, value: number): void => { parts.push(varintBytes(tag), varintBytes(value)) }
  uint(8, fields.type)
  if (fields.data !== undefined && fields.data.byteLength > 0) {
    parts.push(varintBytes(18), varintBytes(fields.data.byteLength), fields.data)
  }
  if (fields.fileSize !== undefined) uint(24, fields.fileSize)
  for (const size of fields.blockSizes ?? []) uint(32, size)
  if (fields.hashType !== undefined) uint(40, fields.hashType)
  if (fields.fanout !== undefined) uint(48, fields.fanout)
  if (fields.mode !== undefined) uint(56, fields.mode)
  if (fields.mtime !== undefined) {
    const inner: Uint8Array[] = [varintBytes(8), signedVarintBytes(fields.mtime.secs)]
    const nsecs = fields.mtime.nsecs ?? 0
    if (nsecs !== 0) {
      const fixed = new Uint8Array(5)
      fixed[0] = 21
      new DataView(fixed.buffer).setUint32(1, nsecs, true)
      inner.push(fixed)
    }
    const body = concat(inner)
    parts.push(varintBytes(66), varintBytes(body.byteLength), body)
  }
  return concat(parts)
}

function varintBytes (value: number): Uint8Array {
  return varint.encodeTo(value, new Uint8Array(varint.encodingLength(value)))
}

/** An int64 as protobuf writes it: negative values take ten bytes. */
function signedVarintBytes (value: number): Uint8Array {
  if (value >= 0) return varintBytes(value)
  let v = BigInt.asUintN(64, BigInt(value))
  const out: number[] = []
  while (v > 0x7fn) {
    out.push(Number(v & 0x7fn) | 0x80)
    v >>= 7n
  }
  out.push(Number(v))
  return Uint8Array.from(out)
}

function concat (parts: Uint8Array[]): Uint8Array {
  let length = 0
  for (const p of parts) length += p.byteLength
  const out = new Uint8Array(length)
  let offset = 0
  for (const p of parts) {
    out.set(p, offset)
    offset += p.byteLength
  }
  return out
}
