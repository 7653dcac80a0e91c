/**
 * Devices: the peers that speak the share protocol and are reached over a
 * private network (found by mDNS or the LAN DHT, then connected), plus the
 * ones added by address or paired by code, which are kept across restarts
 * (with favourite, paired and auto-accept) and dialled again while offline.
 *
 * A peer becomes a device when identify shows it speaks the protocol; the
 * two then exchange hellos (name, OS, app version). A peer on a public
 * address that was never paired or added is not shown.
 */
import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { z } from 'zod'
import { ipOf, isLanIp, isRelayed } from '../network/address-scope.ts'
import { AmbiguousDeviceError, AutoAcceptNotAllowedError, DeviceUnreachableError, UnknownDeviceError } from './errors.ts'
import { SHARE_PROTOCOL } from './limits.ts'
import { DeviceHello } from './messages.ts'
import type { AbortOptions } from '../abort.ts'
import type { DiscoverySources } from '../network/discovery.ts'
import type { Host } from '../network/host.ts'
import type { RecordStore } from '../repo/records.ts'
import type { Hello, Reply, RequestBody } from './messages.ts'
import type { Connection, IdentifyResult, PeerId } from '@libp2p/interface'

/** A device as the API shows it. */
export interface Device {
  peer: string
  name: string
  os: string
  appVersion: string
  online: boolean
  lan: boolean
  addresses: string[]
  source: 'mdns' | 'dht' | 'manual' | 'paired' | 'connected'
  favourite: boolean
  paired: boolean
  autoAccept: boolean
  lastSeen: number
}

/** What is kept of a device across restarts. */
const Kept = z.strictObject({
  peer: z.string().max(200),
  hello: DeviceHello.optional(),
  addresses: z.array(z.string().max(1024)).max(32),
  manual: z.boolean(),
  favourite: z.boolean(),
  paired: z.boolean(),
  autoAccept: z.boolean(),
  lastSeen: z.number()
})
type Kept = z.infer<typeof Kept>

interface Known extends Kept {
  source: Device['source']
  online: boolean
  lan: boolean
}

/** What the devices list needs. */
export interface DevicesInit {
  host: Host
  sources: DiscoverySources
  records: RecordStore
  /** Send a request to a peer (the share wire). */
  request(peer: PeerId, body: RequestBody, options?: AbortOptions): Promise<Exclude<Reply, { type: 'error' }>>
  /** This device's hello. */
  hello(): Hello
  /** A device appeared, changed or was forgotten. */
  onChange(device: Device, gone: boolean): void
  /** A device came online (transfers waiting for it resume). */
  onOnline(peer: string): void
}

const REDIAL_MS = 30_000

/** The devices this node knows. */
export class Devices {
  readonly #init: DevicesInit
  readonly #known = new Map<string, Known>()
  readonly #hellos = new Map<string, Promise<void>>()
  #timer: NodeJS.Timeout | undefined

  constructor (init: DevicesInit) {
    this.#init = init
  }

