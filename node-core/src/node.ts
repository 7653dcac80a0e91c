/**
 * createNode: the running IPFS node, wired from an open repo.
 *
 * The repo gives the config, identity, datastore and blockstore; the
 * network layer builds the libp2p host from them. `start` brings the host
 * up; `stop` takes it down. Every later layer (exchange, naming, ...) is
 * wired here and nowhere else.
 */
import { Bitswap } from './exchange/bitswap.ts'
import { autodialDiscovered } from './network/autodial.ts'
import { BandwidthMeter } from './network/bandwidth.ts'
import { DiscoverySources } from './network/discovery.ts'
import { createHost } from './network/host.ts'
import { forwardPeerEvents } from './network/peer-events.ts'
import { SwarmPorts } from './network/swarm-ports.ts'
import { loadPrivateKey } from './repo/identity.ts'
import { findConnectedProviders } from './routing/providers.ts'
import { Reprovider } from './routing/reprovider.ts'
import { pinnedCids } from './pin/provided.ts'
import { durationMs } from './repo/config/duration.ts'
import { parseSize } from './repo/config/size.ts'
import { PinSet } from './pin/pins.ts'
import { Mfs } from './mfs/mfs.ts'
import { resolveImporterOptions } from './unixfs/importer/resolve-options.ts'
import { Ipns } from './naming/ipns.ts'
import { Keystore } from './naming/keystore.ts'
import { AutoGc } from './gc/auto.ts'
import { collectGarbage } from './gc/collect.ts'
import { GcLock } from './gc/lock.ts'
import { LinkStore } from './share/links.ts'
import { Share } from './share/share.ts'
import { TypedEvents } from './typed-events.ts'
import type { AbortOptions } from './abort.ts'
import type { FetchProgress } from './exchange/session.ts'
import type { GcRemoved } from './gc/collect.ts'
import type { Host } from './network/host.ts'
import type { ListenBinding } from './network/swarm-ports.ts'
import type { ProvideProgress } from './routing/reprovider.ts'
import type { NetworkEvents } from './network/peer-events.ts'
import type { Repo } from './repo/repo.ts'
import type { Device } from './share/devices.ts'
import type { PublicItem } from './share/share.ts'

/** Every event a node emits, for the UI and the daemon. */
export interface NodeEvents extends NetworkEvents {
  /** A fetch received a block. */
  'fetch:progress': FetchProgress
  /** Announcing content on the DHTs moved on. */
  'provide:progress': ProvideProgress
  /** Automatic GC ran because the repo passed its watermark. */
  'repo:collected': { freed: number, sizeBefore: number }
  /** The Files tree has a new root (any edit, from any door). */
  'files:changed': { root: string }
  /** A device appeared, changed or was forgotten. */
  'share:device': { device: Device, gone: boolean }
  /** A transfer changed (state, progress, receipt). */
  'share:item': PublicItem
  /** A device offers something (or it was auto-accepted). */
  'share:offer': { item: PublicItem, autoAccepted: boolean }
  /** The pairing this node started ended. */
  'share:pairing': { state: 'paired' | 'expired' | 'failed', device?: Device }
}

/** A node: its repo, its libp2p host and its events. */
export interface PlanetaryNode {
  readonly repo: Repo
  readonly host: Host
  readonly events: TypedEvents<NodeEvents>
  readonly sources: DiscoverySources
  /** Bandwidth by protocol and peer; its samples are also `bandwidth:sample` events. */
  readonly bandwidth: BandwidthMeter
  /** Blocks from and to peers. */
  readonly bitswap: Bitswap
  /** Announces content on the DHTs. */
  readonly reprovider: Reprovider
  /** The pin set. */
  readonly pins: PinSet
  /** Named keys (and `self`). */
  readonly keys: Keystore
  /** IPNS publishing and resolution. */
  readonly ipns: Ipns
  /** The Files tree (Kubo's MFS). */
  readonly mfs: Mfs
  /** Held shared by content writers, exclusively by GC. */
  readonly gcLock: GcLock
  /** Sending to and receiving from devices on the LAN. */
  readonly share: Share
  /** The LAN links made (what the LAN link server may serve). */
  readonly links: LinkStore
  /** Collect garbage now; yields each block removed. */
  gc(options?: AbortOptions): AsyncIterable<GcRemoved>
  /** The `Addresses.Swarm` entries listened on, each with the address bound. */
  listening(): ListenBinding[]
  start(): Promise<void>
  stop(): Promise<void>
}

/** How a node starts. */
export interface NodeInit {
  /** When an `Addresses.Swarm` port is taken, listen on one the system picks instead of failing (default false). */
  portFallback?: boolean
  /** How long a share offer waits for an answer (tests shorten it). */
  shareOfferTtlMs?: number
}

