/**
 * Deserialized UnixFS responses: files (with a sniffed Content-Type and
 * single-range requests, reading only the blocks the range needs),
 * symlinks (their target as text), and directories: a 301 to the URL with
 * a trailing `/` first, then `index.html` if the directory has one, else
 * the generated listing.
 */
import * as dagPb from '@ipld/dag-pb'
import * as raw from 'multiformats/codecs/raw'
import { decodeWith } from '../block/codecs.ts'
import { decodeUnixFS } from '../unixfs/format/unixfs-decode.ts'
import { cat } from '../unixfs/exporter/cat.ts'
import { filePartOf } from '../unixfs/exporter/file-part.ts'
import { unixfsPbLookup } from '../unixfs/exporter/resolve.ts'
import { statEntry } from '../unixfs/exporter/stat.ts'
import { sendBody } from './body.ts'
import { LISTING_VERSION, directoryListing } from './dir-listing.ts'
import { GatewayNotImplementedError } from './errors.ts'
import { baseHeaders, requestedDisposition, strongEtag } from './headers.ts'
import { SNIFF_BYTES, sniffType, typeByName } from './mime.ts'
import { contentRange } from './range.ts'
import { contentPath } from './request.ts'
import { answerNotModified, rangeFor } from './serving.ts'
import type { Serving } from './serving.ts'
import type { PBNode } from '@ipld/dag-pb'
import type { CID } from 'multiformats/cid'

/** `Cache-Control` of generated listings: the page may change with the gateway, the content never does. */
const LISTING_CACHE = 'public, max-age=604800, stale-while-revalidate=2678400'

/** Serve the UnixFS entry at the end of the path. */
export async function serveUnixfs (s: Serving): Promise<void> {
  const { cid, bytes } = s.resolved
  if (cid.code === raw.code) {
    await serveFile(s, cid, bytes.byteLength, cid, s.request.segments.at(-1))
    return
  }
  const where = cid.toString()
  const node = decodeWith(dagPb.code, bytes) as PBNode
  const unixfs = decodeUnixFS(node, where)
  switch (unixfs.type) {
    case 'file':
    case 'raw':
      await serveFile(s, cid, filePartOf(node, unixfs, where).size, cid, s.request.segments.at(-1))
      return
    case 'symlink':
      serveSymlink(s, unixfs.data ?? new Uint8Array(0))
      return
    case 'directory':
    case 'hamt-sharded-directory':
      await serveDirectory(s, node)
      return
    default:
      throw new GatewayNotImplementedError(`${where} is a UnixFS ${unixfs.type} node, which the gateway does not serve (use ?format=raw)`)
  }
}

/**
 * Serve the file `cid` of `size` bytes; `etagCid` names the version (a
 * directory served through its index.html is cached under its own CID).
 */
async function serveFile (s: Serving, cid: CID, size: number, etagCid: CID, name: string | undefined): Promise<void> {
  const etag = strongEtag(etagCid.toString())
  const headers = baseHeaders(s.response, etag)
  if (answerNotModified(s, headers, [etag])) return
  const filename = s.request.query.get('filename') ?? undefined
  const range = rangeFor(s, size, etag)
  headers['Content-Type'] = typeByName(filename) ?? typeByName(name) ?? await sniff(s, cid, size, range.kind === 'range')
  headers['Accept-Ranges'] = 'bytes'
  const disposition = requestedDisposition(s.request.query)
  if (disposition !== undefined) headers['Content-Disposition'] = disposition
  if (range.kind === 'unsatisfiable') {
    s.res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` })
    s.res.end()
    return
  }
  let offset = 0
  let length = size
  if (range.kind === 'range') {
    offset = range.range.start
    length = range.range.end - range.range.start + 1
    s.res.writeHead(206, { ...headers, 'Content-Range': contentRange(range.range, size), 'Content-Length': String(length) })
  } else {
    s.res.writeHead(200, { ...headers, 'Content-Length': String(size) })
  }
  if (s.head || length === 0) {
    s.res.end()
    return
  }
  await sendBody(s.res, cat(s.store, cid, { offset, length, signal: s.signal }))
}

/**
 * The type of a file by its first bytes. For a range request, a head that
 * cannot be read (a block missing before the range) falls back to
 * `application/octet-stream` rather than failing a range that can be served.
 */
async function sniff (s: Serving, cid: CID, size: number, forRange: boolean): Promise<string> {
  const want = Math.min(size, SNIFF_BYTES)
  const head = new Uint8Array(want)
  let got = 0
  try {
    for await (const chunk of cat(s.store, cid, { length: want, signal: s.signal })) {
      head.set(chunk.subarray(0, want - got), got)
      got += chunk.byteLength
    }
  } catch (err) {
    if (!forRange || s.signal.aborted) throw err
    return got > 0 ? sniffType(head.subarray(0, got), false) : 'application/octet-stream'
  }
  return sniffType(head.subarray(0, got), got === size)
}

function serveSymlink (s: Serving, target: Uint8Array): void {
  const etag = strongEtag(s.resolved.cid.toString())
  const headers = baseHeaders(s.response, etag)
  if (answerNotModified(s, headers, [etag])) return
  headers['Content-Type'] = 'text/plain; charset=utf-8'
  headers['Content-Length'] = String(target.byteLength)
  s.res.writeHead(200, headers)
  s.res.end(s.head ? undefined : target)
}

async function serveDirectory (s: Serving, node: PBNode): Promise<void> {
  const { request } = s
  if (!request.trailingSlash) {
    const location = contentPath(request.namespace, request.root, request.segments, true) + request.search
    s.res.writeHead(301, { Location: location, 'Content-Type': 'text/plain; charset=utf-8', ...(request.namespace === 'ipfs' ? { 'Cache-Control': 'public, max-age=29030400, immutable' } : {}) })
    s.res.end(s.head ? undefined : `Moved Permanently: ${location}\n`)
    return
  }
  const dirCid = s.resolved.cid
  const index = await unixfsPbLookup(s.store, node, 'index.html', dirCid.toString(), { signal: s.signal })
  if (index !== undefined) {
    const stat = await statEntry(s.store, index.Hash, { signal: s.signal })
    if (stat.type === 'file') {
      await serveFile(s, index.Hash, stat.size, dirCid, 'index.html')
      return
    }
  }
  const etag = strongEtag(`DirIndex-${LISTING_VERSION}_CID-${dirCid.toString()}`)
  const headers = baseHeaders(s.response, etag, s.response.namespace === 'ipfs' ? LISTING_CACHE : undefined)
  if (answerNotModified(s, headers, [etag, strongEtag(dirCid.toString())])) return
  headers['Content-Type'] = 'text/html; charset=utf-8'
  s.res.writeHead(200, headers)
  if (s.head) {
    s.res.end()
    return
  }
  const stat = await statEntry(s.store, dirCid, { signal: s.signal })
  const place = { namespace: request.namespace, root: request.root, segments: request.segments }
  await sendBody(s.res, directoryListing(s.store, stat, place, { signal: s.signal }))
}
