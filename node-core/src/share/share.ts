/**
 * Sharing with devices on the LAN: the service behind the `share` API.
 *
 * Sending imports (or takes) the content, keeps it (pinned, or in Files),
 * lists it and offers it to a device. Receiving records an offer, asks the
 * user (or auto-accepts a paired favourite), then fetches the DAG over
 * Bitswap from the sender and every other peer that has the blocks, checks
 * it against the offer, saves it into the inbox folder and `/Inbox`, and
 * sends a receipt signed with this node's key. A transfer that loses its
 * sender pauses and resumes when the sender is back, with the blocks it has
 * already verified kept (by GC too) and not fetched again (the runs are
 * `receive.ts`).
 */
import { basename } from 'node:path'
import { peerIdFromString } from '@libp2p/peer-id'
import { CID } from 'multiformats/cid'
import { writeAndPin } from '../gc/pin-durably.ts'
import { addSources } from '../unixfs/importer/add-paths.ts'
import { resolveImporterOptions } from '../unixfs/importer/resolve-options.ts'
import { deviceHello, inboxFolder } from './device-info.ts'
import { Devices, isLanConnection } from './devices.ts'
import { ContentNotLocalError, ItemStateError, ShareMessageError, ShareRateLimitError, ShareReplayError, UnknownItemError } from './errors.ts'
import { MessageGuard } from './guard.ts'
import { newId } from './ids.ts'
import { Items, errorOf } from './items.ts'
import { MAX_MESSAGE_BYTES, OFFER_TTL_MS, SHARE_PROTOCOL, WAITING_OFFERS, WAITING_OFFERS_PER_PEER } from './limits.ts'
import { listItem } from './listing.ts'
import { safeRelativePath, safeSegment } from './names.ts'
import { Pairing } from './pairing.ts'
import { verifyReceipt } from './receipt.ts'
import { Receiver } from './receive.ts'
import { request, serveStream } from './wire.ts'
import type { AbortOptions } from '../abort.ts'
import type { Bitswap } from '../exchange/bitswap.ts'
import type { GcLock } from '../gc/lock.ts'
import type { Mfs } from '../mfs/mfs.ts'
import type { DiscoverySources } from '../network/discovery.ts'
import type { Host } from '../network/host.ts'
import type { PinSet } from '../pin/pins.ts'
import type { Repo } from '../repo/repo.ts'
import type { Device } from './devices.ts'
import type { Item } from './items.ts'
import type { Hello, Reply, Request, RequestBody } from './messages.ts'
import type { Listing } from './listing.ts'
import type { Connection, PeerId, PrivateKey } from '@libp2p/interface'

/** An item as the API shows it. */
export type PublicItem = Omit<Item, 'wrapped' | 'receiptSent'>

/** What the share service tells the node's events. */
export interface ShareEvents {
  device(device: Device, gone: boolean): void
  item(item: PublicItem): void
  offer(item: PublicItem, autoAccepted: boolean): void
  pairing(state: 'paired' | 'expired' | 'failed', device?: Device): void
}

/** What the share service is built from. */
export interface ShareInit {
  host: Host
  repo: Repo
  bitswap: Bitswap
  mfs: Mfs
  pins: PinSet
  gcLock: GcLock
  privateKey: PrivateKey
  sources: DiscoverySources
  events: ShareEvents
  /** How long an offer waits for an answer (default OFFER_TTL_MS). */
  offerTtlMs?: number
}

/** A send: local paths, or content in the node. */
export interface SendRequest {
  to: string
  paths?: string[] | undefined
  cid?: string | undefined
  name?: string | undefined
  /** `cid` is a folder made to hold several items: the receiver saves its entries, not it. */
  wrapped?: boolean | undefined
  message?: string | undefined
}

/** Who holds a shared item, and when it was announced. */
export interface Reach {
  root: string
  holders: Array<{ peer: string, deviceName: string }>
  lanDht?: number
  wanDht?: number
}

/** A peer downloading from this node now. */
export interface Upload {
  peer: string
  deviceName: string
  blocks: number
  bytes: number
  itemId?: string
}

