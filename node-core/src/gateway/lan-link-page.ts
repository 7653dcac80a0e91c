/**
 * The LAN link's pages and the headers every answer carries.
 *
 * Pages are small static HTML: the landing page (the name, the total
 * size, the files with a download link each), the PIN form, and one-line
 * pages for refusals. Nothing from the request reaches a page; names from
 * the shared DAG go through `escapeHtml` and every link is built from
 * percent-encoded segments under the link's own path. The CSP allows
 * nothing but the page's own nonce'd style and a form posting to this
 * origin; no page may be framed, sniffed, cached or told where it came from.
 */
import { randomBytes } from 'node:crypto'
import { escapeHtml, humanSize } from './dir-listing.ts'
import { encodeSegment } from './request.ts'
import type { ServerResponse } from 'node:http'

/** A file of a shared item: its path inside the item and its size. */
export interface ListedFile {
  segments: string[]
  size: number
}

/** What the landing page shows of a shared item. */
export interface Listing {
  /** The item is one file (downloaded under the link's name), not a folder. */
  single: boolean
  files: ListedFile[]
  /** The sum of the listed files' sizes. */
  totalBytes: number
  /** False when the folder holds more files than are listed. */
  complete: boolean
}

/** The headers of every answer; `nonce` is the one style the page may hold. */
export function securityHeaders (nonce?: string): Record<string, string> {
  return {
    'Content-Security-Policy': `default-src 'none'; style-src ${nonce === undefined ? "'none'" : `'nonce-${nonce}'`}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'X-Frame-Options': 'DENY'
  }
}

/** The path of link `id`, and of a file inside it. */
export function linkPath (id: string, segments: readonly string[] = []): string {
  return ['', 's', id, ...segments].map(encodeSegment).join('/')
}

/** Answer `status` with a page titled `title` whose body is `body` (trusted HTML). */
export function sendPage (res: ServerResponse, status: number, title: string, body: string, head: boolean, headers: Record<string, string> = {}): void {
  const nonce = randomBytes(16).toString('base64')
  const html = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="robots" content="noindex">\n` +
    `<title>${escapeHtml(title)}</title>\n<style nonce="${nonce}">${STYLE}</style>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`
  const bytes = Buffer.from(html)
  res.writeHead(status, { ...securityHeaders(nonce), ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(bytes.byteLength) })
  res.end(head ? undefined : bytes)
}

/** A refusal: a title and one sentence, nothing from the request. */
export function sendRefusal (res: ServerResponse, status: number, head: boolean, headers: Record<string, string> = {}): void {
  const [title, sentence] = REFUSALS[status] ?? REFUSALS[500] ?? ['', '']
  sendPage(res, status, title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(sentence)}</p>`, head, headers)
}

const REFUSALS: Record<number, [string, string]> = {
  404: ['Not found', 'Nothing is shared at this address.'],
  405: ['Not allowed', 'This page only serves downloads.'],
  410: ['Link revoked', 'The person who shared this link has revoked it.'],
  413: ['Too large', 'The form sent too much.'],
  429: ['Too many tries', 'Too many wrong PINs. Try again later.'],
  500: ['Something went wrong', 'This shared item cannot be read right now.']
}

/** The landing page of link `id` called `name`. */
export function landingBody (id: string, name: string, listing: Listing): string {
  const count = listing.single ? '' : `${listing.files.length}${listing.complete ? '' : '+'} file${listing.files.length === 1 ? '' : 's'} · `
  let body = `<h1>${escapeHtml(name)}</h1>\n<p class="meta">${count}${listing.complete ? '' : 'at least '}${escapeHtml(humanSize(listing.totalBytes))}</p>\n`
  if (listing.single) return body + `<p><a class="button" href="${escapeHtml(linkPath(id, [name]))}">Download</a></p>`
  body += '<ul>\n'
  for (const file of listing.files) {
    body += `<li><a href="${escapeHtml(linkPath(id, file.segments))}">${escapeHtml(file.segments.join('/'))}</a><span>${escapeHtml(humanSize(file.size))}</span></li>\n`
  }
  body += '</ul>'
  if (!listing.complete) body += '\n<p class="meta">More files are in this folder than this page lists.</p>'
  return body
}

/** The PIN form of link `id`, with `problem` said above it. */
export function pinBody (id: string, problem?: string): string {
  return '<h1>This link has a PIN</h1>\n' +
    (problem === undefined ? '<p>Ask the person who shared it.</p>\n' : `<p class="problem" role="alert">${escapeHtml(problem)}</p>\n`) +
    `<form method="post" action="${escapeHtml(linkPath(id, ['unlock']))}">\n` +
    '<label for="pin">PIN</label>\n<input id="pin" name="pin" type="password" inputmode="numeric" pattern="[0-9]{4,8}" minlength="4" maxlength="8" autocomplete="off" required autofocus>\n' +
    '<button type="submit">Open</button>\n</form>'
}

const STYLE = 'body{font-family:system-ui,sans-serif;margin:2em auto;max-width:40em;padding:0 1em;color:#222;background:#fff}' +
  'h1{font-size:1.4em;word-break:break-word}.meta{color:#666}.problem{color:#b00020;font-weight:600}' +
  'ul{list-style:none;padding:0}li{display:flex;justify-content:space-between;gap:1em;padding:.4em 0;border-bottom:1px solid #eee}' +
  'li a{word-break:break-all}li span{color:#666;white-space:nowrap}a{color:#0b7285}' +
  '.button,button{display:inline-block;padding:.5em 1.2em;border-radius:.3em;border:0;background:#0b7285;color:#fff;text-decoration:none;font-size:1em}' +
  'input{font-size:1.2em;padding:.3em;margin:0 .5em;width:8em}' +
  '@media (prefers-color-scheme:dark){body{background:#121212;color:#eee}li{border-color:#333}a{color:#66d9e8}}'
