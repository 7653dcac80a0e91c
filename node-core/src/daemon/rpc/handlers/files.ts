/**
 * `/api/v0/files/*`: the Files tree (MFS), in Kubo's shapes: the edits
 * (`mkdir`, `write`, `cp`, `mv`, `rm`, `chcid`) reply with an empty body,
 * as Kubo's do. The functions taking an `Mfs` also answer the CLI when no
 * daemon runs.
 */
import { multipartParts } from '../multipart.ts'
import { BadRequestError } from '../../errors.ts'
import { BinaryResult, arg, emptyReply, flag, intOption } from '../handler.ts'
import type { Mfs, MfsWriteOptions } from '../../../mfs/mfs.ts'
import type { RpcHandler, RpcRequest } from '../handler.ts'

/** Kubo's `files ls` entry types: 0 file, 1 directory. */
export async function filesLs (mfs: Mfs, path: string, long: boolean, sort: boolean): Promise<{ Entries: Array<{ Name: string, Type: number, Size: number, Hash: string }> }> {
  const entries = await mfs.ls(path, { long, sort })
  return { Entries: entries.map((e) => ({ Name: e.name, Type: e.type === 'directory' ? 1 : 0, Size: e.size ?? 0, Hash: long ? e.cid.toString() : '' })) }
}

export async function filesStat (mfs: Mfs, path: string): Promise<{ Hash: string, Size: number, CumulativeSize: number, Blocks: number, Type: string }> {
  const s = await mfs.stat(path)
  return { Hash: s.cid.toString(), Size: s.size, CumulativeSize: s.cumulativeSize, Blocks: s.blocks, Type: s.type }
}

function prefix (request: RpcRequest): { cidVersion?: number, hash?: string } {
  return {
    ...(request.query.has('cid-version') ? { cidVersion: intOption(request, 'cid-version', 0, 0, 1) } : {}),
    ...(request.query.has('hash') ? { hash: request.query.get('hash') ?? '' } : {})
  }
}

/** The bytes of `files write`: the first part of a multipart body, or the raw body. */
async function * writeBody (request: RpcRequest): AsyncIterable<Uint8Array> {
  const body = request.bodyStream
  if (body === undefined) return
  if (/^multipart\/form-data/.test(body.headers['content-type'] ?? '')) {
    for await (const part of multipartParts(body)) {
      yield * part.body
      return
    }
    return
  }
  yield * body as AsyncIterable<Uint8Array>
}

export const filesLsHandler: RpcHandler = async (r) => await filesLs(r.node.mfs, r.args[0] ?? '/', flag(r, 'long'), r.query.get('U') !== 'true')
export const filesStatHandler: RpcHandler = async (r) => await filesStat(r.node.mfs, arg(r, 0, 'path'))
export const filesMkdirHandler: RpcHandler = async (r) => { await r.node.mfs.mkdir(arg(r, 0, 'path'), { parents: flag(r, 'parents'), ...prefix(r) }); return emptyReply() }
export const filesReadHandler: RpcHandler = async (r) => {
  const count = r.query.has('count') ? intOption(r, 'count', 0, 0, Number.MAX_SAFE_INTEGER) : undefined
  return new BinaryResult(await r.node.mfs.read(arg(r, 0, 'path'), { offset: intOption(r, 'offset', 0, 0, Number.MAX_SAFE_INTEGER), ...(count === undefined ? {} : { count }), signal: r.signal }))
}
export const filesWriteHandler: RpcHandler = async (r) => {
  const path = arg(r, 0, 'path')
  const options: MfsWriteOptions = { create: flag(r, 'create'), parents: flag(r, 'parents'), truncate: flag(r, 'truncate'), offset: intOption(r, 'offset', 0, 0, Number.MAX_SAFE_INTEGER), signal: r.signal, ...prefix(r) }
  if (r.query.has('count')) options.count = intOption(r, 'count', 0, 0, Number.MAX_SAFE_INTEGER)
  if (r.query.has('raw-leaves')) options.rawLeaves = flag(r, 'raw-leaves')
  await r.node.mfs.write(path, writeBody(r), options)
  return emptyReply()
}
export const filesCpHandler: RpcHandler = async (r) => {
  const from = arg(r, 0, 'source')
  const source = from.startsWith('/ipns/') ? await r.node.ipns.resolve(from, { signal: r.signal }) : from
  await r.node.mfs.cp(source, arg(r, 1, 'dest'), { parents: flag(r, 'parents'), reader: r.node.bitswap.session(), signal: r.signal })
  return emptyReply()
}
export const filesMvHandler: RpcHandler = async (r) => { await r.node.mfs.mv(arg(r, 0, 'source'), arg(r, 1, 'dest')); return emptyReply() }
export const filesRmHandler: RpcHandler = async (r) => {
  if (r.args.length === 0) throw new BadRequestError('argument "path" is required')
  for (const path of r.args) await r.node.mfs.rm(path, { recursive: flag(r, 'recursive'), force: flag(r, 'force') })
  return emptyReply()
}
export const filesFlushHandler: RpcHandler = async (r) => ({ Cid: (await r.node.mfs.flush(r.args[0] ?? '/')).toString() })
export const filesChcidHandler: RpcHandler = async (r) => { await r.node.mfs.chcid(r.args[0] ?? '/', prefix(r)); return emptyReply() }
