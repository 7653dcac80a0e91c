/**
 * `/api/v0/key/*` and `/api/v0/name/*`, in Kubo's shapes. The functions
 * taking a `NamingContext` also answer the CLI when no daemon runs.
 */
import { parseCid } from '../../../block/block.ts'
import { durationMs } from '../../../repo/config/duration.ts'
import { BadRequestError } from '../../errors.ts'
import { BinaryResult, arg, flag, intOption } from '../handler.ts'
import type { Ipns } from '../../../naming/ipns.ts'
import type { KeyType, Keystore } from '../../../naming/keystore.ts'
import type { RpcHandler } from '../handler.ts'

/** Keys and names: a node's, or an offline repo's. */
export interface NamingContext {
  keys: Keystore
  ipns: Ipns
}

const KEY_TYPES = new Set(['ed25519', 'rsa', 'secp256k1'])

/** A Kubo duration (`48h`, `5m`, `30s`, `500ms`); BadRequestError otherwise. */
export function parseDuration (text: string | null, what: string): number | undefined {
  if (text === null || text === '') return undefined
  const ms = durationMs(text)
  if (ms <= 0) throw new BadRequestError(`${what} must be a duration like 48h, 5m or 30s, got "${text.slice(0, 50)}"`)
  return ms
}

export async function keyGen (ctx: NamingContext, name: string, type: string, size: number): Promise<{ Name: string, Id: string }> {
  if (!KEY_TYPES.has(type)) throw new BadRequestError(`key type must be ed25519, rsa or secp256k1, got "${type}"`)
  const info = await ctx.keys.gen(name, type as KeyType, size)
  return { Name: info.name, Id: info.id }
}

export async function keyList (ctx: NamingContext): Promise<{ Keys: Array<{ Name: string, Id: string }> }> {
  return { Keys: (await ctx.keys.list()).map((k) => ({ Name: k.name, Id: k.id })) }
}

/** A path as given, or a bare CID (and what follows it) as an /ipfs/ path: Kubo's PathOrCidPath. */
function pathOrCidPath (text: string): string {
  if (text.startsWith('/')) return text
  try {
    parseCid(text.split('/')[0] ?? '')
    return `/ipfs/${text}`
  } catch {
    return text
  }
}

export async function namePublish (ctx: NamingContext, path: string, key: string, lifetime: string | null, ttl: string | null, allowOffline: boolean): Promise<{ Name: string, Value: string }> {
  const lifetimeMs = parseDuration(lifetime, 'lifetime')
  const ttlMs = parseDuration(ttl, 'ttl')
  const published = await ctx.ipns.publish(pathOrCidPath(path), { key, allowOffline, ...(lifetimeMs === undefined ? {} : { lifetimeMs }), ...(ttlMs === undefined ? {} : { ttlMs }) })
  return { Name: published.name, Value: published.value }
}

export const keyGenHandler: RpcHandler = async (r) => await keyGen(r.node, arg(r, 0, 'name'), r.query.get('type') ?? 'ed25519', intOption(r, 'size', 2048, 2048, 4096))
export const keyListHandler: RpcHandler = async (r) => await keyList(r.node)
export const keyRmHandler: RpcHandler = async (r) => {
  const removed = []
  for (const name of r.args) removed.push(await r.node.keys.rm(name))
  if (removed.length === 0) arg(r, 0, 'name')
  return { Keys: removed.map((k) => ({ Name: k.name, Id: k.id })) }
}
export const keyRenameHandler: RpcHandler = async (r) => {
  const from = arg(r, 0, 'old name')
  const info = await r.node.keys.rename(from, arg(r, 1, 'new name'), flag(r, 'force'))
  return { Was: from, Now: info.name, Id: info.id, Overwrite: flag(r, 'force') }
}
export const keyExportHandler: RpcHandler = async (r) => {
  const bytes = await r.node.keys.export(arg(r, 0, 'name'))
  return new BinaryResult((async function * () { yield bytes })())
}
export const keyImportHandler: RpcHandler = async (r) => {
  if (r.body.byteLength === 0) throw new BadRequestError('key import needs the key file as the request body')
  const info = await r.node.keys.import(arg(r, 0, 'name'), r.body)
  return { Name: info.name, Id: info.id }
}
export const namePublishHandler: RpcHandler = async (r) => await namePublish(r.node, arg(r, 0, 'ipfs-path'), r.query.get('key') ?? 'self', r.query.get('lifetime'), r.query.get('ttl'), flag(r, 'allow-offline'))
export const nameResolveHandler: RpcHandler = async (r) => {
  const name = r.args[0] ?? `/ipns/${r.node.host.peerId.toString()}`
  return { Path: await r.node.ipns.resolve(name, { recursive: r.query.get('recursive') !== 'false', nocache: flag(r, 'nocache'), signal: r.signal }) }
}
