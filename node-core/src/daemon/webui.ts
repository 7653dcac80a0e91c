/**
 * `/webui/`: the renderer's static build (`renderer/dist`, made by
 * `npm run build:ui`), or while there is none a 503 that says so. Files
 * are served only from inside that folder; a path the app routes itself
 * (no file of that name, no extension) gets the app's page. The
 * Content-Security-Policy lets the page talk to this origin alone, and
 * show images, media and frames from the local gateway, which lives on
 * its own origin (the Explore page previews content through it).
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { IncomingMessage, ServerResponse } from 'node:http'

/** Where the web UI is served. */
export const WEBUI_PATH = '/webui/'

/** The renderer's build, served by default. */
export const RENDERER_BUILD = fileURLToPath(new URL('../../../renderer/dist/', import.meta.url))

/** How to serve the web UI. */
export interface WebuiOptions {
  /** The folder served; default RENDERER_BUILD. */
  root?: string
  /** The local gateway's origin (`http://127.0.0.1:8080`): the page may show images, media and frames from it. */
  gatewayOrigin?: string
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json'
}

const NOT_BUILT = 'The Planetary web UI is not built.\nRun `npm run build:ui` in the Planetary folder, then reload this page.\n'

/** Serve a request under `/webui` (GET and HEAD only). */
export async function serveWebui (req: IncomingMessage, res: ServerResponse, options: WebuiOptions = {}): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (url.pathname === '/webui') {
    res.writeHead(301, { Location: WEBUI_PATH }).end()
    return
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('405 - Method Not Allowed\n')
    return
  }
  const root = resolve(options.root ?? RENDERER_BUILD)
  const index = join(root, 'index.html')
  if (!await isFile(index)) {
    plain(req, res, 503, NOT_BUILT)
    return
  }
  const relative = url.pathname.startsWith(WEBUI_PATH) ? url.pathname.slice(WEBUI_PATH.length) : undefined
  const file = relative === undefined ? undefined : fileUnder(root, relative)
  if (file === undefined) {
    plain(req, res, 404, '404 - Not Found\n')
    return
  }
  const found = await isFile(file)
  if (!found && extname(file) !== '') {
    plain(req, res, 404, '404 - Not Found\n')
    return
  }
  const path = found ? file : index
  res.writeHead(200, {
    'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
    'Content-Security-Policy': contentSecurityPolicy(hostOf(req), options.gatewayOrigin),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin'
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(path).on('error', () => { res.destroy() }).pipe(res)
}

/** The page's policy: this origin and its bridge; images, media and frames from the gateway too; workers from this origin or blobs. */
function contentSecurityPolicy (host: string, gateway: string | undefined): string {
  const from = gateway === undefined ? '' : ` ${gateway}`
  return [
    "default-src 'self'",
    `connect-src 'self' ws://${host}`,
    `img-src 'self' data:${from}`,
    `media-src 'self'${from}`,
    `frame-src ${gateway ?? "'none'"}`,
    "worker-src 'self' blob:",
    "style-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'"
  ].join('; ')
}

/** The request's Host (checked against this node by access.ts), if it is only a host and port; it names the bridge's origin. */
function hostOf (req: IncomingMessage): string {
  const host = req.headers.host ?? ''
  return /^[A-Za-z0-9.:[\]-]{1,300}$/.test(host) ? host : 'localhost'
}

function plain (req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' })
  res.end(req.method === 'HEAD' ? undefined : text)
}

/** The file `relative` (URL-encoded) names inside `root`; undefined if it would leave it. */
function fileUnder (root: string, relative: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(relative)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const full = normalize(join(root, decoded === '' ? 'index.html' : decoded))
  return full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : undefined
}

async function isFile (path: string): Promise<boolean> {
  return await stat(path).then((s) => s.isFile(), () => false)
}