/** Wire a node over `repo` (not started). */
export async function createNode (repo: Repo, init: NodeInit = {}): Promise<PlanetaryNode> {
  const sources = new DiscoverySources()
  const ports = new SwarmPorts({ fallback: init.portFallback ?? false })
  const privateKey = loadPrivateKey(repo.config.Identity)
  const events = new TypedEvents<NodeEvents>()
  const bandwidth = new BandwidthMeter({ connectionManager: { getConnections: () => host.getConnections() } })
  const host: Host = await createHost({
    config: repo.config,
    privateKey,
    datastore: await repo.datastore(),
    sources,
    ports,
    metrics: () => bandwidth
  })
  const bitswap = new Bitswap({
    host,
    store: repo.blockstore,
    findProviders: (cid, options) => findConnectedProviders(host, cid, options),
    hangUp: async (peer) => { await host.hangUp(peer) },
    onProgress: (progress) => { events.emit('fetch:progress', progress) }
  })
  const pins = new PinSet(repo.records('pins'))
  const keys = new Keystore(repo.records('keys', true), privateKey)
  const ipns = new Ipns({
    keys,
    routing: { put: async (key, value, options) => { await host.contentRouting.put(key, value, options) }, get: async (key, options) => await host.contentRouting.get(key, options) },
    published: repo.records('ipns'),
    lifetimeMs: durationMs(repo.config.Ipns.RecordLifetime),
    republishMs: durationMs(repo.config.Ipns.RepublishPeriod)
  })
  const gcLock = new GcLock()
  const mfs = new Mfs({ store: repo.blockstore, records: repo.records('mfs'), lock: gcLock, importer: resolveImporterOptions(repo.config.Import, {}), onCommit: (root) => { events.emit('files:changed', { root: root.toString() }) } })
  const share = new Share({
    host,
    repo,
    bitswap,
    mfs,
    pins,
    gcLock,
    privateKey,
    sources,
    ...(init.shareOfferTtlMs === undefined ? {} : { offerTtlMs: init.shareOfferTtlMs }),
    events: {
      device: (device, gone) => { events.emit('share:device', { device, gone }) },
      item: (item) => { events.emit('share:item', item) },
      offer: (item, autoAccepted) => { events.emit('share:offer', { item, autoAccepted }) },
      pairing: (state, device) => { events.emit('share:pairing', device === undefined ? { state } : { state, device }) }
    }
  })
  const gc = (options?: AbortOptions): AsyncIterable<GcRemoved> => collectGarbage({ store: repo.blockstore, pins, lock: gcLock, extraRoots: async () => [await mfs.root()], partialRoots: async () => share.partialRoots() }, options)
  const autoGc = new AutoGc({
    store: repo.blockstore,
    thresholdBytes: parseSize(repo.config.Datastore.StorageMax) * repo.config.Datastore.StorageGCWatermark / 100,
    periodMs: durationMs(repo.config.Datastore.GCPeriod),
    collect: async () => {
      let freed = 0
      for await (const removed of gc()) freed += removed.bytes
      return freed
    },
    onCollected: (freed, sizeBefore) => { events.emit('repo:collected', { freed, sizeBefore }) }
  })
  const reprovider = new Reprovider({
    provide: async (cid, options) => { await host.contentRouting.provide(cid, options) },
    cids: (strategy) => strategy === 'all' ? repo.blockstore.list() : pinnedCids(repo.blockstore, pins, strategy === 'roots'),
    strategy: repo.config.Reprovider.Strategy,
    intervalMs: durationMs(repo.config.Reprovider.Interval),
    onProgress: (progress) => { events.emit('provide:progress', progress) }
  })
  let unlisten: Array<() => void> = []
  return {
    repo,
    host,
    events,
    sources,
    bandwidth,
    bitswap,
    reprovider,
    pins,
    keys,
    ipns,
    gcLock,
    mfs,
    share,
    links: new LinkStore(repo.records('share-links', true)),
    gc,
    listening: () => ports.bindings(),
    async start () {
      unlisten = [
        forwardPeerEvents(host, sources, events),
        bandwidth.onSample((sample) => { events.emit('bandwidth:sample', sample) }),
        autodialDiscovered(host, sources, repo.config.Swarm.ConnMgr.HighWater)
      ]
      try {
        await host.start()
      } catch (err) {
        throw ports.startError(err)
      }
      await bitswap.start()
      // The MFS root is loaded (or created) now, under the shared GC lock, so GC never has to.
      await mfs.start()
      await share.start()
      reprovider.start()
      autoGc.start()
      ipns.start()
      bandwidth.start()
      await sources.requeryLan()
    },
    async stop () {
      bandwidth.stop()
      reprovider.stop()
      autoGc.stop()
      ipns.stop()
      await share.stop()
      await mfs.stop()
      await bitswap.stop()
      await host.stop()
      for (const stop of unlisten) stop()
      unlisten = []
    }
  }
}
