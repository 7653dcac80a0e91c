/**
 * `/api/v0/cat`, `ls`, `block/get`, `dag/get`, `dag/export`: content by
 * CID or path, from the repo or, unless `offline=true`, fetched from peers
 * over Bitswap (one session per request) and kept in the repo.
 */
import { parseCid } from '../../../block/block.ts'
import { exportCar } from '../../../dag/car.ts'
import { dagGet } from '../../../dag/get.ts'
import { parsePath } from '../../../dag/path.ts'
import { catAll } from '../../../unixfs/exporter/cat.ts'
import { ls } from '../../../unixfs/exporter/ls.ts'
import { resolveEntry, resolvePath, unixfsPbLookup } from '../../../unixfs/exporter/resolve.ts'
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
function storeOf (request: RpcRequest): Pick<Blockstore, 'get'> {
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

/** `block/get <cid>` */
export const blockGet: RpcHandler = async (request) => {
  const cid = parseCid(arg(request, 0, 'cid'))
  const bytes = await storeOf(request).get(cid, { signal: request.signal })
  return new BinaryResult((async function * () { yield bytes })())
}

/** `dag/get <path> [output-codec]` */
export const dagGetHandler: RpcHandler = async (request) => {
  const path = parsePath(await ipfsPath(request, arg(request, 0, 'ref')))
  const outputCodec = request.query.get('output-codec') ?? 'dag-json'
  const bytes = await dagGet(storeOf(request), path, { outputCodec, pbLookup: unixfsPbLookup, signal: request.signal })
  return new BinaryResult((async function * () { yield bytes })())
}

/** `dag/export <path>`: the DAG as a CAR stream. */
export const dagExport: RpcHandler = async (request) => {
  const store = storeOf(request)
  const { cid } = await resolvePath(store, parsePath(await ipfsPath(request, arg(request, 0, 'root'))), { signal: request.signal })
  return new BinaryResult(exportCar(store, cid, { signal: request.signal }))
}
