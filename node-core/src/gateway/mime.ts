/**
 * The Content-Type of a UnixFS file: by the extension of its name (the
 * `filename` parameter, else the last path segment), else by its first
 * bytes (magic numbers of common formats, HTML, SVG and JSON), else
 * `text/plain; charset=utf-8` for bytes that look like text and
 * `application/octet-stream` for the rest, as Go's http.DetectContentType
 * decides.
 */

/** Bytes of a file read to sniff its type (as Go's sniffer; a JSON file is recognised when it fits). */
export const SNIFF_BYTES = 512

const BY_EXTENSION: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json',
  map: 'application/json',
  webmanifest: 'application/manifest+json',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xml: 'application/xml',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  bmp: 'image/bmp',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  tar: 'application/x-tar',
  wasm: 'application/wasm',
  mp4: 'video/mp4',
  webm: 'video/webm',
  ogv: 'video/ogg',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  wav: 'audio/wav',
  flac: 'audio/flac',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  car: 'application/vnd.ipld.car'
}

/** The type of a file named `name`, by its extension; undefined when unknown. */
export function typeByName (name: string | undefined): string | undefined {
  if (name === undefined) return undefined
  const dot = name.lastIndexOf('.')
  if (dot <= 0 || dot === name.length - 1) return undefined
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()]
}

const MAGIC: Array<[number[], number, string]> = [
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0, 'image/png'],
  [[0xff, 0xd8, 0xff], 0, 'image/jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 0, 'image/gif'],
  [[0x57, 0x45, 0x42, 0x50], 8, 'image/webp'],
  [[0x42, 0x4d], 0, 'image/bmp'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 0, 'application/pdf'],
  [[0x50, 0x4b, 0x03, 0x04], 0, 'application/zip'],
  [[0x1f, 0x8b, 0x08], 0, 'application/gzip'],
  [[0x00, 0x61, 0x73, 0x6d], 0, 'application/wasm'],
  [[0x66, 0x74, 0x79, 0x70], 4, 'video/mp4'],
  [[0x1a, 0x45, 0xdf, 0xa3], 0, 'video/webm'],
  [[0x4f, 0x67, 0x67, 0x53], 0, 'audio/ogg'],
  [[0x49, 0x44, 0x33], 0, 'audio/mpeg'],
  [[0x57, 0x41, 0x56, 0x45], 8, 'audio/wav'],
  [[0x66, 0x4c, 0x61, 0x43], 0, 'audio/flac'],
  [[0x77, 0x4f, 0x46, 0x32], 0, 'font/woff2'],
  [[0x77, 0x4f, 0x46, 0x46], 0, 'font/woff']
]

const HTML_START = /^\s*<(!doctype html|html|head|body|script|iframe|h1|div|font|table|a|style|title|b|br|p|!--)[\s>]/i
const SVG_START = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/i

/**
 * The type of a file from its first bytes (`head`, at most SNIFF_BYTES);
 * `whole` says `head` is the entire file, so JSON can be checked entirely.
 */
export function sniffType (head: Uint8Array, whole: boolean): string {
  for (const [magic, at, type] of MAGIC) {
    if (head.byteLength >= at + magic.length && magic.every((b, i) => head[at + i] === b)) return type
  }
  if (!looksLikeText(head)) return 'application/octet-stream'
  const text = new TextDecoder().decode(head)
  if (SVG_START.test(text)) return 'image/svg+xml'
  if (HTML_START.test(text)) return 'text/html; charset=utf-8'
  if (whole && /^\s*[[{]/.test(text) && isJson(text)) return 'application/json'
  return 'text/plain; charset=utf-8'
}

/** No control bytes but tab, newline, form feed and carriage return (and ESC), as Go's sniffer decides. */
function looksLikeText (head: Uint8Array): boolean {
  for (const b of head) {
    if (b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) return false
  }
  return true
}

function isJson (text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
