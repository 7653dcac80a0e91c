/**
 * What a LAN link shows and serves of its shared item, read from the
 * local store only: the files it holds (for the landing page), the file a
 * path inside it names, and that file's bytes as a download.
 *
 * Paths are walked down from the link's root with the resolver `cat` uses
 * (UnixFS directories and HAMT shards by name), so no path reaches a block
 * outside the shared DAG; a path must end on a UnixFS file (NotAFileError
 * otherwise). A one-file item has one path: its link's name. Downloads are
 * `attachment`s, so shared HTML never runs on the link's origin, and honour
 * a single `Range` (a browser resuming); bytes stream through `cat`, which
 * reads only the blocks the range needs.
 */
import { NotAFileError } from '../unixfs/exporter/errors.ts'
import { cat } from '../unixfs/exporter/cat.ts'
import { ls } from '../unixfs/exporter/ls.ts'
import { resolvePath } from '../unixfs/exporter/resolve.ts'
import { statEntry } from '../unixfs/exporter/stat.ts'
import { sendBody } from './body.ts'
import { contentDisposition, strongEtag } from './headers.ts'
import { typeByName } from './mime.ts'
import { contentRange, parseRange } from './range.ts'
import { securityHeaders } from './lan-link-page.ts'
import type { Listing, ListedFile } from './lan-link-page.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CID } from 'multiformats/cid'

/** Files listed on a landing page at most. */
export const MAX_LISTED = 1000
/** Entries (files, folders, links) looked at for one landing page at most. */
const MAX_VISITED = 10_000
/** Folders deeper than this are not listed. */
const MAX_DEPTH = 32

/** A file found at a path of a shared item. */
export interface SharedFile {
  cid: CID
  size: number
  /** Its name, for the download. */
  name: string
}

/** The files of the item at `root`, shared as `name`. */
export async function listItem (store: Pick<Blockstore, 'get'>, root: CID, name: string, options: AbortOptions = {}): Promise<Listing> {
  const stat = await statEntry(store, root, options)
  if (stat.type === 'file') return { single: true, files: [{ segments: [name], size: stat.size }], totalBytes: stat.size, complete: true }
  if (stat.type === 'symlink') throw new NotAFileError(`${root.toString()} is a symlink`)
  const walked = { files: [] as ListedFile[], visited: 0 }
  const complete = await walk(store, root, [], walked, options)
  return { single: false, files: walked.files, totalBytes: walked.files.reduce((sum, file) => sum + file.size, 0), complete }
}

/** Depth first, in each folder's order; false when it stopped at MAX_LISTED files, MAX_VISITED entries or MAX_DEPTH. */
async function walk (store: Pick<Blockstore, 'get'>, dir: CID, at: string[], walked: { files: ListedFile[], visited: number }, options: AbortOptions): Promise<boolean> {
  if (at.length >= MAX_DEPTH) return false
  for await (const entry of ls(store, dir, { ...options, sort: false })) {
    if (++walked.visited > MAX_VISITED) return false
    if (entry.type === 'file') {
      if (walked.files.length >= MAX_LISTED) return false
      walked.files.push({ segments: [...at, entry.name], size: entry.size })
    } else if (entry.type === 'directory' || entry.type === 'hamt-directory') {
      if (!await walk(store, entry.cid, [...at, entry.name], walked, options)) return false
    }
  }
  return true
}

/** The file at `segments` inside the item at `root` shared as `name`; NotAFileError, PathNotFoundError or BlockNotFoundError when there is none. */
export async function findFile (store: Pick<Blockstore, 'get'>, root: CID, name: string, segments: readonly string[], options: AbortOptions = {}): Promise<SharedFile> {
  const rootStat = await statEntry(store, root, options)
  if (rootStat.type === 'file') {
    if (segments.length !== 1 || segments[0] !== name) throw new NotAFileError('a one-file link serves only its own name')
    return { cid: root, size: rootStat.size, name }
  }
  const { cid, remainder } = await resolvePath(store, { root, segments: [...segments] }, options)
  const stat = remainder.length === 0 ? await statEntry(store, cid, options) : undefined
  if (stat?.type !== 'file') throw new NotAFileError('the path does not name a file of the shared item')
  return { cid, size: stat.size, name: segments.at(-1) ?? name }
}

/** Send `file` as a download (whole, or the range asked); true when its last byte was delivered. */
export async function sendFile (req: IncomingMessage, res: ServerResponse, store: Pick<Blockstore, 'get'>, file: SharedFile, signal: AbortSignal): Promise<boolean> {
  const { size } = file
  const etag = strongEtag(file.cid.toString())
  const ifRange = req.headers['if-range']
  const range = ifRange !== undefined && ifRange !== etag ? { kind: 'none' as const } : parseRange(req.headers.range, size)
  const headers: Record<string, string> = {
    ...securityHeaders(),
    'Content-Type': typeByName(file.name) ?? 'application/octet-stream',
    'Content-Disposition': contentDisposition('attachment', file.name),
    'Accept-Ranges': 'bytes',
    Etag: etag
  }
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` }).end()
    return false
  }
  const start = range.kind === 'range' ? range.range.start : 0
  const end = range.kind === 'range' ? range.range.end + 1 : size
  if (range.kind === 'range') res.writeHead(206, { ...headers, 'Content-Range': contentRange(range.range, size), 'Content-Length': String(end - start) })
  else res.writeHead(200, { ...headers, 'Content-Length': String(size) })
  if (req.method === 'HEAD' || end === start) {
    res.end()
    return req.method !== 'HEAD' && end === size
  }
  await sendBody(res, cat(store, file.cid, { offset: start, length: end - start, signal }))
  return await delivered(res) && end === size
}

/** True once `res` has been handed whole to the connection, false if it was cut first. */
async function delivered (res: ServerResponse): Promise<boolean> {
  if (!res.writableFinished && !res.destroyed) {
    await new Promise<void>((resolve) => {
      res.once('finish', resolve)
      res.once('close', resolve)
    })
  }
  return res.writableFinished
}
