/**
 * The window's origin: the renderer's build (`renderer/dist`) served under
 * the privileged scheme `app://planetary/`, every response with a strict
 * Content-Security-Policy.
 *
 * Only files inside the build are served (a path that resolves outside it
 * is refused); a path without an extension that names no file gets
 * `index.html` (the web UI routes by its hash, so this is only a safety
 * net). Pure: the scheme's registration takes Electron's `protocol` and a
 * file reader as narrow injected interfaces, so tests run under Node.
 */
import path from 'node:path'
import { readFile } from 'node:fs/promises'
import type { CustomScheme, Protocol } from 'electron'

/** The window's scheme. */
export const APP_SCHEME = 'app'
/** The window's host under {@link APP_SCHEME}. */
export const APP_HOST = 'planetary'
/** The origin of the window's pages. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** The URL the window loads. */
export const APP_URL = `${APP_ORIGIN}/index.html`

/**
 * The scheme's privileges, for `protocol.registerSchemesAsPrivileged`
 * (before the app is ready): a standard, secure origin with fetch.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
}

/** The content type of a file by its extension (`application/octet-stream` when unknown). */
export function contentTypeOf (file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The origin of `url` when it is an http(s) URL, else undefined.
 *
 * Only such an origin may enter the policy (no quotes, spaces or `;`).
 */
function httpOrigin (url: string | undefined): string | undefined {
  if (url === undefined || url === '') return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined
  } catch {
    return undefined
  }
}

/**
 * The Content-Security-Policy of every app:// response.
 *
 * The gateway's origin (when there is one) may give images, media and
 * frames; nothing else is reached but the app's own origin.
 */
export function contentSecurityPolicy (gatewayUrl?: string): string {
  const gateway = httpOrigin(gatewayUrl)
  const extra = gateway === undefined ? '' : ` ${gateway}`
  const media = gateway ?? "'none'"
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data:${extra}`,
    `media-src ${media}`,
    `frame-src ${media}`,
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'"
  ].join('; ')
}

/** Whether `url` is a page of the app's origin (`app://planetary/...`). */
export function isAppUrl (url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
  } catch {
    return false
  }
}

/** What a request resolves to: a file under the root, with index.html as the fallback when set. */
export type AppTarget =
  | { kind: 'file', file: string, fallback: string | undefined }
  | { kind: 'refused', status: 400 | 403 | 404, reason: string }

/**
 * The file `url` names under `root`.
 *
 * Another scheme or host is 404; a path that decodes badly or holds NUL
 * is 400; one that resolves outside `root` is 403. `/` is index.html;
 * a path without an extension falls back to index.html.
 */
export function resolveAppTarget (root: string, url: string, paths: typeof path.posix = path): AppTarget {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { kind: 'refused', status: 400, reason: 'not a URL' }
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { kind: 'refused', status: 404, reason: `not under ${APP_ORIGIN}` }
  let pathname: string
  try {
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return { kind: 'refused', status: 400, reason: 'a badly encoded path' }
  }
  if (pathname.includes('\0')) return { kind: 'refused', status: 400, reason: 'NUL in the path' }
  const base = paths.resolve(root)
  const index = paths.join(base, 'index.html')
  if (pathname === '/' || pathname === '') return { kind: 'file', file: index, fallback: undefined }
  const file = paths.resolve(base, `.${pathname.startsWith('/') ? '' : '/'}${pathname}`)
  const relative = paths.relative(base, file)
  if (relative === '' || relative.startsWith('..') || paths.isAbsolute(relative)) return { kind: 'refused', status: 403, reason: 'outside the app' }
  const fallback = paths.extname(file) === '' ? index : undefined
  return { kind: 'file', file, fallback }
}

/** What the handler reads files with (node:fs/promises' readFile by default). */
export type ReadAppFile = (file: string) => Promise<Uint8Array>

/** Options of {@link createAppHandler}. */
export interface AppHandlerOptions {
  /** The renderer's build folder. */
  root: string
  /** The local gateway's origin, allowed for images, media and frames. */
  gatewayUrl?: string | undefined
  readFile?: ReadAppFile
}

/** The headers every response carries. */
export function appHeaders (gatewayUrl: string | undefined, contentType?: string): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(gatewayUrl),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
    ...(contentType === undefined ? {} : { 'content-type': contentType })
  }
}

/** The app:// handler: a Request in, a Response out. */
export function createAppHandler (options: AppHandlerOptions): (request: Request) => Promise<Response> {
  const read = options.readFile ?? (async (file: string) => await readFile(file))
  const refuse = (status: number, text: string): Response => new Response(text, { status, headers: appHeaders(options.gatewayUrl, 'text/plain; charset=utf-8') })
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'method not allowed')
    const target = resolveAppTarget(options.root, request.url)
    if (target.kind === 'refused') return refuse(target.status, target.reason)
    for (const file of [target.file, target.fallback]) {
      if (file === undefined) continue
      try {
        const body = await read(file)
        return new Response(request.method === 'HEAD' ? null : body as Uint8Array<ArrayBuffer>, { status: 200, headers: appHeaders(options.gatewayUrl, contentTypeOf(file)) })
      } catch {
        // Missing (or a folder): try the fallback, then 404.
      }
    }
    return refuse(404, 'not found')
  }
}

/**
 * Serve the app's origin through `protocol.handle` (after the app is
 * ready); returns a function that stops serving it.
 */
export function registerAppProtocol (protocol: Pick<Protocol, 'handle' | 'unhandle'>, options: AppHandlerOptions): () => void {
  protocol.handle(APP_SCHEME, createAppHandler(options))
  return () => { protocol.unhandle(APP_SCHEME) }
}
