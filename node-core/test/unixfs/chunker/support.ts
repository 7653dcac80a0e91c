/**
 * Shared pieces of the chunker tests: seeded input bytes and a way to run a
 * chunker over them in pieces of a chosen size.
 */
import { createCipheriv, createHash } from 'node:crypto'
import type { Chunker } from '../../../src/unixfs/chunker/chunker.ts'

/** `size` pseudo-random bytes: the ChaCha20 keystream under key SHA-256(seed), zero nonce. */
export function keystream (seed: string, size: number): Uint8Array {
  const key = createHash('sha256').update(seed).digest()
  return new Uint8Array(createCipheriv('chacha20', key, Buffer.alloc(16)).update(Buffer.alloc(size)))
}

/**
 * Every chunk of `data` fed to `chunker` in `piece`-byte pushes. The pushed
 * buffer is reused and scribbled over after each push, as the importer's
 * read buffer is, so a chunker that kept a view of it would be caught.
 */
export function chunks (chunker: Chunker, data: Uint8Array, piece: number): Uint8Array[] {
  const out: Uint8Array[] = []
  const buffer = new Uint8Array(piece)
  for (let at = 0; at < data.byteLength; at += piece) {
    const view = buffer.subarray(0, Math.min(piece, data.byteLength - at))
    view.set(data.subarray(at, at + view.byteLength))
    for (const chunk of chunker.push(view)) out.push(chunk)
    view.fill(0xa5)
  }
  for (const chunk of chunker.end()) out.push(chunk)
  return out
}

/** The lengths of `chunks(chunker, data, piece)`, checking they put `data` back together. */
export function lengths (chunker: Chunker, data: Uint8Array, piece: number): number[] {
  const all = chunks(chunker, data, piece)
  const joined = Buffer.concat(all)
  if (!joined.equals(data)) throw new Error(`chunks of ${piece}-byte pieces do not reassemble the input`)
  return all.map((c) => c.byteLength)
}
