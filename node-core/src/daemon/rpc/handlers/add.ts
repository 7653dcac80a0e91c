/**
 * `/api/v0/add`: Kubo's multipart upload, streamed. Each part is a file
 * (`application/octet-stream`), a directory (`application/x-directory`) or
 * a symlink (`application/symlink`, the target as body), its path the
 * URL-escaped `filename`; `mode`, `mtime` and `mtime-nsecs` part headers
 * carry metadata as Kubo's clients send it. The add runs under the shared
 * GC lock until its roots are durable and pinned, then they are announced.
 * Replies are Kubo's NDJSON: `{Name, Hash, Size}` per entry, `{Name, Bytes}`
 * progress lines when asked. With `to-files`, the roots are also placed in
 * the Files tree before the lock is let go (add-to-files.ts).
 */
import { multipartParts } from '../multipart.ts'
import { writeAndPin } from '../../../gc/pin-durably.ts'
import { addEntries } from '../../../unixfs/importer/add-entries.ts'
import { resolveImporterOptions } from '../../../unixfs/importer/resolve-options.ts'
import { BadRequestError } from '../../errors.ts'
import { flag, intOption } from '../handler.ts'
import { contentTarget } from './pin.ts'
import { checkToFiles, parseToFiles, placeInFiles } from './add-to-files.ts'
import type { AddOptions } from '../../../unixfs/importer/add-paths.ts'
import type { TreeEntry } from '../../../unixfs/importer/add-entries.ts'
import type { EntryMeta } from '../../../unixfs/importer/file-node.ts'
import type { RpcHandler, RpcRequest } from '../handler.ts'
import type { IncomingHttpHeaders } from 'node:http'

/** Placeholder path of a part without a filename (piped content): printed as its CID. */
const ANONYMOUS = '\u0001piped-'

function optionalFlag (request: RpcRequest, name: string): boolean | undefined {
  return request.query.has(name) ? flag(request, name) : undefined
}

function headerOf (headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

function metaOf (headers: IncomingHttpHeaders): EntryMeta {
  const meta: EntryMeta = {}
  const mode = headerOf(headers, 'mode')
  if (mode !== undefined) {
    if (!/^0?[0-7]{1,4}$/.test(mode)) throw new BadRequestError(`part header mode must be octal, got "${mode.slice(0, 20)}"`)
    meta.mode = Number.parseInt(mode, 8)
  }
  const mtime = headerOf(headers, 'mtime')
  if (mtime !== undefined) {
    if (!/^-?\d{1,15}$/.test(mtime)) throw new BadRequestError(`part header mtime must be whole seconds, got "${mtime.slice(0, 20)}"`)
    const nsecs = Number(headerOf(headers, 'mtime-nsecs') ?? 0)
    if (!Number.isInteger(nsecs) || nsecs < 0 || nsecs > 999_999_999) throw new BadRequestError('part header mtime-nsecs must be below 1000000000')
    meta.mtime = { secs: Number(mtime), nsecs }
  }
  return meta
}

/** The entries of a multipart body, one per part, each consumed before the next is read. */
async function * partsOf (request: RpcRequest): AsyncIterable<TreeEntry> {
  const body = request.bodyStream
  if (body === undefined || !/^multipart\/form-data/.test(body.headers['content-type'] ?? '')) throw new BadRequestError('add needs a multipart/form-data body')
  let anonymous = 0
  for await (const part of multipartParts(body)) {
    const disposition = headerOf(part.headers, 'content-disposition') ?? ''
    const encoded = /filename="([^"]*)"/.exec(disposition)?.[1]
    let path: string
    try {
      path = encoded === undefined || encoded === '' ? '' : decodeURIComponent(encoded)
    } catch {
      throw new BadRequestError(`part filename "${encoded?.slice(0, 100) ?? ''}" is not URL-encoded`)
    }
    const type = headerOf(part.headers, 'content-type') ?? 'application/octet-stream'
    const meta = metaOf(part.headers)
    if (type === 'application/x-directory') {
      for await (const chunk of part.body) void chunk
      yield { kind: 'dir', path, meta }
    } else if (type === 'application/symlink') {
      const target: Buffer[] = []
      let size = 0
      for await (const chunk of part.body) {
        size += chunk.byteLength
        if (size > 4096) throw new BadRequestError('a symlink target is at most 4096 bytes')
        target.push(Buffer.from(chunk))
      }
      yield { kind: 'symlink', path, target: Buffer.concat(target).toString(), meta }
    } else {
      yield { kind: 'file', path: path === '' ? `${ANONYMOUS}${anonymous++}` : path, content: part.body, meta }
    }
  }
}

