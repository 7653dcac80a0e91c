/**
 * The daemon's RPC: Kubo's `/api/v0` over HTTP on `Addresses.API`.
 *
 * POST only; JSON replies, NDJSON for streams; errors as Kubo writes them
 * (`{Message, Code, Type}`) with 400 for bad input, 401/403 for callers
 * the access policy refuses (remote addresses, web pages of other origins,
 * a foreign Host, a missing `API.Authorizations` secret), 404 for unknown
 * endpoints. Bodies are capped and slow clients timed out.
 */
import { checkAuthorization, checkOrigin, checkRemote } from '../access.ts'
import { BadRequestError, UnknownEndpointError } from '../errors.ts'
import { BinaryResult } from './handler.ts'
import { endpoints } from './handlers/index.ts'
import { statusOf } from './status.ts'
import type { PlanetaryNode } from '../../node.ts'
import type { AccessPolicy } from '../access.ts'
import type { IncomingMessage, ServerResponse } from 'node:http'

/** Largest request body accepted. */
export const MAX_BODY = 4 * 1024 * 1024


/** How long a bounded request body may take to arrive. */
const BODY_TIMEOUT_MS = 60_000

/** Endpoints that read their own (unbounded, streamed) body. */
const STREAMING_BODY = new Set(['add', 'files/write', 'block/put', 'dag/put', 'dag/import'])

/** Answer one `/api/v0` request; any error becomes Kubo's error reply. */
export function handleRpc (node: PlanetaryNode, req: IncomingMessage, res: ServerResponse, policy: AccessPolicy): void {
  handle(node, req, res, policy).catch((err: unknown) => { sendError(res, err) })
}

async function handle (node: PlanetaryNode, req: IncomingMessage, res: ServerResponse, policy: AccessPolicy): Promise<void> {
  checkRemote(req, policy)
  checkOrigin(req, policy)
  const url = new URL(req.url ?? '/', 'http://localhost')
  checkAuthorization(req, url.pathname, policy)
  const path = url.pathname.replace(/^\/api\/v0\//, '')
  const handler = url.pathname.startsWith('/api/v0/') ? endpoints[path] : undefined
  if (handler === undefined) throw new UnknownEndpointError(`404 page not found: ${url.pathname}`)
  if (req.method !== 'POST') {
    res.writeHead(405, { Allow: 'POST', 'Content-Type': 'text/plain' }).end(`405 - Method Not Allowed (use POST)\n`)
    return
  }
  const controller = new AbortController()
  res.on('close', () => { controller.abort(new Error('client went away')) })
  const streaming = STREAMING_BODY.has(path)
  const body = streaming ? new Uint8Array(0) : await readBody(req)
  const result = await handler({ node, args: url.searchParams.getAll('arg'), query: url.searchParams, body, ...(streaming ? { bodyStream: req } : {}), signal: controller.signal })
  if (result instanceof BinaryResult) {
    await sendBytes(res, result.chunks)
    return
  }
  if (isAsyncIterable(result)) {
    // The first line is awaited before the headers, so an error up front (a bad upload,
    // a bad option) is an ordinary error reply with its status; later ones end the stream.
    const iterator = result[Symbol.asyncIterator]()
    const first = await iterator.next()
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Chunked-Output': '1', 'Transfer-Encoding': 'chunked' })
    try {
      for (let next = first; next.done !== true; next = await iterator.next()) res.write(JSON.stringify(next.value) + '\n')
    } catch (err) {
      res.write(JSON.stringify(errorBody(err)) + '\n')
    }
    res.end()
    return
  }
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(result) + '\n')
}

/**
 * Raw bytes, as Kubo streams `cat`: the first chunk is awaited before the
 * headers, so an error up front is an ordinary error reply; an error later
 * ends the body with an `X-Stream-Error` trailer.
 */
async function sendBytes (res: ServerResponse, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  const iterator = chunks[Symbol.asyncIterator]()
  const first = await iterator.next()
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'X-Stream-Output': '1', 'Transfer-Encoding': 'chunked', Trailer: 'X-Stream-Error' })
  try {
    for (let next = first; next.done !== true; next = await iterator.next()) {
      if (!res.write(next.value)) await new Promise((resolve) => res.once('drain', resolve))
    }
  } catch (err) {
    res.addTrailers({ 'X-Stream-Error': JSON.stringify(errorBody(err)) })
  }
  res.end()
}

/**
 * The request body, at most MAX_BODY bytes. An oversized body is read to
 * its end (up to 16 times the cap, then the socket is dropped) so that the
 * client can read the 400 instead of a reset connection.
 */
async function readBody (req: IncomingMessage): Promise<Uint8Array> {
  const parts: Buffer[] = []
  let total = 0
  // A body trickling in slower than this is a slow-loris client (streamed endpoints have no limit).
  const timer = setTimeout(() => { req.destroy(new Error('request body took too long')) }, BODY_TIMEOUT_MS)
  req.once('end', () => { clearTimeout(timer) })
  req.once('close', () => { clearTimeout(timer) })
  for await (const chunk of req) {
    total += (chunk as Buffer).byteLength
    if (total > 16 * MAX_BODY) req.destroy()
    else if (total <= MAX_BODY) parts.push(chunk as Buffer)
  }
  if (total > MAX_BODY) throw new BadRequestError(`request body over ${MAX_BODY} bytes`)
  return new Uint8Array(Buffer.concat(parts))
}

function errorBody (err: unknown): { Message: string, Code: number, Type: string, Name: string } {
  const e = err instanceof Error ? err : new Error(String(err))
  return { Message: e.message, Code: 0, Type: 'error', Name: e.name }
}

/** Kubo's error reply for `err`, with its status; a reply already under way is cut off. */
export function sendError (res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const body = errorBody(err)
  res.writeHead(statusOf(body.Name), { 'Content-Type': 'application/json' }).end(JSON.stringify(body) + '\n')
}

function isAsyncIterable (value: unknown): value is AsyncIterable<unknown> {
  return value !== null && typeof value === 'object' && Symbol.asyncIterator in value
}
