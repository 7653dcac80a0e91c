/**
 * The file parts of a multipart request body, as Kubo's clients send the
 * `data` of `block put`, `dag put` and `dag import`: one part per file,
 * read in order as they arrive.
 *
 * A handler that stops early (bad input) must still let the client finish
 * its upload, or the client sees a reset connection instead of the 400:
 * what is left of the body is then read and thrown away in the background,
 * and the connection dropped only past `DRAIN_LIMIT` more bytes.
 */
import multipart from 'it-multipart'
import { BadRequestError } from '../../errors.ts'
import type { RpcRequest } from '../handler.ts'

/** The most bytes read and discarded after a handler gave up on a body. */
export const DRAIN_LIMIT = 64 * 1024 * 1024

/** One part: its body must be read (or skipped) before the next is asked for. */
export interface FilePart {
  body: AsyncIterable<Uint8Array>
}

/** The parts of `request`'s multipart body; BadRequestError if it is not one, or is malformed. */
export async function * fileParts (request: RpcRequest, endpoint: string): AsyncIterable<FilePart> {
  const body = request.bodyStream
  if (body === undefined || !/^multipart\/form-data/i.test(body.headers['content-type'] ?? '')) {
    throw new BadRequestError(`${endpoint} needs its data as a multipart/form-data body`)
  }
  const parts = multipart(body)[Symbol.asyncIterator]()
  let current: AsyncIterable<Uint8Array> | undefined
  let finished = false
  try {
    while (true) {
      let next: IteratorResult<{ body: AsyncIterable<Uint8Array> }>
      try {
        next = await parts.next()
      } catch (err) {
        throw new BadRequestError(`malformed multipart body: ${(err as Error).message}`)
      }
      if (next.done === true) break
      current = next.value.body
      yield { body: current }
    }
    finished = true
  } finally {
    if (!finished) {
      let drained = 0
      body.on('data', (chunk: Buffer) => {
        drained += chunk.byteLength
        if (drained > DRAIN_LIMIT) body.destroy()
      })
      void discardRest(current, parts)
    }
  }
}

/** The whole body of `part`, at most `max` bytes; `tooLarge()` is thrown past that. */
export async function readPart (part: FilePart, max: number, tooLarge: () => Error): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of part.body) {
    size += chunk.byteLength
    if (size > max) throw tooLarge()
    chunks.push(chunk)
  }
  return new Uint8Array(Buffer.concat(chunks))
}

/** Read and drop what is left of a body: the part being read, then every other part. */
async function discardRest (current: AsyncIterable<Uint8Array> | undefined, parts: AsyncIterator<{ body: AsyncIterable<Uint8Array> }>): Promise<void> {
  try {
    if (current !== undefined) for await (const chunk of current) void chunk
    for (let next = await parts.next(); next.done !== true; next = await parts.next()) {
      for await (const chunk of next.value.body) void chunk
    }
  } catch {
    // a malformed rest, or a connection dropped past DRAIN_LIMIT: the reply is already on its way
  }
}