export const add: RpcHandler = async (request) => {
  const node = request.node
  const importer = resolveImporterOptions(node.repo.config.Import, {
    ...(request.query.has('cid-version') ? { cidVersion: intOption(request, 'cid-version', 0, 0, 1) } : {}),
    ...(request.query.has('raw-leaves') ? { rawLeaves: flag(request, 'raw-leaves') } : {}),
    ...(request.query.has('hash') ? { hash: request.query.get('hash') ?? '' } : {}),
    ...(request.query.has('chunker') ? { chunker: request.query.get('chunker') ?? '' } : {}),
    ...(request.query.has('trickle') ? { trickle: flag(request, 'trickle') } : {}),
    ...(request.query.has('max-file-links') ? { maxFileLinks: intOption(request, 'max-file-links', 174, 2, 65536) } : {}),
    ...(request.query.has('inline') ? { inline: flag(request, 'inline') } : {}),
    ...(request.query.has('inline-limit') ? { inlineLimit: intOption(request, 'inline-limit', 32, 1, 127) } : {})
  })
  const onlyHash = flag(request, 'only-hash')
  const pin = optionalFlag(request, 'pin') ?? true
  const progress = flag(request, 'progress')
  const wrap = flag(request, 'wrap-with-directory')
  const toFilesText = request.query.get('to-files')
  const toFiles = toFilesText === null ? undefined : parseToFiles(toFilesText)
  if (toFiles !== undefined) {
    if (onlyHash) throw new BadRequestError('only-hash and to-files options are not compatible')
    if (wrap) throw new BadRequestError('wrap-with-directory and to-files options are not compatible')
    await checkToFiles(node.mfs, toFiles)
  }
  const options: AddOptions = { wrap, signal: request.signal }
  const lines: unknown[] = []
  let wake: (() => void) | undefined
  const push = (line: unknown): void => {
    lines.push(line)
    wake?.()
  }
  let total = 0
  if (progress) options.onBytes = (n) => { total += n; push({ Name: '', Bytes: total }) }
  options.onEntry = (entry) => { push({ Name: entry.path.startsWith(ANONYMOUS) || entry.path === '' ? entry.cid.toString() : entry.path, Hash: entry.cid.toString(), Size: String(entry.dagSize) }) }
  const work = onlyHash
    ? addEntries({ put: async () => {} }, partsOf(request), importer, options)
    : writeAndPin(contentTarget(node), async () => {
      const roots = await addEntries(node.repo.blockstore, partsOf(request), importer, options)
      if (toFiles !== undefined) {
        await node.repo.blockstore.sync()
        // The upload is whole here: its placement is not cut short by the client going away, so the tree gets every root or (refused) none.
        await placeInFiles(node.mfs, roots, toFiles, (path) => path.startsWith(ANONYMOUS))
      }
      return roots
    }, pin).then((roots) => {
      void node.reprovider.provide(roots.map((r) => r.cid), pin).catch(() => {})
    })
  let done = false
  let failure: unknown
  work.then(() => { done = true; wake?.() }, (err: unknown) => { failure = err; done = true; wake?.() })
  return (async function * () {
    while (true) {
      while (lines.length > 0) yield lines.shift()
      if (done) break
      await new Promise<void>((resolve) => { wake = resolve })
      wake = undefined
    }
    if (failure !== undefined) throw failure
  })()
}
