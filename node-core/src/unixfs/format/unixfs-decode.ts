/**
 * Decoding the UnixFS `Data` protobuf of a dag-pb node, strictly.
 *
 * Read field by field (rather than through ipfs-unixfs, which computes the
 * file size and fills in a default mode) so that readers see what the block
 * really stores: whether `filesize` and `mode` are present, and the values.
 * Anything malformed — a wrong wire type, a missing Type, an unknown type, a
 * number past 2^53, nanoseconds out of range — is an InvalidUnixFSError.
 */
import { InvalidUnixFSError } from './errors.ts'
import type { Mtime } from './unixfs-data.ts'
import type { PBNode } from '@ipld/dag-pb'

/** UnixFS node types by wire number, named as ipfs-unixfs names them. */
export const UNIXFS_TYPES = ['raw', 'directory', 'file', 'metadata', 'symlink', 'hamt-sharded-directory'] as const

/** A UnixFS node type. */
export type UnixFSKind = typeof UNIXFS_TYPES[number]

/** The fields of a UnixFS Data message, as stored (absent fields undefined). */
export interface UnixFSNode {
  type: UnixFSKind
  data?: Uint8Array
  fileSize?: number
  blockSizes: number[]
  hashType?: number
  fanout?: number
  mode?: number
  mtime?: Mtime
}

/** The UnixFS data of a dag-pb node; InvalidUnixFSError if it has none or it is malformed. */
export function decodeUnixFS (node: PBNode, where: string): UnixFSNode {
  if (node.Data === undefined) throw new InvalidUnixFSError(`${where}: dag-pb node has no UnixFS data`)
  return decodeUnixFSData(node.Data, where)
}

/** Decode a UnixFS Data message. */
export function decodeUnixFSData (bytes: Uint8Array, where: string): UnixFSNode {
  const reader = new ProtoReader(bytes, where)
  let type: UnixFSKind | undefined
  const out: Omit<UnixFSNode, 'type'> = { blockSizes: [] }
  while (!reader.done()) {
    const { field, wire } = reader.tag()
    if (field === 1 && wire === 0) {
      const n = reader.uint()
      type = UNIXFS_TYPES[n]
      if (type === undefined) throw new InvalidUnixFSError(`${where}: unknown UnixFS type ${n}`)
    } else if (field === 2 && wire === 2) out.data = reader.bytes()
    else if (field === 3 && wire === 0) out.fileSize = reader.uint()
    else if (field === 4 && wire === 0) out.blockSizes.push(reader.uint())
    else if (field === 4 && wire === 2) {
      const packed = new ProtoReader(reader.bytes(), where)
      while (!packed.done()) out.blockSizes.push(packed.uint())
    } else if (field === 5 && wire === 0) out.hashType = reader.uint()
    else if (field === 6 && wire === 0) out.fanout = reader.uint()
    else if (field === 7 && wire === 0) out.mode = reader.uint() & 0xfff
    else if (field === 8 && wire === 2) out.mtime = decodeMtime(reader.bytes(), where)
    else if (field >= 1 && field <= 8) throw new InvalidUnixFSError(`${where}: UnixFS field ${field} has wire type ${wire}`)
    else reader.skip(wire)
  }
  if (type === undefined) throw new InvalidUnixFSError(`${where}: UnixFS data has no Type`)
  return { type, ...out }
}

function decodeMtime (bytes: Uint8Array, where: string): Mtime {
  const reader = new ProtoReader(bytes, where)
  let secs = 0
  let nsecs: number | undefined
  while (!reader.done()) {
    const { field, wire } = reader.tag()
    if (field === 1 && wire === 0) secs = reader.int64()
    else if (field === 2 && wire === 5) nsecs = reader.fixed32()
    else if (field === 1 || field === 2) throw new InvalidUnixFSError(`${where}: UnixFS mtime field ${field} has wire type ${wire}`)
    else reader.skip(wire)
  }
  if (nsecs !== undefined && nsecs > 999_999_999) throw new InvalidUnixFSError(`${where}: UnixFS mtime nanoseconds ${nsecs} out of range`)
  return nsecs === undefined || nsecs === 0 ? { secs } : { secs, nsecs }
}

/** Just enough of the protobuf wire format for UnixFS. */
class ProtoReader {
  readonly #bytes: Uint8Array
  readonly #where: string
  #at = 0

  constructor (bytes: Uint8Array, where: string) {
    this.#bytes = bytes
    this.#where = where
  }

  done (): boolean {
    return this.#at >= this.#bytes.byteLength
  }

  tag (): { field: number, wire: number } {
    const tag = this.uint()
    if (tag < 8) throw this.#fail('field number 0')
    return { field: Math.floor(tag / 8), wire: tag % 8 }
  }

  /** An unsigned varint that must fit in 2^53. */
  uint (): number {
    const value = this.#varint()
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw this.#fail(`number ${value} is too large`)
    return Number(value)
  }

  /** A two's-complement int64 varint that must fit in ±2^53. */
  int64 (): number {
    const value = BigInt.asIntN(64, this.#varint())
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw this.#fail(`number ${value} is too large`)
    return Number(value)
  }

  fixed32 (): number {
    const end = this.#need(4)
    const value = new DataView(this.#bytes.buffer, this.#bytes.byteOffset + this.#at, 4).getUint32(0, true)
    this.#at = end
    return value
  }

  bytes (): Uint8Array {
    const length = this.uint()
    const end = this.#need(length)
    const out = this.#bytes.subarray(this.#at, end)
    this.#at = end
    return out
  }

  skip (wire: number): void {
    if (wire === 0) this.#varint()
    else if (wire === 1) this.#at = this.#need(8)
    else if (wire === 2) this.bytes()
    else if (wire === 5) this.#at = this.#need(4)
    else throw this.#fail(`unsupported wire type ${wire}`)
  }

  #varint (): bigint {
    let value = 0n
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const byte = this.#bytes[this.#at++]
      if (byte === undefined) throw this.#fail('truncated varint')
      value |= BigInt(byte & 0x7f) << shift
      if (byte < 0x80) {
        if (value >= 1n << 64n) throw this.#fail('varint longer than 64 bits')
        return value
      }
    }
    throw this.#fail('varint longer than 10 bytes')
  }

  #need (length: number): number {
    const end = this.#at + length
    if (end > this.#bytes.byteLength) throw this.#fail('truncated field')
    return end
  }

  #fail (why: string): InvalidUnixFSError {
    return new InvalidUnixFSError(`${this.#where}: invalid UnixFS data: ${why}`)
  }
}
