/**
 * Errors to HTTP status codes, as the path gateway spec assigns them:
 *
 * - 400: a malformed CID, path or parameter; an IPNS name that is none;
 * - 404: a path segment that names nothing, a block this node cannot find
 *   in its store (a non-recursive answer: the content is not here);
 * - 406: a response type that cannot be produced for this content;
 * - 412: `only-if-cached` and the root block is not stored;
 * - 501: `/ipns/` without a resolver, paths into non-link IPLD values;
 * - 502: a fetch from the network or a name resolution that failed;
 * - 504: no block arrived within the retrieval timeout;
 * - 500: anything else (a corrupt block in the store, malformed UnixFS).
 *
 * Error bodies are plain text, never HTML, so nothing in them is rendered.
 */
import type { ServerResponse } from 'node:http'

const STATUS_BY_NAME: Record<string, number> = {
  GatewayBadRequestError: 400,
  InvalidCidError: 400,
  InvalidPathError: 400,
  InvalidNameError: 400,
  UnknownCodecError: 400,
  GatewayNotFoundError: 404,
  PathNotFoundError: 404,
  BlockNotFoundError: 404,
  NotAFileError: 404,
  NotAcceptableError: 406,
  NotCachedError: 412,
  InvalidRangeError: 416,
  GatewayNotImplementedError: 501,
  BlockUnavailableError: 502,
  ExchangeNotStartedError: 502,
  ResolveFailedError: 502,
  InvalidRecordError: 502,
  BadResolutionError: 502,
  RetrievalTimeoutError: 504
}

/** The HTTP status for an error thrown while answering a request. */
export function statusOf (err: unknown): number {
  const name = err instanceof Error ? err.name : ''
  return STATUS_BY_NAME[name] ?? 500
}

/** Answer with the error's status and a one-line plain-text body (none for HEAD). */
export function sendError (res: ServerResponse, err: unknown, head: boolean): void {
  if (res.headersSent || res.destroyed) {
    // the status is sent: the only way left to say "incomplete" is to cut the stream
    res.destroy()
    return
  }
  const status = statusOf(err)
  const message = err instanceof Error ? err.message : String(err)
  const headers: Record<string, string> = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' }
  if (status === 502 || status === 504) headers['Retry-After'] = '30'
  const body = `${status} ${errorTitle(status)}: ${message.replace(/[\r\n]+/g, ' ').slice(0, 1000)}\n`
  res.writeHead(status, headers)
  // 412 (only-if-cached) goes without a payload, as the spec asks
  res.end(head || status === 412 ? undefined : body)
}

function errorTitle (status: number): string {
  switch (status) {
    case 400: return 'Bad Request'
    case 404: return 'Not Found'
    case 406: return 'Not Acceptable'
    case 412: return 'Precondition Failed'
    case 416: return 'Range Not Satisfiable'
    case 501: return 'Not Implemented'
    case 502: return 'Bad Gateway'
    case 504: return 'Gateway Timeout'
    default: return 'Internal Server Error'
  }
}
