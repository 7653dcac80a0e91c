/**
 * The file parts of a multipart request body, as Kubo's clients send the
 * `data` of `block put`, `dag put` and `dag import`: one part per file,
 * read in order as they arrive (a handler that stops early leaves the rest
 * to be drained by multipart.ts).
 */
import { multipartParts } from '../multipart.ts'
import { BadRequestError } from '../../errors.ts'
import type { RpcRequest } from '../handler.ts'

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
  const parts = multipartParts(body)[Symbol.asyncIterator]()
  try {
    while (true) {
      let next: IteratorResult<{ body: AsyncIterable<Uint8Array> }>
      try {
        next = await parts.next()
      } catch (err) {
        throw new BadRequestError(`malformed multipart body: ${(err as Error).message}`)
      }
      if (next.done === true) return
      yield { body: next.value.body }
    }
  } finally {
    await parts.return?.()
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
