/**
 * The content path of a gateway request, read from the raw request target.
 *
 * `/ipfs/<cid>[/path]` and `/ipns/<name>[/path]`, percent-decoded segment
 * by segment (so `%2F` separates segments, as in Go's gateways). Empty and
 * `.` segments are dropped; `..` (also as `%2e%2e`), NUL, malformed
 * percent-encoding and over-long paths are refused with a 400, never
 * resolved: a content path has no parent to climb to. Whether the path
 * ended with `/` is kept, since directories redirect to that form.
 */
import { GatewayBadRequestError, GatewayNotFoundError } from './errors.ts'

/** A parsed gateway URL. */
export interface ContentRequest {
  namespace: 'ipfs' | 'ipns'
  /** The CID (for `/ipfs/`) or the name (for `/ipns/`), decoded. */
  root: string
  /** Decoded path segments after the root. */
  segments: string[]
  /** The URL path ended with `/`. */
  trailingSlash: boolean
  query: URLSearchParams
  /** The raw query string, with its `?` (or empty). */
  search: string
}

/** Longest request target accepted (the path and query, encoded). */
export const MAX_URL_LENGTH = 8192
/** Most path segments accepted. */
export const MAX_SEGMENTS = 256

/** Parse a request target (`req.url`); GatewayNotFoundError outside /ipfs and /ipns, GatewayBadRequestError when malformed. */
export function parseContentRequest (target: string): ContentRequest {
  if (target.length > MAX_URL_LENGTH) throw new GatewayBadRequestError(`request URL longer than ${MAX_URL_LENGTH} characters`)
  if (!target.startsWith('/')) throw new GatewayBadRequestError('request target must be a path')
  const queryAt = target.indexOf('?')
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt)
  const search = queryAt === -1 ? '' : target.slice(queryAt)
  const decoded = rawPath.split('/').flatMap((part) => decodeSegment(part).split('/'))
  for (const segment of decoded) {
    if (segment === '..') throw new GatewayBadRequestError('invalid path: ".." segments are not allowed')
    if (segment.includes('\0')) throw new GatewayBadRequestError('invalid path: NUL in a segment')
  }
  const parts = decoded.filter((s) => s !== '' && s !== '.')
  const [namespace, root, ...segments] = parts
  if (namespace !== 'ipfs' && namespace !== 'ipns') throw new GatewayNotFoundError(`404 page not found: only /ipfs/ and /ipns/ paths are served`)
  if (root === undefined) throw new GatewayBadRequestError(`invalid path: /${namespace}/ needs a ${namespace === 'ipfs' ? 'CID' : 'name'}`)
  if (segments.length > MAX_SEGMENTS) throw new GatewayBadRequestError(`invalid path: more than ${MAX_SEGMENTS} segments`)
  return { namespace, root, segments, trailingSlash: rawPath.endsWith('/'), query: new URLSearchParams(search), search }
}

function decodeSegment (part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    throw new GatewayBadRequestError('invalid path: malformed percent-encoding')
  }
}

/** A path segment percent-encoded for a URL. */
export function encodeSegment (segment: string): string {
  return encodeURIComponent(segment)
}

/** The content path `/<ns>/<root>/<a>/<b>`, each segment encoded (ASCII only, safe in headers and URLs). */
export function contentPath (namespace: string, root: string, segments: readonly string[], trailingSlash = false): string {
  const path = ['', namespace, root, ...segments].map(encodeSegment).join('/')
  return trailingSlash ? path + '/' : path
}
