/**
 * Response headers shared by every kind of gateway response: caching
 * (`Etag`, `Cache-Control`, `If-None-Match`), the content path headers
 * (`X-Ipfs-Path`, `X-Ipfs-Roots`), `Content-Disposition` with the RFC 8187
 * form for non-ASCII file names, and CORS for read-only cross-origin use.
 */
import type { CID } from 'multiformats/cid'

/** `Cache-Control` of every immutable `/ipfs/` response. */
export const IMMUTABLE = 'public, max-age=29030400, immutable'

/** What a response is about: the path asked for and the CIDs it went through. */
export interface ResponseContext {
  namespace: 'ipfs' | 'ipns'
  /** The requested content path, encoded. */
  path: string
  roots: readonly CID[]
}

/** The headers every successful response carries. */
export function baseHeaders (ctx: ResponseContext, etag: string, cacheControl: string | undefined = ctx.namespace === 'ipfs' ? IMMUTABLE : undefined): Record<string, string> {
  const headers: Record<string, string> = {
    Etag: etag,
    'X-Ipfs-Path': ctx.path,
    'X-Ipfs-Roots': ctx.roots.map((c) => c.toString()).join(','),
    Vary: 'Accept'
  }
  if (cacheControl !== undefined) headers['Cache-Control'] = cacheControl
  return headers
}

/** A strong entity tag. */
export function strongEtag (value: string): string {
  return `"${value}"`
}

/**
 * True when `If-None-Match` matches one of `etags` (weak comparison, as
 * RFC 9110 prescribes for this header) or is `*`.
 */
export function ifNoneMatch (header: string | undefined, etags: readonly string[]): boolean {
  if (header === undefined || header.trim() === '') return false
  if (header.trim() === '*') return true
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '')
  const wanted = new Set(etags.map(opaque))
  return header.split(',').slice(0, 100).some((tag) => wanted.has(opaque(tag)))
}

/**
 * `Content-Disposition` for `name`: `inline` or `attachment`; the name in
 * ASCII (others replaced by `_`, quotes and backslashes dropped) and, when
 * that lost anything, also percent-encoded UTF-8 as `filename*`.
 */
export function contentDisposition (kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/gu, '_').replace(/["\\]/g, '_')
  let value = `${kind}; filename="${ascii}"`
  if (ascii !== name) value += `; filename*=UTF-8''${encodeRfc8187(name)}`
  return value
}

function encodeRfc8187 (name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** The disposition a response should carry for the `filename` and `download` query parameters, if any. */
export function requestedDisposition (query: URLSearchParams, fallback?: { kind: 'inline' | 'attachment', name: string }): string | undefined {
  const filename = query.get('filename')
  const download = query.get('download') === 'true'
  if (filename !== null && filename !== '') return contentDisposition(download ? 'attachment' : (fallback?.kind ?? 'inline'), filename)
  if (fallback !== undefined) return contentDisposition(download ? 'attachment' : fallback.kind, fallback.name)
  if (download) return 'attachment'
  return undefined
}

/** CORS headers: the gateway serves public, content-addressed data to any origin, read-only. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Range, User-Agent, X-Requested-With, Cache-Control, If-None-Match, Accept',
  'Access-Control-Expose-Headers': 'Content-Length, Content-Range, Content-Type, Etag, X-Ipfs-Path, X-Ipfs-Roots, X-Content-Type-Options, Content-Location'
}
