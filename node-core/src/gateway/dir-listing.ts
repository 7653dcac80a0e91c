/**
 * The generated HTML index of a UnixFS directory without `index.html`.
 *
 * Streamed entry by entry in the DAG's order (HAMT shards walked as they
 * are read), so a directory of any size lists in bounded memory; sizes are
 * the links' Tsize (DAG size), so no child block is fetched, as the spec
 * advises. Every name and CID that reaches the page goes through
 * `escapeHtml`, and every link target is built from percent-encoded
 * segments under `/ipfs/` or `/ipns/`, so a hostile entry name can neither
 * inject markup nor point a link elsewhere.
 */
import { statLinks } from '../unixfs/exporter/ls.ts'
import { encodeSegment } from './request.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { EntryStat } from '../unixfs/exporter/stat.ts'

/** Bumped whenever the page changes, so that cached listings are not reused (it is part of the Etag). */
export const LISTING_VERSION = 'planetary-1'

/** Where the listed directory sits. */
export interface ListingPlace {
  namespace: 'ipfs' | 'ipns'
  /** The CID or name the path starts from, as requested. */
  root: string
  /** Decoded segments from the root to the directory. */
  segments: readonly string[]
}

/** Text made safe for HTML content and double- or single-quoted attributes. */
export function escapeHtml (text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** The HTML page listing `dir`, streamed. */
export async function * directoryListing (store: Pick<Blockstore, 'get'>, dir: EntryStat, place: ListingPlace, options: AbortOptions = {}): AsyncIterable<Uint8Array> {
  const utf8 = new TextEncoder()
  const base = `/${place.namespace}/${encodeSegment(place.root)}`
  const href = (segments: readonly string[]): string => [base, ...segments.map(encodeSegment)].join('/')
  const title = `/${place.namespace}/${[place.root, ...place.segments].join('/')}/`
  let crumbs = `/${place.namespace}/<a href="${escapeHtml(base)}">${escapeHtml(place.root)}</a>`
  place.segments.forEach((segment, i) => {
    crumbs += `/<a href="${escapeHtml(href(place.segments.slice(0, i + 1)))}">${escapeHtml(segment)}</a>`
  })
  let head = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n`
  head += `<header><div>Index of ${crumbs}</div><div class="ipfs-hash" translate="no">${escapeHtml(dir.cid.toString())}</div></header>\n<table>\n`
  if (place.segments.length > 0) {
    head += `<tr><td class="name"><a href="${escapeHtml(href(place.segments))}/..">..</a></td><td></td><td></td></tr>\n`
  }
  yield utf8.encode(head)
  let rows = ''
  for await (const link of statLinks(store, dir, options)) {
    const name = link.name
    const cid = link.cid.toString()
    const hashHref = `/ipfs/${cid}?filename=${encodeURIComponent(encodeSegment(name))}`
    rows += `<tr><td class="name"><a href="${escapeHtml(href([...place.segments, name]))}">${escapeHtml(name)}</a></td>` +
      `<td><a class="ipfs-hash" translate="no" href="${escapeHtml(hashHref)}">${escapeHtml(shortCid(cid))}</a></td>` +
      `<td class="size">${escapeHtml(humanSize(link.tsize))}</td></tr>\n`
    if (rows.length > 16384) {
      yield utf8.encode(rows)
      rows = ''
    }
  }
  yield utf8.encode(`${rows}</table>\n</body>\n</html>\n`)
}

function shortCid (cid: string): string {
  return cid.length > 16 ? `${cid.slice(0, 8)}…${cid.slice(-6)}` : cid
}

/** A DAG size for people: `1.2 kB`. */
export function humanSize (bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  const units = ['kB', 'MB', 'GB', 'TB', 'PB']
  let value = bytes
  let unit = -1
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${value.toFixed(1)} ${units[unit] ?? 'PB'}`
}

const STYLE = 'body{font-family:system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}' +
  'header{margin-bottom:1em;word-break:break-all}.ipfs-hash{font-family:monospace;color:#666}' +
  'table{border-collapse:collapse;width:100%}td{padding:.3em .6em;border-bottom:1px solid #eee}' +
  'td.name{word-break:break-all}td.size{text-align:right;white-space:nowrap;color:#666}a{color:#0b7285;text-decoration:none}'
