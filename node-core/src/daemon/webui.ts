/**
 * `/webui/`: the renderer's static build (`renderer/dist`), or, until one
 * exists, a minimal page that speaks the WebSocket bridge. Files are
 * served only from inside that folder, with a Content-Security-Policy that
 * lets the page talk to this origin alone.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { IncomingMessage, ServerResponse } from 'node:http'

/** Where the web UI is served. */
export const WEBUI_PATH = '/webui/'

const RENDERER_BUILD = fileURLToPath(new URL('../../../renderer/dist/', import.meta.url))
const FALLBACK = fileURLToPath(new URL('./webui/', import.meta.url))

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json'
}

/** Serve a request under `/webui` (GET and HEAD only). */
export async function serveWebui (req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (url.pathname === '/webui') {
    res.writeHead(301, { Location: WEBUI_PATH }).end()
    return
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('405 - Method Not Allowed\n')
    return
  }
  const root = await isFile(join(RENDERER_BUILD, 'index.html')) ? RENDERER_BUILD : FALLBACK
  const file = fileUnder(root, url.pathname.slice(WEBUI_PATH.length))
  const found = file !== undefined && await isFile(file)
  // A path the app routes itself (no file of that name) gets the app's page.
  const path = found ? file : join(root, 'index.html')
  const type = TYPES[extname(path)] ?? 'application/octet-stream'
  // The Host was checked against this node before (access.ts), so it may name the bridge's origin.
  const host = req.headers.host ?? 'localhost'
  res.writeHead(found || extname(url.pathname) === '' ? 200 : 404, {
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    'Content-Security-Policy': `default-src 'self'; connect-src 'self' ws://${host}; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
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

/** The file `relative` names inside `root`; undefined if it would leave it. */
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
