/**
 * The NodeApi contract: every method and event the UI reaches the node by.
 *
 * This table is the only place a method or event name is spelled. Each
 * method has an input and an output schema (zod), checked at every door:
 * the node validates what a caller sends, a client validates what comes
 * back. Long methods also name the progress they stream; over a transport
 * they carry a request id and can be cancelled. Electron's IPC binding, the
 * daemon's WebSocket bridge and the in-process client all derive their
 * types from here; the renderer imports these types only.
 *
 * Adding a method is one entry here plus its implementation in `impl/`.
 */
import { z } from 'zod'
import * as s from './shapes.ts'
import * as sh from './share-shapes.ts'

/** A method: its input, output and (for long ones) progress schemas. */
export interface MethodSpec {
  input: z.ZodType
  output: z.ZodType
  /** Present on long methods (import, fetch, pin, publish, GC): what their progress events carry. */
  progress?: z.ZodType
}

function method<I extends z.ZodType, O extends z.ZodType> (input: I, output: O): { input: I, output: O } {
  return { input, output }
}

function long<I extends z.ZodType, O extends z.ZodType, P extends z.ZodType> (input: I, output: O, progress: P): { input: I, output: O, progress: P } {
  return { input, output, progress }
}

const none = z.strictObject({})

/** Every method, by `namespace.name`. */
export const methods = {
  'node.info': method(none, s.NodeInfo),

  'files.add': long(s.AddInput, z.strictObject({ entries: z.array(s.AddedEntry) }), s.BytesProgress),
  'files.ls': method(z.strictObject({ path: s.MfsPath.default('/') }), z.strictObject({ entries: z.array(s.FilesEntry) })),
  'files.stat': method(z.strictObject({ path: s.MfsPath }), s.FilesStat),
  'files.mkdir': method(z.strictObject({ path: s.MfsPath, parents: z.boolean().default(false) }), none),
  'files.cp': method(z.strictObject({ from: s.MfsOrIpfsPath, to: s.MfsPath, parents: z.boolean().default(false) }), none),
  'files.mv': method(z.strictObject({ from: s.MfsPath, to: s.MfsPath }), none),
  'files.rm': method(z.strictObject({ path: s.MfsPath, recursive: z.boolean().default(false) }), none),
  'files.fetch': long(z.strictObject({ path: s.IpfsPath }), z.strictObject({ cid: s.Cid, blocks: z.number(), bytes: z.number() }), s.BlocksProgress),
  'files.save': long(z.strictObject({ path: s.MfsOrIpfsPath, to: s.LocalPath }), z.strictObject({ to: z.string() }), s.BlocksProgress),

  'pins.add': long(z.strictObject({ path: s.IpfsPath, name: z.string().max(255).optional() }), z.strictObject({ cid: s.Cid }), s.BlocksProgress),
  'pins.rm': method(z.strictObject({ cid: s.Cid }), none),
  'pins.ls': method(z.strictObject({ type: z.enum(['all', 'direct', 'recursive', 'indirect']).default('all') }), z.strictObject({ pins: z.array(s.PinEntry) })),

  'peers.list': method(none, z.strictObject({ peers: z.array(s.PeerEntry) })),
  'peers.connect': method(z.strictObject({ address: s.Multiaddr }), z.strictObject({ peer: z.string() })),
  'peers.disconnect': method(z.strictObject({ peer: s.PeerIdText }), none),

  'name.publish': long(s.PublishInput, z.strictObject({ name: z.string(), value: z.string() }), z.strictObject({ phase: z.literal('publishing') })),
  'name.resolve': method(z.strictObject({ name: z.string().min(1).max(1024), recursive: z.boolean().default(true) }), z.strictObject({ path: z.string() })),
  'name.keys': method(none, z.strictObject({ keys: z.array(s.KeyEntry) })),
  'name.keyGen': method(z.strictObject({ name: s.KeyName }), s.KeyEntry),

  'dag.get': method(z.strictObject({ path: s.IpfsPath }), s.DagNode),

  'repo.stat': method(none, s.RepoStat),
  'repo.gc': long(none, z.strictObject({ removed: z.number(), bytes: z.number() }), z.strictObject({ removed: z.number(), bytes: z.number() })),

  'config.get': method(z.strictObject({ key: s.ConfigKey.optional() }), z.strictObject({ value: z.unknown() })),
  'config.default': method(z.strictObject({ key: s.ConfigKey }), z.strictObject({ value: z.unknown() })),
  'config.set': method(z.strictObject({ key: s.ConfigKey, value: z.json() }), z.strictObject({ value: z.unknown(), restartNeeded: z.boolean() })),

  'share.self': method(none, sh.ShareSelf),
  'share.configure': method(sh.ShareInputs.configure, sh.ShareSelf),
  'share.devices': method(none, z.strictObject({ devices: z.array(sh.ShareDevice) })),
  'share.addDevice': method(sh.ShareInputs.addDevice, sh.ShareDevice),
  'share.updateDevice': method(sh.ShareInputs.updateDevice, z.strictObject({ device: sh.ShareDevice.optional() })),
  'share.pairStart': method(none, z.strictObject({ code: sh.PairingCode, expiresAt: z.number() })),
  'share.pairCancel': method(none, none),
  'share.pairJoin': long(sh.ShareInputs.pairJoin, sh.ShareDevice, z.strictObject({ phase: z.enum(['finding', 'connecting', 'verifying']) })),
  'share.send': long(sh.SendInput, sh.ShareItem, s.BytesProgress),
  'share.items': method(sh.ShareInputs.items, z.strictObject({ items: z.array(sh.ShareItem) })),
  'share.accept': method(sh.ShareInputs.item, sh.ShareItem),
  'share.decline': method(sh.ShareInputs.item, sh.ShareItem),
  'share.cancel': method(sh.ShareInputs.item, sh.ShareItem),
  'share.remove': method(sh.ShareInputs.item, none),
  'share.reach': method(sh.ShareInputs.reach, sh.Reachability),
  'share.uploads': method(none, z.strictObject({ uploads: z.array(sh.Upload) })),
  'share.links': method(none, sh.ShareLinks),
  'share.linkServer': method(z.strictObject({ enabled: z.boolean() }), sh.ShareLinks),
  'share.linkCreate': method(sh.ShareInputs.linkCreate, sh.ShareLink),
  'share.linkRevoke': method(sh.ShareInputs.link, none)
} as const satisfies Record<string, MethodSpec>

