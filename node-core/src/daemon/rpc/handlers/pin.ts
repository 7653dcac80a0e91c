/**
 * `/api/v0/pin/*` and `/api/v0/repo/gc`, in Kubo's shapes. The same
 * functions answer the CLI when no daemon runs (`PinContext` from the repo).
 */
import { parseCid } from '../../../block/block.ts'
import { collectGarbage } from '../../../gc/collect.ts'
import { durable, pinDurably } from '../../../gc/pin-durably.ts'
import { pinLs, pinRm, pinUpdate, pinVerify } from '../../../pin/pinning.ts'
import { resolveEntry } from '../../../unixfs/exporter/resolve.ts'
import { BadRequestError } from '../../errors.ts'
import { arg, flag } from '../handler.ts'
import { ipfsPath } from './content.ts'
import type { ContentTarget, PinContext } from '../../../gc/pin-durably.ts'
import type { PlanetaryNode } from '../../../node.ts'
import type { PinFilter } from '../../../pin/pinning.ts'
import type { RpcHandler, RpcRequest } from '../handler.ts'
import type { CID } from 'multiformats/cid'

/** Where the node writes and keeps content. */
export function contentTarget (node: PlanetaryNode): ContentTarget {
  return { store: node.repo.blockstore, pins: node.pins, lock: node.gcLock }
}

/** The pin context of a request: the repo, read through a Bitswap session unless `offline`. */
export function contextOf (request: RpcRequest): PinContext {
  const node = request.node
  if (flag(request, 'offline')) return { reader: node.repo.blockstore, store: node.repo.blockstore, pins: node.pins, lock: node.gcLock }
  const session = node.bitswap.session()
  return { reader: session, fetched: async () => { await session.stored() }, store: node.repo.blockstore, pins: node.pins, lock: node.gcLock }
}

/** `pin add <path>... [recursive=true] [name]` */
export async function pinAddAll (ctx: PinContext, paths: string[], recursive: boolean, name: string | undefined, signal?: AbortSignal): Promise<{ Pins: string[] }> {
  const pinned: string[] = []
  for (const path of paths) {
    const cid = await resolveEntry(ctx.reader, path, signal === undefined ? {} : { signal })
    await pinDurably(ctx, cid, { recursive, ...(name === undefined ? {} : { name }), ...(signal === undefined ? {} : { signal }) })
    pinned.push(cid.toString())
  }
  return { Pins: pinned }
}

/** `pin rm <cid>... [recursive=true]` */
export async function pinRmAll (ctx: PinContext, cids: string[], recursive: boolean): Promise<{ Pins: string[] }> {
  const removed: string[] = []
  for (const text of cids) {
    const cid = parseCid(text)
    await pinRm(ctx.pins, cid, recursive)
    removed.push(cid.toString())
  }
  return { Pins: removed }
}

const FILTERS = new Set(['all', 'direct', 'recursive', 'indirect'])

/** One pin as Kubo lists it: `Name` only when the pin has one. */
export interface PinLsEntry {
  Type: string
  Name?: string
}

/** `pin ls [type] [<cid>...]`, one pin at a time, as `pin ls --stream` sends them. */
export async function * pinLsEach (ctx: PinContext, type: string, cids: string[]): AsyncIterable<PinLsEntry & { Cid: string }> {
  if (!FILTERS.has(type)) throw new BadRequestError(`pin type must be all, direct, recursive or indirect, got "${type}"`)
  for await (const pin of pinLs(ctx.store, ctx.pins, type as PinFilter, cids.map(parseCid))) {
    yield { Cid: pin.cid.toString(), Type: pin.via !== undefined && cids.length > 0 ? `indirect through ${pin.via.toString()}` : pin.type, ...(pin.name === '' ? {} : { Name: pin.name }) }
  }
}

/** `pin ls [type] [<cid>...]` */
export async function pinLsAll (ctx: PinContext, type: string, cids: string[]): Promise<{ Keys: Record<string, PinLsEntry> }> {
  const keys: Record<string, PinLsEntry> = {}
  for await (const { Cid, ...entry } of pinLsEach(ctx, type, cids)) keys[Cid] = entry
  return { Keys: keys }
}

/** `pin verify`: one line per pin. */
export async function * pinVerifyAll (ctx: PinContext): AsyncIterable<{ Cid: string, Ok: boolean, BadNodes?: Array<{ Cid: string, Err: string }> }> {
  for await (const check of pinVerify(ctx.store, ctx.pins)) {
    yield check.ok ? { Cid: check.cid.toString(), Ok: true } : { Cid: check.cid.toString(), Ok: false, BadNodes: [{ Cid: check.cid.toString(), Err: check.problem ?? '' }] }
  }
}

/** `repo gc`: one line per block removed. */
export async function * gcAll (ctx: PinContext, extraRoots: () => Promise<CID[]>, signal?: AbortSignal): AsyncIterable<{ Key: { '/': string }, Bytes: number }> {
  for await (const removed of collectGarbage({ store: ctx.store, pins: ctx.pins, lock: ctx.lock, extraRoots }, signal === undefined ? {} : { signal })) {
    yield { Key: { '/': removed.cid.toString() }, Bytes: removed.bytes }
  }
}

export const pinAddHandler: RpcHandler = async (request) => {
  arg(request, 0, 'ipfs-path')
  const paths = await Promise.all(request.args.map(async (text) => await ipfsPath(request, text)))
  return await pinAddAll(contextOf(request), paths, request.query.get('recursive') !== 'false', request.query.get('name') ?? undefined, request.signal)
}

export const pinRmHandler: RpcHandler = async (request) => {
  arg(request, 0, 'ipfs-path')
  return await pinRmAll(contextOf(request), request.args, request.query.get('recursive') !== 'false')
}

export const pinLsHandler: RpcHandler = async (request) => {
  const type = request.query.get('type') ?? 'all'
  if (flag(request, 'stream')) return pinLsEach(contextOf(request), type, request.args)
  return await pinLsAll(contextOf(request), type, request.args)
}

export const pinVerifyHandler: RpcHandler = async (request) => pinVerifyAll(contextOf(request))

export const pinUpdateHandler: RpcHandler = async (request) => {
  const ctx = contextOf(request)
  const from = parseCid(arg(request, 0, 'from-path'))
  const to = await resolveEntry(ctx.reader, arg(request, 1, 'to-path'), { signal: request.signal })
  await ctx.lock.withShared(async () => { await pinUpdate(ctx.reader, ctx.pins, from, to, request.query.get('unpin') !== 'false', { signal: request.signal, beforeRecord: async () => { await durable(ctx) } }) })
  return { Pins: [from.toString(), to.toString()] }
}

export const repoGcHandler: RpcHandler = async (request) => gcAll(contextOf(request), async () => [await request.node.mfs.root()], request.signal)