/** The share service of one node. */
export class Share {
  readonly devices: Devices
  readonly pairing: Pairing
  readonly #init: ShareInit
  readonly #items: Items
  readonly #guard = new MessageGuard()
  readonly #receiver: Receiver
  readonly #announced = new Map<string, { lanDht?: number, wanDht?: number }>()
  #timer: NodeJS.Timeout | undefined
  #started = false

  constructor (init: ShareInit) {
    this.#init = init
    const send = async (peer: PeerId, body: RequestBody, options?: AbortOptions): Promise<Exclude<Reply, { type: 'error' }>> => await request(init.host, peer, body, options)
    this.devices = new Devices({
      host: init.host,
      sources: init.sources,
      records: init.repo.records('share-devices'),
      request: send,
      hello: () => this.#hello(),
      onChange: (device, gone) => { init.events.device(device, gone) },
      onOnline: (peer) => { this.#resumeWith(peer) }
    })
    this.pairing = new Pairing({ host: init.host, devices: this.devices, request: send, hello: () => this.#hello(), onPairing: (state, device) => { init.events.pairing(state, device) } })
    this.#items = new Items(init.repo.records('share-items'), (item) => { init.events.item(toPublic(item)) })
    this.#receiver = new Receiver({
      ...init,
      items: this.#items,
      tell: (peer, body) => { this.#tell(peer, body) },
      sendReceipt: async (id) => { await this.#sendReceipt(id) }
    })
  }

  async start (): Promise<void> {
    await this.#init.host.handle(SHARE_PROTOCOL, (stream, connection) => {
      void serveStream(stream, connection, async (peer, message, conn) => await this.#handle(peer, message, conn))
    }, { maxInboundStreams: 16, maxOutboundStreams: 16 })
    this.#started = true
    await this.#receiver.open()
    const items = await this.#items.load()
    await this.devices.start()
    for (const item of items) {
      if (item.direction === 'in' && (item.state === 'transferring' || item.state === 'paused')) this.#receiver.start(item.id)
    }
    this.#timer = setInterval(() => { this.#expire().catch(() => {}) }, Math.min(60_000, (this.#init.offerTtlMs ?? OFFER_TTL_MS) / 4))
    this.#timer.unref()
  }

  async stop (): Promise<void> {
    this.#started = false
    clearInterval(this.#timer)
    this.pairing.stop()
    this.devices.stop()
    await this.#receiver.close()
    await this.#init.host.unhandle(SHARE_PROTOCOL)
  }

  /** This device. */
  self (): { peer: string, name: string, os: string, appVersion: string, inboxFolder: string } {
    return { peer: this.#init.host.peerId.toString(), ...this.#hello(), inboxFolder: inboxFolder(this.#init.repo.config) }
  }

  /** Change this device's name or inbox folder (saved in the config, applied now). */
  async configure (change: { deviceName?: string | undefined, inboxFolder?: string | undefined }): Promise<ReturnType<Share['self']>> {
    const config = this.#init.repo.config
    await this.#init.repo.saveConfig({ ...config, Share: { ...config.Share, ...(change.deviceName === undefined ? {} : { DeviceName: change.deviceName }), ...(change.inboxFolder === undefined ? {} : { InboxFolder: change.inboxFolder }) } })
    return this.self()
  }

  items (direction?: 'in' | 'out'): PublicItem[] {
    return this.#items.list(direction).map(toPublic)
  }

  /** Roots of received items not complete yet: GC keeps what has arrived of them. */
  partialRoots (): CID[] {
    return this.#items.list('in').filter((i) => i.state === 'transferring' || i.state === 'paused').map((i) => CID.parse(i.root))
  }

  /** Offer content to a device. */
  async send (input: SendRequest, options: AbortOptions & { onBytes?: (bytes: number) => void } = {}): Promise<PublicItem> {
    const peer = this.devices.resolve(input.to)
    if (peer.equals(this.#init.host.peerId)) throw new ItemStateError('this is this device: send to another one')
    await this.devices.greet(peer, options)
    const { root, name, wrapped } = input.paths !== undefined ? await this.#import(input.paths, options) : this.#content(input)
    let listing
    try {
      listing = await listItem(this.#init.repo.blockstore, root, name, wrapped, options)
    } catch (err) {
      if ((err as Error).name === 'BlockNotFoundError') throw new ContentNotLocalError(`${root.toString()} is not all in this node: add or fetch it first`)
      throw err
    }
    const item = await this.#items.add({
      id: newId(),
      direction: 'out',
      peer: peer.toString(),
      deviceName: this.devices.nameOf(peer.toString()),
      root: root.toString(),
      name,
      wrapped,
      ...listing,
      ...(input.message === undefined ? {} : { message: input.message }),
      ...fresh()
    })
    void this.#announce(root)
    try {
      const reply = await request(this.#init.host, peer, { type: 'offer', item: item.id, root: item.root, name, wrapped, files: fitFiles(listing.files), fileCount: listing.fileCount, totalBytes: listing.totalBytes, ...(input.message === undefined ? {} : { message: input.message }) }, options)
      if (reply.type === 'ok' && reply.state === 'accepted') await this.#items.update(item.id, { state: 'transferring' })
    } catch (err) {
      await this.#items.update(item.id, { state: 'failed', error: errorOf(err) })
    }
    return toPublic(this.#item(item.id))
  }

  /** Accept a received offer: fetch, check, save, receipt. */
  async accept (id: string): Promise<PublicItem> {
    const item = this.#item(id)
    if (item.direction !== 'in' || (item.state !== 'waiting' && item.state !== 'paused' && item.state !== 'failed')) throw new ItemStateError(`${item.name} is ${item.state}${item.direction === 'out' ? ' and was sent by this device' : ''}: nothing to accept`)
    await this.#receiver.checkSpace(item)
    // A cancel, decline or expiry may have come while the space was checked.
    if (item.state !== 'waiting' && item.state !== 'paused' && item.state !== 'failed') throw new ItemStateError(`${item.name} is ${item.state}: nothing to accept`)
    await this.#items.update(id, { state: 'transferring' })
    this.#tell(item.peer, { type: 'answer', item: id, answer: 'accept' })
    this.#receiver.start(id)
    return toPublic(this.#item(id))
  }

  async decline (id: string): Promise<PublicItem> {
    const item = this.#item(id)
    if (item.direction !== 'in' || item.state !== 'waiting') throw new ItemStateError(`${item.name} is ${item.state}: only a waiting offer can be declined`)
    await this.#items.update(id, { state: 'declined' })
    this.#tell(item.peer, { type: 'answer', item: id, answer: 'decline' })
    return toPublic(this.#item(id))
  }

  /** Stop a transfer, sent or received; the other side is told. */
  async cancel (id: string): Promise<PublicItem> {
    const item = this.#item(id)
    if (!['waiting', 'transferring', 'paused'].includes(item.state)) throw new ItemStateError(`${item.name} is ${item.state}: nothing to cancel`)
    this.#receiver.abort(id, new ItemStateError('cancelled'))
    await this.#items.update(id, { state: 'cancelled' })
    this.#tell(item.peer, { type: 'cancel', item: id })
    return toPublic(this.#item(id))
  }

  /** Forget an item (files already saved stay). */
  async remove (id: string): Promise<void> {
    const item = this.#item(id)
    if (item.state === 'transferring') throw new ItemStateError(`${item.name} is transferring: cancel it first`)
    if (item.state === 'waiting' || item.state === 'paused') this.#tell(item.peer, { type: 'cancel', item: id })
    await this.#items.remove(id)
  }

  /** Which devices hold `cid` (asked now), and when it was announced on each DHT. */
  async reach (cid: string, options: AbortOptions = {}): Promise<Reach> {
    const root = CID.parse(cid)
    const holders: Reach['holders'] = []
    await Promise.all(this.devices.list().filter((d) => d.online).map(async (d) => {
      const reply = await request(this.#init.host, peerIdFromString(d.peer), { type: 'has', root: root.toString() }, options).catch(() => undefined)
      if (reply?.type === 'ok' && reply.has === true) holders.push({ peer: d.peer, deviceName: d.name })
    }))
    return { root: cid, holders, ...this.#announced.get(root.toString()) }
  }

  /**
   * Peers downloading from this node now: those with Bitswap wants open, and
   * connected devices whose transfer from us is not done (between two wants
   * a receiver has none open, yet it is still downloading).
   */
  uploads (): Upload[] {
    const serving = new Map(this.#init.bitswap.serving().map((s) => [s.peer, s]))
    const sending = this.#items.list('out').filter((i) => i.state === 'transferring' && this.#init.host.getConnections(peerIdFromString(i.peer)).length > 0)
    const peers = new Set([...serving.keys(), ...sending.map((i) => i.peer)])
    return [...peers].map((peer) => {
      const s = serving.get(peer)
      const item = sending.find((i) => i.peer === peer)
      return { peer, deviceName: this.devices.nameOf(peer), blocks: s?.blocksSent ?? 0, bytes: s?.dataSent ?? item?.bytes ?? 0, ...(item === undefined ? {} : { itemId: item.id }) }
    })
  }

  /** Tell `peer` an answer or a cancel, in the background: tried again after 5 s and 30 s if it does not get through (each try is a new message). */
  #tell (peer: string, body: Extract<RequestBody, { type: 'answer' | 'cancel' }>): void {
    const to = peerIdFromString(peer)
    void (async () => {
      for (const wait of [0, 5_000, 30_000]) {
        await new Promise((resolve) => setTimeout(resolve, wait).unref())
        if (!this.#started) return
        try {
          await request(this.#init.host, to, body)
          return
        } catch (err) {
          // refused by name (the item is gone there, or already in that state): no point repeating
          if ((err as Error).name === UnknownItemError.name || (err as Error).name === ItemStateError.name) return
        }
      }
    })()
  }

  #ttl (): number {
    return this.#init.offerTtlMs ?? OFFER_TTL_MS
  }

  #hello (): Hello {
    return deviceHello(this.#init.repo.config)
  }

  #item (id: string): Item {
    const item = this.#items.get(id)
    if (item === undefined) throw new UnknownItemError(`no transfer has the id ${id}`)
    return item
  }

  async #import (paths: string[], options: AbortOptions & { onBytes?: (bytes: number) => void }): Promise<{ root: CID, name: string, wrapped: boolean }> {
    const wrapped = paths.length > 1
    let bytes = 0
    const [root] = await writeAndPin({ store: this.#init.repo.blockstore, pins: this.#init.pins, lock: this.#init.gcLock }, async () => await addSources(this.#init.repo.blockstore, paths.map((path) => ({ path })), resolveImporterOptions(this.#init.repo.config.Import, {}), {
      recursive: true,
      wrap: wrapped,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      onBytes: (n) => { options.onBytes?.(bytes += n) }
    }), true)
    if (root === undefined) throw new ItemStateError('nothing was imported')
    return { root: root.cid, name: wrapped ? `${paths.length} items` : safeSegment(basename(paths[0] ?? '')), wrapped }
  }

  #content (input: SendRequest): { root: CID, name: string, wrapped: boolean } {
    let root: CID
    try {
      root = CID.parse(input.cid ?? '')
    } catch {
      throw new ContentNotLocalError(`${String(input.cid).slice(0, 100)} is not a CID`)
    }
    return { root, name: safeSegment(input.name ?? root.toString()), wrapped: input.wrapped ?? false }
  }

  async #announce (root: CID): Promise<void> {
    const services = this.#init.host.services as Record<string, { provide?: (cid: CID, options?: AbortOptions) => AsyncIterable<{ name?: string, messageName?: string }> } | undefined>
    const times = this.#announced.get(root.toString()) ?? {}
    this.#announced.set(root.toString(), times)
    for (const [service, key] of [['lanDHT', 'lanDht'], ['dht', 'wanDht']] as const) {
      const dht = services[service]
      if (dht?.provide === undefined) continue
      try {
        // Announced only if some DHT peer took the provider record (a DHT with no peers ends its provide quietly).
        let taken = 0
        for await (const event of dht.provide(root, { signal: AbortSignal.timeout(60_000) })) if (event.name === 'PEER_RESPONSE' && event.messageName === 'ADD_PROVIDER') taken++
        if (taken > 0) times[key] = Date.now()
      } catch {
        // no DHT peers: not announced there
      }
    }
  }

  /** Send a done item's receipt; kept for later if the sender is away. */
  async #sendReceipt (id: string): Promise<void> {
    const item = this.#item(id)
    if (item.receipt === undefined || item.receiptSent === true) return
    try {
      await request(this.#init.host, peerIdFromString(item.peer), { type: 'receipt', item: id, root: item.root, bytes: item.totalBytes, receivedAt: item.receipt.receivedAt, signature: item.receipt.signature })
      await this.#items.update(id, { receiptSent: true }, true)
    } catch {
      // the sender is away: sent when it is back
    }
  }

  /** `peer` is back: its paused transfers resume, receipts it missed are sent. */
  #resumeWith (peer: string): void {
    for (const item of this.#items.list('in')) {
      if (item.peer !== peer) continue
      if (item.state === 'paused' || item.state === 'transferring') this.#receiver.start(item.id)
      if (item.state === 'done' && item.receiptSent === false) void this.#sendReceipt(item.id)
    }
  }

  /** Offers not answered in time expire, on both sides. */
  async #expire (): Promise<void> {
    const ttl = this.#ttl()
    for (const item of this.#items.list()) {
      if (item.state !== 'waiting' || Date.now() - item.createdAt < ttl) continue
      await this.#items.update(item.id, { state: 'expired', error: expiredError(ttl) })
      if (item.direction === 'out') this.#tell(item.peer, { type: 'cancel', item: item.id })
    }
  }

  /** Answer one request from `peer`. */
  async #handle (peer: PeerId, message: Request, connection: Connection): Promise<DistributiveOmit<Reply, 'v'>> {
    this.#guard.admit(peer.toString(), message)
    switch (message.type) {
      case 'hello':
        // A peer on a public address becomes a device only once added or paired from this side.
        if (this.devices.get(peer.toString()) !== undefined || isLanConnection(connection)) {
          this.devices.learned(peer, message.device, connection)
          this.#resumeWith(peer.toString())
        }
        return { type: 'hello', device: this.#hello() }
      case 'has':
        return { type: 'ok', has: await this.pairing.shows(message.root) || await this.#init.repo.blockstore.has(parseRoot(message.root)) }
      case 'pair':
        return await this.pairing.handle(peer, message, connection)
      case 'offer':
        return await this.#offered(peer, message)
      default:
        return await this.#onItem(peer, message)
    }
  }

  async #offered (peer: PeerId, offer: Extract<Request, { type: 'offer' }>): Promise<DistributiveOmit<Reply, 'v'>> {
    const key = peer.toString()
    if (this.devices.get(key) === undefined) throw new ShareMessageError('offers are taken only from devices this one knows (say hello first)')
    if (this.#items.get(offer.item) !== undefined) throw new ShareReplayError(`item ${offer.item} was already offered`)
    if (this.#items.waiting(key) >= WAITING_OFFERS_PER_PEER) throw new ShareRateLimitError(`${WAITING_OFFERS_PER_PEER} offers from this device already wait for an answer`)
    if (this.#items.waiting() >= WAITING_OFFERS) throw new ShareRateLimitError(`${WAITING_OFFERS} offers already wait for an answer`)
    safeSegment(offer.name)
    for (const file of offer.files) safeRelativePath(file.path)
    if (offer.fileCount < offer.files.length || offer.totalBytes < offer.files.reduce((n, f) => n + f.size, 0)) throw new ShareMessageError('the offer counts fewer files or bytes than it lists')
    parseRoot(offer.root)
    await this.#items.prune(key)
    const item = await this.#items.add({
      id: offer.item,
      direction: 'in',
      peer: key,
      deviceName: this.devices.nameOf(key),
      root: offer.root,
      name: offer.name,
      wrapped: offer.wrapped,
      files: offer.files,
      fileCount: offer.fileCount,
      totalBytes: offer.totalBytes,
      ...(offer.message === undefined ? {} : { message: offer.message }),
      ...fresh()
    })
    if (this.devices.autoAccepts(key)) {
      try {
        await this.accept(item.id)
        this.#init.events.offer(toPublic(this.#item(item.id)), true)
        return { type: 'ok', state: 'accepted' }
      } catch (err) {
        await this.#items.update(item.id, { state: 'waiting', error: errorOf(err) })
      }
    }
    this.#init.events.offer(toPublic(this.#item(item.id)), false)
    return { type: 'ok', state: 'waiting' }
  }

  /** answer, cancel, progress, receipt: about an item between this node and `peer`. */
  async #onItem (peer: PeerId, message: Extract<Request, { type: 'answer' | 'cancel' | 'progress' | 'receipt' }>): Promise<DistributiveOmit<Reply, 'v'>> {
    const item = this.#items.get(message.item)
    if (item === undefined || item.peer !== peer.toString()) throw new UnknownItemError(`no transfer ${message.item} with this device`)
    const open = ['waiting', 'transferring', 'paused'].includes(item.state)
    switch (message.type) {
      case 'answer':
        if (item.direction !== 'out' || !open) throw new ItemStateError(`${message.item} cannot be answered now (${item.state})`)
        await this.#items.update(item.id, { state: message.answer === 'accept' ? 'transferring' : 'declined' })
        break
      case 'cancel':
        if (open) {
          this.#receiver.abort(item.id, new ItemStateError('cancelled by the other device'))
          // The sender's own expiry cancels an offer nobody answered: that is an expiry here too, not someone cancelling.
          const expired = item.state === 'waiting' && Date.now() - item.createdAt >= this.#ttl() - 60_000
          await this.#items.update(item.id, expired ? { state: 'expired', error: expiredError(this.#ttl()) } : { state: 'cancelled', error: { name: 'ShareCancelled', message: `${item.deviceName} cancelled` } })
        }
        break
      case 'progress':
        if (item.direction !== 'out') throw new ItemStateError('progress is reported by the receiver')
        if (open) {
          const elapsed = Math.max(Date.now() - item.updatedAt, 1)
          await this.#items.update(item.id, { state: 'transferring', bytes: Math.min(message.bytes, item.totalBytes), speed: item.state === 'transferring' ? Math.max(0, Math.round((message.bytes - item.bytes) * 1000 / elapsed)) : 0, sources: message.sources })
        }
        break
      case 'receipt': {
        if (item.direction !== 'out') throw new ItemStateError('receipts are sent by the receiver')
        if (item.state === 'declined' || item.state === 'cancelled') throw new ItemStateError(`${message.item} was ${item.state}: no receipt is taken for it`)
        if (message.root !== item.root || message.bytes !== item.totalBytes) throw new ShareMessageError('the receipt is for other content')
        await verifyReceipt({ item: item.id, root: item.root, bytes: item.totalBytes, receivedAt: message.receivedAt, sender: this.#init.host.peerId.toString(), receiver: item.peer }, message.signature)
        await this.#items.update(item.id, { state: 'done', bytes: item.totalBytes, speed: 0, verified: true, receipt: { receivedAt: message.receivedAt, signature: message.signature } })
        break
      }
    }
    return { type: 'ok' }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** What a new item, sent or received, starts with. */
function fresh (): Pick<Item, 'createdAt' | 'updatedAt' | 'state' | 'bytes' | 'speed' | 'sources' | 'verified'> {
  const now = Date.now()
  return { createdAt: now, updatedAt: now, state: 'waiting', bytes: 0, speed: 0, sources: [], verified: false }
}

function toPublic (item: Item): PublicItem {
  const { wrapped, receiptSent, ...rest } = item
  void wrapped
  void receiptSent
  return { ...rest, files: [...rest.files], sources: [...rest.sources] }
}

function expiredError (ttl: number): { name: string, message: string } {
  const after = ttl >= 3_600_000 ? `${Math.round(ttl / 3_600_000)} hours` : ttl >= 60_000 ? `${Math.round(ttl / 60_000)} minutes` : `${Math.round(ttl / 1000)} seconds`
  return { name: 'ShareTimeoutError', message: `no answer in ${after}` }
}

function parseRoot (text: string): CID {
  try {
    return CID.parse(text)
  } catch {
    throw new ShareMessageError(`${JSON.stringify(text.slice(0, 100))} is not a CID`)
  }
}

/** The files an offer lists: as many as fit in one message with room to spare (the rest are counted). */
function fitFiles (files: Listing['files']): Listing['files'] {
  let fitting = files
  while (fitting.length > 0 && Buffer.byteLength(JSON.stringify(fitting)) > MAX_MESSAGE_BYTES - 8 * 1024) fitting = fitting.slice(0, Math.floor(fitting.length * 0.8))
  return fitting
}
