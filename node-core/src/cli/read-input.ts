/**
 * Reading a whole input (a file or stdin) into memory, with a size cap so
 * that a huge input is refused instead of exhausting memory.
 */
import { createReadStream } from 'node:fs'
import type { Readable } from 'node:stream'

/** All bytes of `path` (or `stdin` when path is `-` or absent), at most `limit`. */
export async function readInput (path: string | undefined, stdin: Readable, limit: number, tooLarge: () => Error): Promise<Uint8Array> {
  const source = path === undefined || path === '-' ? stdin : createReadStream(path)
  const parts: Buffer[] = []
  let total = 0
  for await (const chunk of source) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string)
    total += buf.byteLength
    if (total > limit) {
      source.destroy()
      throw tooLarge()
    }
    parts.push(buf)
  }
  return new Uint8Array(Buffer.concat(parts))
}
