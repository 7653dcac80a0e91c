/**
 * Who may reach the RPC and the WebSocket bridge: callers on loopback
 * (unless `API.AllowRemote`), web pages only of the daemon's own origin or
 * those `API.HTTPHeaders` allows, only this node's Host (no DNS
 * rebinding), and with `API.Authorizations` set, only holders of a secret
 * for the path.
 */
import { timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'
import { ForbiddenOriginError, ForbiddenPathError, RemoteAccessError, UnauthorizedError } from './errors.ts'
import type { Config } from '../repo/config/schema.ts'
import type { IncomingMessage } from 'node:http'

/** The access rules of one server. */
export interface AccessPolicy {
  /** Origins (`http://127.0.0.1:5001`) whose pages may call. */
  allowedOrigins: string[]
  allowRemote: boolean
  authorizations: Config['API']['Authorizations']
}

/** The policy from the config, for a server listening on `port`. */
export function accessPolicy (api: Config['API'], port: number): AccessPolicy {
  const own = ['127.0.0.1', 'localhost', '[::1]'].map((host) => `http://${host}:${port}`)
  return {
    allowedOrigins: [...own, ...(api.HTTPHeaders['Access-Control-Allow-Origin'] ?? [])],
    allowRemote: api.AllowRemote,
    authorizations: api.Authorizations
  }
}

/** True for a loopback address (`127.0.0.0/8`, `::1`, IPv4-mapped loopback). */
export function isLoopback (address: string | undefined): boolean {
  if (address === undefined) return false
  const plain = address.replace(/^::ffff:/, '')
  return plain === '::1' || (isIP(plain) === 4 && plain.startsWith('127.'))
}

/** RemoteAccessError for a non-loopback caller unless remote access is allowed. */
export function checkRemote (req: IncomingMessage, policy: AccessPolicy): void {
  if (!policy.allowRemote && !isLoopback(req.socket.remoteAddress)) {
    throw new RemoteAccessError(`403 - Forbidden: ${req.socket.remoteAddress ?? 'this address'} is not loopback; set API.AllowRemote to accept remote callers`)
  }
}

/** ForbiddenOriginError for web pages of other origins and foreign Host headers. */
export function checkOrigin (req: IncomingMessage, policy: AccessPolicy): void {
  const origin = req.headers.origin
  if (origin !== undefined && !policy.allowedOrigins.includes(origin)) {
    throw new ForbiddenOriginError(`403 - Forbidden: origin ${origin.slice(0, 200)} is not allowed (API.HTTPHeaders)`)
  }
  const referer = req.headers.referer
  if (origin === undefined && referer !== undefined && !policy.allowedOrigins.some((o) => referer.startsWith(o + '/'))) {
    throw new ForbiddenOriginError('403 - Forbidden: cross-site request (Referer)')
  }
  const host = (req.headers.host ?? '').replace(/:\d+$/, '')
  if (policy.allowRemote) return
  if (!['127.0.0.1', 'localhost', '[::1]', ''].includes(host) && !policy.allowedOrigins.some((o) => new URL(o).hostname === host)) {
    throw new ForbiddenOriginError(`403 - Forbidden: Host ${host.slice(0, 200)} is not this node`)
  }
}

/** With `API.Authorizations` set: UnauthorizedError unless the request carries a secret that allows `path`. */
export function checkAuthorization (req: IncomingMessage, path: string, policy: AccessPolicy): void {
  const entries = Object.entries(policy.authorizations)
  if (entries.length === 0) return
  const header = req.headers.authorization
  if (header === undefined) throw new UnauthorizedError('401 - Unauthorized: this API needs an Authorization header (API.Authorizations)')
  const match = entries.find(([, auth]) => sameSecret(header, expectedHeader(auth.AuthSecret)))
  if (match === undefined) throw new UnauthorizedError('401 - Unauthorized: the Authorization header matches no API.Authorizations secret')
  if (!match[1].AllowedPaths.some((allowed) => path === allowed || path.startsWith(allowed.replace(/\/$/, '') + '/'))) {
    throw new ForbiddenPathError(`403 - Forbidden: authorization "${match[0]}" does not allow ${path}`)
  }
}

/** The Authorization header a secret stands for (`bearer:t` → `Bearer t`, `basic:u:p` → `Basic base64(u:p)`). */
function expectedHeader (secret: string): string {
  if (secret.startsWith('bearer:')) return `Bearer ${secret.slice('bearer:'.length)}`
  return `Basic ${Buffer.from(secret.slice('basic:'.length)).toString('base64')}`
}

/** Constant-time comparison of two strings. */
export function sameSecret (given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.byteLength === b.byteLength && timingSafeEqual(a, b)
}
