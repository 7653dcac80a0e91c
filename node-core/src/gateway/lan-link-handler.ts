/**
 * One request to the LAN link server, start to end.
 *
 * Served: `GET|HEAD /s/<id>` (the landing page, or the PIN form while the
 * link's PIN is not entered), `GET|HEAD /s/<id>/<path>` (a file of the
 * shared item, as a download) and `POST /s/<id>/unlock` (form field
 * `pin`). Everything else is refused with a page that says nothing of the
 * request: other methods 405; any other path, a malformed or traversing
 * one (`..`, `.`, an encoded `/`, `\` or NUL), an unknown link, a path
 * outside the item, and a Host that is not this server's own address (a
 * DNS-rebound name) 404; a revoked link 410. A wrong PIN is 403 after the
 * throttle's delay (`lan-link-pin.ts`), a locked-out client 429.
 */
import { CorruptLinkError } from '../share/link-errors.ts'
import { findFile, listItem, sendFile } from './lan-link-files.ts'
import { landingBody, linkPath, pinBody, sendPage, sendRefusal } from './lan-link-page.ts'
import { statusOf } from './status.ts'
import type { LinkCookies } from './lan-link-cookie.ts'
import type { PinThrottle } from './lan-link-pin.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { Link, LinkStore } from '../share/links.ts'
import type { IncomingMessage, ServerResponse } from 'node:http'

/** What the handler works with. */
export interface LanLinkContext {
  links: Pick<LinkStore, 'get' | 'checkPin' | 'countDownload' | 'wasRevoked'>
  /** The local store only: a LAN link never fetches from the network. */
  store: Pick<Blockstore, 'get'>
  throttle: PinThrottle
  cookies: LinkCookies
  /** The `Host` values this server answers to (`<address>:<port>` as bound). */
  hosts: () => ReadonlySet<string>
  /** Note that `res` serves link `id`, so a revocation can cut it. */
  track: (id: string, res: ServerResponse) => void
}

const LINK_ID = /^[a-z2-7]{26}$/
const MAX_URL = 8192
const MAX_FORM = 1024
const ALLOW = 'GET, HEAD, POST'

/** Answer `req`; never throws. */
export async function handleLanLink (ctx: LanLinkContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const head = req.method === 'HEAD'
  try {
    if (req.method !== 'POST') req.resume()
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') {
      sendRefusal(res, 405, head, { Allow: ALLOW })
      return
    }
    const target = ctx.hosts().has(req.headers.host ?? '') ? parseTarget(req.url ?? '') : undefined
    if (target === undefined) {
      refuseBody(req)
      sendRefusal(res, 404, head)
      return
    }
    const { id, segments } = target
    if (req.method === 'POST' && (segments.length !== 1 || segments[0] !== 'unlock')) {
      refuseBody(req)
      sendRefusal(res, 405, head, { Allow: 'GET, HEAD' })
      return
    }
    const link = await findLink(ctx, id)
    if (link === undefined) {
      refuseBody(req)
      sendRefusal(res, ctx.links.wasRevoked(id) ? 410 : 404, head)
      return
    }
    ctx.track(id, res)
    if (req.method === 'POST') {
      await unlock(ctx, link, req, res)
      return
    }
    if (link.hasPin && !ctx.cookies.opens(id, req.headers.cookie)) {
      sendPage(res, segments.length === 0 ? 200 : 403, 'PIN needed', pinBody(id), head)
      return
    }
    await serve(ctx, link, segments, req, res)
  } catch (err) {
    if (res.headersSent || res.destroyed) {
      res.destroy()
      return
    }
    sendRefusal(res, statusOf(err) === 404 ? 404 : 500, head)
  }
}

async function serve (ctx: LanLinkContext, link: Link, segments: string[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const client = new AbortController()
  res.once('close', () => { client.abort(new Error('the client went away')) })
  if (segments.length === 0) {
    const listing = await listItem(ctx.store, link.cid, link.name, { signal: client.signal })
    sendPage(res, 200, link.name, landingBody(link.id, link.name, listing), req.method === 'HEAD')
    return
  }
  const file = await findFile(ctx.store, link.cid, link.name, segments, { signal: client.signal })
  if (await sendFile(req, res, ctx.store, file, client.signal)) await ctx.links.countDownload(link.id)
}

async function unlock (ctx: LanLinkContext, link: Link, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req)
  if (form === undefined) {
    sendRefusal(res, 413, false, { Connection: 'close' })
    return
  }
  const landing = linkPath(link.id)
  if (!link.hasPin) {
    res.writeHead(303, { Location: landing }).end()
    return
  }
  const turn = ctx.throttle.begin(req.socket.remoteAddress ?? '', link.id)
  if (turn.kind === 'refused') {
    sendRefusal(res, 429, false, { 'Retry-After': String(Math.ceil(turn.retryAfterMs / 1000)) })
    return
  }
  let right: boolean | undefined
  try {
    right = await ctx.links.checkPin(link.id, form.get('pin') ?? '')
  } finally {
    const outcome = await turn.finish(right)
    if (outcome === 'right') {
      res.writeHead(303, { Location: landing, 'Set-Cookie': ctx.cookies.issue(link.id, landing) }).end()
    } else if (outcome === 'wrong') {
      sendPage(res, 403, 'Wrong PIN', pinBody(link.id, 'Wrong PIN'), false)
    } else if (outcome === 'locked') {
      sendRefusal(res, 429, false)
    }
  }
}

/** `/s/<id>[/<segment>…]`, percent-decoded; undefined for any other or malformed path. */
export function parseTarget (url: string): { id: string, segments: string[] } | undefined {
  if (url.length > MAX_URL || !url.startsWith('/')) return undefined
  const path = url.split('?')[0] ?? ''
  const parts: string[] = []
  for (const raw of path.split('/').slice(1)) {
    let part: string
    try {
      part = decodeURIComponent(raw)
    } catch {
      return undefined
    }
    // eslint-disable-next-line no-control-regex
    if (part === '.' || part === '..' || /[/\\\u0000]/.test(part)) return undefined
    if (part !== '') parts.push(part)
  }
  const [s, id, ...segments] = parts
  if (s !== 's' || id === undefined || !LINK_ID.test(id)) return undefined
  return { id, segments }
}

async function findLink (ctx: LanLinkContext, id: string): Promise<Link | undefined> {
  try {
    return await ctx.links.get(id)
  } catch (err) {
    // a record that does not read back is never served
    if (err instanceof CorruptLinkError) return undefined
    throw err
  }
}

/** The urlencoded form of `req`, or undefined past MAX_FORM bytes. */
async function readForm (req: IncomingMessage): Promise<URLSearchParams | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_FORM) return undefined
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength
    if (size > MAX_FORM) return undefined
    chunks.push(chunk)
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

/** A body that will not be read: drained, so the connection stays usable. */
function refuseBody (req: IncomingMessage): void {
  if (req.method === 'POST') req.resume()
}