  async start (): Promise<void> {
    for (const name of await this.#init.records.names()) {
      const bytes = await this.#init.records.get(name)
      if (bytes === undefined) continue
      const parsed = Kept.safeParse(safeJson(bytes))
      if (!parsed.success || parsed.data.peer !== name) continue
      this.#known.set(name, { ...parsed.data, source: parsed.data.paired ? 'paired' : 'manual', online: false, lan: false })
    }
    this.#init.host.addEventListener('peer:identify', this.#onIdentify)
    this.#init.host.addEventListener('peer:disconnect', this.#onDisconnect)
    for (const connection of this.#init.host.getConnections()) void this.#consider(connection.remotePeer)
    this.#timer = setInterval(() => { this.#redial() }, REDIAL_MS)
    this.#timer.unref()
    this.#redial()
  }

  stop (): void {
    clearInterval(this.#timer)
    this.#init.host.removeEventListener('peer:identify', this.#onIdentify)
    this.#init.host.removeEventListener('peer:disconnect', this.#onDisconnect)
  }

  /** Every device shown: LAN peers speaking the protocol, and the kept ones. */
  list (): Device[] {
    return [...this.#known.values()].map(toDevice).sort((a, b) => Number(b.favourite) - Number(a.favourite) || a.name.localeCompare(b.name))
  }

  get (peer: string): Device | undefined {
    const known = this.#known.get(peer)
    return known === undefined ? undefined : toDevice(known)
  }

  /** The peer a `to` names: a peer ID, or the name of exactly one device (case-insensitive). */
  resolve (to: string): PeerId {
    if (this.#known.has(to)) return peerIdFromString(to)
    const named = this.list().filter((d) => d.name.toLowerCase() === to.toLowerCase())
    if (named.length > 1) throw new AmbiguousDeviceError(`${named.length} devices are called ${JSON.stringify(to)}; give the peer ID (${named.map((d) => d.peer).join(', ')})`)
    const [one] = named
    if (one !== undefined) return peerIdFromString(one.peer)
    try {
      return peerIdFromString(to)
    } catch {
      throw new UnknownDeviceError(`no device is called ${JSON.stringify(to.slice(0, 100))}`)
    }
  }

  /** Add a device by address (a multiaddr with or without /p2p/): dial it, exchange hellos, keep it. */
  async add (address: string, options: AbortOptions = {}): Promise<Device> {
    let ma
    try {
      ma = multiaddr(address)
    } catch (err) {
      throw new DeviceUnreachableError(`${address.slice(0, 200)} is not a valid address: ${(err as Error).message}`)
    }
    let connection: Connection
    try {
      connection = await this.#init.host.dial(ma, { signal: AbortSignal.any([AbortSignal.timeout(15_000), ...(options.signal === undefined ? [] : [options.signal])]) })
    } catch (err) {
      options.signal?.throwIfAborted()
      throw new DeviceUnreachableError(`nothing answered at ${address.slice(0, 200)} (${(err as Error).message})`)
    }
    const peer = connection.remotePeer.toString()
    await this.#greet(connection.remotePeer, options)
    const known = this.#known.get(peer)
    if (known === undefined) throw new DeviceUnreachableError(`${peer} does not speak the share protocol`)
    known.manual = true
    known.addresses = unique([address.replace(/\/p2p\/[^/]+$/, ''), ...known.addresses])
    await this.#keep(known)
    return toDevice(known)
  }

  /** Change a device's favourite or auto-accept, or forget it. */
  async update (peer: string, change: { favourite?: boolean | undefined, autoAccept?: boolean | undefined, forget?: boolean | undefined }): Promise<Device | undefined> {
    const known = this.#known.get(peer)
    if (known === undefined) throw new UnknownDeviceError(`no device has the peer ID ${peer}`)
    if (change.forget === true) {
      this.#known.delete(peer)
      await this.#init.records.delete(peer)
      this.#init.onChange({ ...toDevice(known), favourite: false, paired: false, autoAccept: false }, true)
      return undefined
    }
    if (change.favourite !== undefined) known.favourite = change.favourite
    if (change.autoAccept !== undefined) {
      if (change.autoAccept && !(known.paired && known.favourite)) throw new AutoAcceptNotAllowedError('only a paired favourite may be auto-accepted: pair with it by code and star it first')
      known.autoAccept = change.autoAccept
    }
    if (!known.favourite) known.autoAccept = false
    await this.#keep(known)
    return toDevice(known)
  }

  /** Whether offers from `peer` are accepted without asking. */
  autoAccepts (peer: string): boolean {
    const known = this.#known.get(peer)
    return known !== undefined && known.paired && known.favourite && known.autoAccept
  }

  /** A device told us about itself (its hello, in a hello, offer or pairing). */
  learned (peer: PeerId, hello: Hello, connection?: Connection): void {
    const key = peer.toString()
    const known = this.#known.get(key) ?? this.#fresh(key)
    known.hello = hello
    known.online = true
    known.lastSeen = Date.now()
    if (connection !== undefined) this.#noteConnection(known, connection)
    this.#known.set(key, known)
    if (known.paired || known.manual) void this.#keep(known).catch(() => {})
    this.#init.onChange(toDevice(known), false)
  }

  /** Paired by code: kept, shown as paired. */
  async paired (peer: PeerId, hello: Hello, connection?: Connection): Promise<Device> {
    this.learned(peer, hello, connection)
    const known = this.#known.get(peer.toString())
    if (known === undefined) throw new UnknownDeviceError(`no device has the peer ID ${peer.toString()}`)
    known.paired = true
    known.source = 'paired'
    await this.#keep(known)
    return toDevice(known)
  }

  /** The name to show for `peer`. */
  nameOf (peer: string): string {
    return this.get(peer)?.name ?? shortPeer(peer)
  }

  readonly #onIdentify = (event: CustomEvent<IdentifyResult>): void => {
    if (event.detail.protocols.includes(SHARE_PROTOCOL)) void this.#consider(event.detail.peerId)
  }

  readonly #onDisconnect = (event: CustomEvent<PeerId>): void => {
    const known = this.#known.get(event.detail.toString())
    if (known === undefined || !known.online) return
    known.online = false
    this.#init.onChange(toDevice(known), false)
  }

  /** A connected peer that speaks the protocol: a device if it is on the LAN or kept. */
  async #consider (peer: PeerId): Promise<void> {
    const key = peer.toString()
    const connections = this.#init.host.getConnections(peer)
    const lan = connections.some((c) => isLanConnection(c))
    if (!lan && !this.#known.has(key)) return
    const speaks = await this.#init.host.peerStore.get(peer).then((p) => p.protocols.includes(SHARE_PROTOCOL), () => false)
    if (!speaks) return
    await this.#greet(peer, {}).catch(() => {})
  }

  /** Exchange hellos with `peer` (once at a time): DeviceUnreachableError if it cannot be reached or does not speak the protocol. */
  async greet (peer: PeerId, options: AbortOptions = {}): Promise<void> {
    await this.#greet(peer, options)
  }

  async #greet (peer: PeerId, options: AbortOptions): Promise<void> {
    const key = peer.toString()
    let greeting = this.#hellos.get(key)
    if (greeting === undefined) {
      greeting = (async () => {
        const reply = await this.#init.request(peer, { type: 'hello', device: this.#init.hello() }, options)
        if (reply.type !== 'hello') throw new DeviceUnreachableError(`${key} answered a hello with ${reply.type}`)
        const connection = this.#init.host.getConnections(peer)[0]
        this.learned(peer, reply.device, connection)
        this.#init.onOnline(key)
      })().finally(() => { this.#hellos.delete(key) })
      this.#hellos.set(key, greeting)
    }
    await greeting
  }

  #fresh (peer: string): Known {
    const source = this.#init.sources.sourceOf(peer)
    return { peer, addresses: [], manual: false, favourite: false, paired: false, autoAccept: false, lastSeen: Date.now(), source: source === 'mdns' ? 'mdns' : source === 'dht' ? 'dht' : 'connected', online: true, lan: false }
  }

  #noteConnection (known: Known, connection: Connection): void {
    const address = connection.remoteAddr.toString()
    known.lan = isLanConnection(connection)
    if (!isRelayed(address)) known.addresses = unique([address, ...known.addresses]).slice(0, 8)
  }

  /** Dial kept devices that are offline, at the addresses they were last reached at. */
  #redial (): void {
    for (const known of this.#known.values()) {
      if (known.online || (!known.paired && !known.manual)) continue
      const peer = peerIdFromString(known.peer)
      void (async () => {
        if (this.#init.host.getConnections(peer).length === 0) {
          const addresses = known.addresses.map((a) => { try { return multiaddr(a) } catch { return undefined } }).filter((a) => a !== undefined)
          if (addresses.length > 0) await this.#init.host.peerStore.merge(peer, { multiaddrs: addresses })
          await this.#init.host.dial(peer, { signal: AbortSignal.timeout(10_000) })
        }
        await this.#greet(peer, {})
      })().catch(() => {})
    }
  }

