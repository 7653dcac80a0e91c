/**
 * What every response writer gets: the request as parsed and negotiated,
 * the resolved content, the store to read more blocks through, and the
 * small helpers all of them share (304 answers, bytes with ranges).
 */
import { ifNoneMatch } from './headers.ts'
import { contentRange, parseRange } from './range.ts'
import type { ResponseContext } from './headers.ts'
import type { Negotiated } from './negotiate.ts'
import type { ContentRequest } from './request.ts'
import type { ResolvedContent } from './resolve.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { IncomingMessage, ServerResponse } from 'node:http'

/** One request being answered. */
export interface Serving {
  req: IncomingMessage
  res: ServerResponse
  /** A HEAD request: headers only. */
  head: boolean
  request: ContentRequest
  negotiated: Negotiated
  resolved: ResolvedContent
  response: ResponseContext
  /** Reads more blocks, under the request's timeout and cancellation. */
  store: Pick<Blockstore, 'get'>
  signal: AbortSignal
}

/** Answer 304 when If-None-Match matches one of `etags`; true if it did. */
export function answerNotModified (s: Serving, headers: Record<string, string>, etags: readonly string[]): boolean {
  if (!ifNoneMatch(s.req.headers['if-none-match'], etags)) return false
  s.res.writeHead(304, headers)
  s.res.end()
  return true
}

/** Send `bytes` whole, or the one range the client asked for (206, or 416). */
export function sendBytes (s: Serving, bytes: Uint8Array, headers: Record<string, string>): void {
  const size = bytes.byteLength
  const range = rangeFor(s, size, headers.Etag)
  headers['Accept-Ranges'] = 'bytes'
  if (range.kind === 'unsatisfiable') {
    s.res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` })
    s.res.end()
    return
  }
  if (range.kind === 'range') {
    const { start, end } = range.range
    s.res.writeHead(206, { ...headers, 'Content-Range': contentRange(range.range, size), 'Content-Length': String(end - start + 1) })
    s.res.end(s.head ? undefined : bytes.subarray(start, end + 1))
    return
  }
  s.res.writeHead(200, { ...headers, 'Content-Length': String(size) })
  s.res.end(s.head ? undefined : bytes)
}

/** The Range request to honour: none when `If-Range` names another version. */
export function rangeFor (s: Serving, size: number, etag: string | undefined): ReturnType<typeof parseRange> {
  const ifRange = s.req.headers['if-range']
  if (ifRange !== undefined && ifRange !== etag) return { kind: 'none' }
  return parseRange(s.req.headers.range, size)
}
