/**
 * One gateway request, start to end: method and URL checks, content
 * negotiation, `/ipns/` resolution, `only-if-cached`, path resolution,
 * then the response writer for the negotiated type.
 */
import * as dagPb from '@ipld/dag-pb'
import * as raw from 'multiformats/codecs/raw'
import { parseCid } from '../block/block.ts'
import { BadResolutionError, GatewayBadRequestError, GatewayNotImplementedError, NotAcceptableError, NotCachedError, RetrievalTimeoutError } from './errors.ts'
import { CORS_HEADERS } from './headers.ts'
import { FORMAT_MEDIA_TYPE, negotiate } from './negotiate.ts'
import { contentPath, parseContentRequest } from './request.ts'
import { resolveContent } from './resolve.ts'
import { localFirst, raceSignal, startRetrieval } from './retrieval.ts'
import { isDocumentCodec, serveDocument, serveRawBlock } from './serve-block.ts'
import { serveCar } from './serve-car.ts'
import { serveUnixfs } from './serve-unixfs.ts'
import type { GatewayComponents } from './index.ts'
import type { ContentRequest } from './request.ts'
import type { Serving } from './serving.ts'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CID } from 'multiformats/cid'

/** The settings a request is answered with. */
export interface HandlerSettings {
  retrievalTimeoutMs: number
}

const ALLOW = 'GET, HEAD, OPTIONS'

/** Answer `req`; errors are thrown for the caller to turn into a status (`status.ts`). */
export async function handleRequest (components: GatewayComponents, settings: HandlerSettings, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...CORS_HEADERS, Allow: ALLOW, 'Access-Control-Max-Age': '86400' }).end()
    return
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: ALLOW, 'Content-Type': 'text/plain; charset=utf-8' }).end(`405 Method Not Allowed: the gateway is read-only (${ALLOW})\n`)
    return
  }
  const request = parseContentRequest(req.url ?? '/')
  if (req.headers['service-worker'] === 'script' && request.segments.length === 0 && !request.trailingSlash) {
    throw new GatewayBadRequestError('navigator.serviceWorker: registration is not allowed for this scope (register under a path ending with /)')
  }
  const negotiated = negotiate(request.query, req.headers.accept)
  if (negotiated.format === 'tar' || negotiated.format === 'ipns-record') {
    throw new NotAcceptableError(`${FORMAT_MEDIA_TYPE[negotiated.format]} responses are not supported by this gateway`)
  }
  const client = new AbortController()
  res.once('close', () => { if (!res.writableFinished) client.abort(new Error('the client went away')) })
  const session = components.session?.()
  const retrieval = startRetrieval(session === undefined ? components.store : localFirst(components.store, session), settings.retrievalTimeoutMs, client.signal)
  try {
    const { root, prefix } = await contentRoot(components, settings, request, retrieval.signal)
    if (/(^|,)\s*only-if-cached\s*(,|$)/i.test(req.headers['cache-control'] ?? '') && !(await components.store.has(root))) {
      throw new NotCachedError(`${root.toString()} is not in this node's store (only-if-cached)`)
    }
    const resolved = await resolveContent(retrieval.store, root, [...prefix, ...request.segments], { signal: retrieval.signal })
    const s: Serving = {
      req,
      res,
      head: req.method === 'HEAD',
      request,
      negotiated,
      resolved,
      response: { namespace: request.namespace, path: contentPath(request.namespace, request.root, request.segments, request.trailingSlash), roots: resolved.roots },
      store: retrieval.store,
      signal: retrieval.signal
    }
    if (resolved.remainder.length > 0) {
      throw new GatewayNotImplementedError(`reading IPLD Kinds other than Links (CBOR Tag 42) is not implemented: "${resolved.remainder.join('/').slice(0, 200)}" is inside ${resolved.cid.toString()}`)
    }
    await respond(s)
  } catch (err) {
    const reason: unknown = retrieval.signal.reason
    throw reason instanceof RetrievalTimeoutError ? reason : err
  } finally {
    retrieval.close()
  }
}

async function respond (s: Serving): Promise<void> {
  const format = s.negotiated.format
  if (format === 'raw') {
    serveRawBlock(s)
    return
  }
  if (format === 'car') {
    await serveCar(s)
    return
  }
  const code = s.resolved.cid.code
  if ((code === dagPb.code || code === raw.code) && format !== 'dag-json' && format !== 'dag-cbor') {
    // `json` and `cbor` of UnixFS content change nothing: the file is served as it is
    await serveUnixfs(s)
    return
  }
  if (format !== undefined || isDocumentCodec(code)) {
    serveDocument(s, format)
    return
  }
  throw new GatewayBadRequestError(`${s.resolved.cid.toString()} has codec 0x${code.toString(16)}, which has no deserialized response (use ?format=raw or ?format=car)`)
}

/** The CID the content path starts from, and the segments an `/ipns/` value adds before the request's own. */
async function contentRoot (components: GatewayComponents, settings: HandlerSettings, request: ContentRequest, signal: AbortSignal): Promise<{ root: CID, prefix: string[] }> {
  if (request.namespace === 'ipfs') return { root: parseCid(request.root), prefix: [] }
  if (components.resolveIpns === undefined) throw new GatewayNotImplementedError('this gateway does not resolve /ipns/ names')
  const timeout = AbortSignal.timeout(settings.retrievalTimeoutMs)
  const both = AbortSignal.any([signal, timeout])
  let value: string
  try {
    value = await raceSignal(components.resolveIpns(`/ipns/${request.root}`, { signal: both }), both)
  } catch (err) {
    if (timeout.aborted) throw new RetrievalTimeoutError(`resolving /ipns/${request.root} took longer than ${settings.retrievalTimeoutMs} ms`)
    throw err
  }
  const [empty, namespace, cid = '', ...rest] = value.split('/')
  if (empty !== '' || namespace !== 'ipfs' || cid === '') throw new BadResolutionError(`/ipns/${request.root} resolved to ${JSON.stringify(value.slice(0, 200))}, not an /ipfs/ path`)
  const prefix = rest.filter((p) => p !== '' && p !== '.')
  if (prefix.includes('..')) throw new BadResolutionError(`/ipns/${request.root} resolved to a path with ".." segments`)
  try {
    return { root: parseCid(cid), prefix }
  } catch (err) {
    throw new BadResolutionError(`/ipns/${request.root} resolved to an invalid CID: ${(err as Error).message}`)
  }
}
