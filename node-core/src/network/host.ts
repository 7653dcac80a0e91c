/**
 * The libp2p host, assembled from the repo config: identity, listen and
 * announce addresses, transports (their listeners under the taken-port
 * policy of swarm-ports.ts), encrypters, muxers, discovery (mDNS,
 * bootstrap, DHT random walk), identify, ping, AutoNAT, hole punching,
 * UPnP, the relay service when enabled, and the LAN and WAN DHTs.
 */
import { autoNAT } from '@libp2p/autonat'
import { circuitRelayServer } from '@libp2p/circuit-relay-v2'
import { dcutr } from '@libp2p/dcutr'
import { identify, identifyPush } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { uPnPNAT } from '@libp2p/upnp-nat'
import { createLibp2p } from 'libp2p'
import { lanDHT, wanDHT } from './dht.ts'
import { discoveryModules } from './discovery.ts'
import { encrypters, muxers, transports } from './transports.ts'
import type { Config } from '../repo/config/schema.ts'
import type { DiscoverySources } from './discovery.ts'
import type { SwarmPorts } from './swarm-ports.ts'
import type { PrivateKey } from '@libp2p/interface'
import type { Datastore } from 'interface-datastore'
import type { Libp2p, Libp2pOptions } from 'libp2p'

type Service = NonNullable<Libp2pOptions['services']>[string]

/** The agent version this node announces. */
export const AGENT_VERSION = 'planetary/0.1.0'

/** What the host needs from the repo. */
export interface HostInit {
  config: Config
  privateKey: PrivateKey
  datastore: Datastore
  /** Records how each peer was found. */
  sources: DiscoverySources
  /** What the swarm's listeners do when a port is taken, and what they bound. */
  ports: SwarmPorts
  /** Builds the metrics component (the bandwidth meter) from libp2p's components. */
  metrics?: Libp2pOptions['metrics']
}

/** A host built but not started. */
export type Host = Libp2p<Record<string, unknown>>

/** Build the host from the config. */
export async function createHost ({ config, privateKey, datastore, sources, ports, metrics }: HostInit): Promise<Host> {
  const services: NonNullable<Libp2pOptions['services']> = {
    identify: identify(),
    identifyPush: identifyPush(),
    ping: ping({ maxOutboundStreams: 4, timeout: 10_000 })
  }
  if (config.Routing.Type !== 'none') services.dht = wanDHT(config, datastore) as unknown as Service
  if (config.Routing.LanDHT) services.lanDHT = lanDHT(datastore) as unknown as Service
  if (config.Bootstrap.length > 0 || config.Routing.Type !== 'none') services.autoNAT = autoNAT()
  if (config.Swarm.EnableHolePunching) services.dcutr = dcutr()
  if (!config.Swarm.DisableNatPortMap) services.upnp = uPnPNAT()
  if (config.Swarm.RelayService.Enabled) services.relay = circuitRelayServer()
  return await createLibp2p({
    privateKey,
    datastore,
    start: false,
    addresses: {
      listen: config.Addresses.Swarm,
      announce: config.Addresses.Announce,
      noAnnounce: config.Addresses.NoAnnounce
    },
    transports: ports.guard(await transports(config)),
    connectionEncrypters: encrypters(config),
    streamMuxers: muxers(),
    peerDiscovery: discoveryModules(config, sources),
    connectionManager: {
      maxConnections: config.Swarm.ConnMgr.HighWater,
      dialTimeout: 10_000,
      inboundUpgradeTimeout: 10_000
    },
    nodeInfo: { userAgent: AGENT_VERSION },
    ...(metrics === undefined ? {} : { metrics }),
    services
  }) as Host
}