  async #keep (known: Known): Promise<void> {
    const kept: Kept = { peer: known.peer, addresses: known.addresses, manual: known.manual, favourite: known.favourite, paired: known.paired, autoAccept: known.autoAccept, lastSeen: known.lastSeen, ...(known.hello === undefined ? {} : { hello: known.hello }) }
    await this.#init.records.put(known.peer, JSON.stringify(kept))
    this.#init.onChange(toDevice(known), false)
  }
}

function toDevice (known: Known): Device {
  return {
    peer: known.peer,
    name: known.hello?.name ?? shortPeer(known.peer),
    os: known.hello?.os ?? '',
    appVersion: known.hello?.appVersion ?? '',
    online: known.online,
    lan: known.lan,
    addresses: [...known.addresses],
    source: known.paired ? 'paired' : known.manual ? 'manual' : known.source,
    favourite: known.favourite,
    paired: known.paired,
    autoAccept: known.autoAccept,
    lastSeen: known.lastSeen
  }
}

/** Whether `connection` reaches its peer over a private network, not through a relay. */
export function isLanConnection (connection: Connection): boolean {
  const address = connection.remoteAddr.toString()
  const ip = ipOf(address)
  return ip !== undefined && isLanIp(ip) && !isRelayed(address)
}

function shortPeer (peer: string): string {
  return `…${peer.slice(-8)}`
}

function unique (list: string[]): string[] {
  return [...new Set(list)]
}

function safeJson (bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return undefined
  }
}
