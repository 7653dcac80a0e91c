/**
 * The dag-pb leaf of a file chunk, encoded in one pass into one buffer.
 *
 * A leaf is `PBNode{Data: UnixFS{Type, Data: chunk, filesize}}` with no
 * links; its bytes are exactly what `@ipld/dag-pb` encodes for that node
 * (a test holds them equal), written here without the two intermediate
 * copies, into a buffer the caller may recycle.
 */
import { varint } from 'multiformats'

/** Encode the leaf node of `chunk` with UnixFS `type` into a buffer from `acquire`. */
export function encodeLeafNode (chunk: Uint8Array, type: number, acquire: (size: number) => Uint8Array): Uint8Array {
  const n = chunk.byteLength
  const sizeLength = varint.encodingLength(n)
  const unixfsLength = 2 + (n > 0 ? 1 + sizeLength + n : 0) + 1 + sizeLength
  const total = 1 + varint.encodingLength(unixfsLength) + unixfsLength
  const out = acquire(total)
  let at = 0
  out[at++] = 0x0a
  varint.encodeTo(unixfsLength, out, at)
  at += varint.encodingLength(unixfsLength)
  out[at++] = 0x08
  out[at++] = type
  if (n > 0) {
    out[at++] = 0x12
    varint.encodeTo(n, out, at)
    at += sizeLength
    out.set(chunk, at)
    at += n
  }
  out[at++] = 0x18
  varint.encodeTo(n, out, at)
  return out
}