/** Every event the node pushes, by `noun:verb`, with its payload schema. */
export const events = {
  'peer:connected': s.PeerConnected,
  'peer:disconnected': z.strictObject({ peer: z.string() }),
  'peer:discovered': z.strictObject({ peer: z.string(), source: z.string(), addresses: z.array(z.string()) }),
  'peer:identified': z.strictObject({ peer: z.string(), agent: z.string(), protocols: z.array(z.string()), latencyMs: z.number().optional() }),
  'bandwidth:sample': s.BandwidthSample,
  'fetch:progress': z.strictObject({ session: z.number(), blocks: z.number(), bytes: z.number(), peers: z.number() }),
  'provide:progress': z.strictObject({ provided: z.number(), failed: z.number(), total: z.number(), running: z.boolean(), lastRun: z.number() }),
  'repo:collected': z.strictObject({ freed: z.number(), sizeBefore: z.number() }),
  'files:changed': z.strictObject({ root: z.string() }),
  /** A device appeared, changed (name, online, favourite, paired) or was forgotten (`gone`). */
  'share:device': z.strictObject({ device: sh.ShareDevice, gone: z.boolean() }),
  /** A transfer changed: state, progress (at most 4 a second per item), receipt. */
  'share:item': sh.ShareItem,
  /** A device offers us something and waits for an answer (or was auto-accepted). */
  'share:offer': z.strictObject({ item: sh.ShareItem, autoAccepted: z.boolean() }),
  /** The pairing this node started: paired with a device, or the code expired or was used up. */
  'share:pairing': z.strictObject({ state: z.enum(['paired', 'expired', 'failed']), device: sh.ShareDevice.optional() })
} as const satisfies Record<string, z.ZodType>

/** A method's name. */
export type MethodName = keyof typeof methods
/** An event's name. */
export type EventName = keyof typeof events
/** What a caller passes (defaults may be left out). */
export type Input<M extends MethodName> = z.input<(typeof methods)[M]['input']>
/** What a method receives once its input is validated (defaults filled in). */
export type ParsedInput<M extends MethodName> = z.output<(typeof methods)[M]['input']>
/** What a method returns. */
export type Output<M extends MethodName> = z.output<(typeof methods)[M]['output']>
/** What a long method's progress events carry (`never` for short methods). */
export type Progress<M extends MethodName> = (typeof methods)[M] extends { progress: infer P extends z.ZodType } ? z.output<P> : never
/** An event's payload. */
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

/** The method names, for transports that list them. */
export const METHOD_NAMES = Object.keys(methods) as MethodName[]
/** The event names. */
export const EVENT_NAMES = Object.keys(events) as EventName[]

/** True when `name` is a method of the contract. */
export function isMethodName (name: string): name is MethodName {
  return Object.hasOwn(methods, name)
}

/** True when `name` is an event of the contract. */
export function isEventName (name: string): name is EventName {
  return Object.hasOwn(events, name)
}

/** An error as it crosses every door: its class name, message and stable code. */
export interface WireError {
  name: string
  message: string
  code: string
}

/** The schema of a WireError, for clients that receive one. */
export const WireErrorSchema = z.strictObject({ name: z.string().max(200), message: z.string().max(10_000), code: z.string().max(200) })
