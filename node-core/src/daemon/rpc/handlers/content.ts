/**
 * `/api/v0/cat`, `ls`, `get`: UnixFS content by CID or path, from the repo
 * or, unless `offline=true`, fetched from peers over Bitswap (one session
 * per request) and kept in the repo. `get` streams a tar archive, as Kubo
 * does, gzipped with `compress` (a lone file without `archive` is gzipped
 * bare).
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { cat as catFile, catAll } from '../../../unixfs/exporter/cat.ts'
import { ls } from '../../../unixfs/exporter/ls.ts'
import { resolveEntry } from '../../../unixfs/exporter/resolve.ts'
import { statEntry } from '../../../unixfs/exporter/stat.ts'
import { tarArchive } from '../../../unixfs/exporter/tar.ts'
import { BadRequestError } from '../../errors.ts'
import { BinaryResult, arg, flag, intOption } from '../handler.ts'
import type { Blockstore } from '../../../block/blockstore.ts'
import type { RpcHandler, RpcRequest } from '../handler.ts'

/** Kubo's `ls` JSON. */
export interface LsOutput {
  Objects: Array<{ Hash: string, Links: Array<{ Name: string, Hash: string, Size: number, Type: number, Target: string }> }>
}

/** Kubo's UnixFS type numbers in `ls`: 1 directory, 2 file, 4 symlink. */
function lsType (type: string): number {
  if (type === 'directory' || type === 'hamt-directory') return 1
  return type === 'symlink' ? 4 : 2
}

/** The `ls` listing of `paths` from `store`. */
export async function listing (store: Pick<Blockstore, 'get'>, paths: string[], signal?: AbortSignal): Promise<LsOutput> {
  const out: LsOutput = { Objects: [] }
  for (const text of paths) {
    const cid = await resolveEntry(store, text, signal === undefined ? {} : { signal })
    const links = []
    for await (const e of ls(store, cid, signal === undefined ? {} : { signal })) {
      links.push({ Name: e.name, Hash: e.cid.toString(), Size: e.size, Type: lsType(e.type), Target: e.target ?? '' })
    }
    out.Objects.push({ Hash: text, Links: links })
  }
  return out
}

/** `text` with any `/ipns/` name resolved to an `/ipfs/` path (DNSLink too). */
export async function ipfsPath (request: RpcRequest, text: string): Promise<string> {
  return text.startsWith('/ipns/') ? await request.node.ipns.resolve(text, { signal: request.signal }) : text
}

/** Where a request's blocks come from: the repo, or the repo then peers. */
export function storeOf (request: RpcRequest): Pick<Blockstore, 'get'> {
  if (flag(request, 'offline')) return request.node.repo.blockstore
  return request.node.bitswap.session()
}

/** `cat <path>... [offset] [length]` */
export const cat: RpcHandler = async (request) => {
  if (request.args.length === 0) arg(request, 0, 'ipfs-path')
  const store = storeOf(request)
  const offset = intOption(request, 'offset', 0, 0, Number.MAX_SAFE_INTEGER)
  const length = intOption(request, 'length', Number.MAX_SAFE_INTEGER, 0, Number.MAX_SAFE_INTEGER)
  const cids = []
  for (const text of request.args) cids.push(await resolveEntry(store, await ipfsPath(request, text), { signal: request.signal }))
  return new BinaryResult(catAll(store, cids, { offset, length, signal: request.signal }))
}

/** `ls <path>...` */
export const lsHandler: RpcHandler = async (request) => {
  if (request.args.length === 0) arg(request, 0, 'ipfs-path')
  const paths = await Promise.all(request.args.map(async (text) => await ipfsPath(request, text)))
  return await listing(storeOf(request), paths, request.signal)
}

/** `get <path> [archive] [compress] [compression-level]`: the entry as a tar stream named after the path's last segment. */
export const get: RpcHandler = async (request) => {
  const given = arg(request, 0, 'ipfs-path')
  const text = await ipfsPath(request, given)
  const compress = flag(request, 'compress')
  const level = intOption(request, 'compression-level', -1, -1, 9)
  if (compress && level === 0) throw new BadRequestError('compression-level must be from 1 to 9')
  const store = storeOf(request)
  const cid = await resolveEntry(store, text, { signal: request.signal })
  const name = given.replace(/\/+$/, '').split('/').pop() ?? cid.toString()
  const bare = compress && !flag(request, 'archive') && (await statEntry(store, cid, { signal: request.signal })).type === 'file'
  const bytes = bare ? catFile(store, cid, { signal: request.signal }) : tarArchive(store, cid, name, { signal: request.signal })
  if (!compress) return new BinaryResult(bytes)
  const gzip = createGzip({ level })
  // an error of the source destroys the gzip stream with it, so the reply ends in that error
  pipeline(Readable.from(bytes), gzip).catch(() => {})
  return new BinaryResult(gzip as AsyncIterable<Uint8Array>)
}
