/**
 * The libp2p host, assembled from the repo config: identity, listen and
 * announce addresses, transports, encrypters, muxers, discovery (mDNS,
 * bootstrap, DHT random walk), identify, ping, AutoNAT, hole punching,
 * UPnP, the relay service when enabled, and the LAN and WAN DHTs.
 */
import { autoNAT } from '@libp2p/autonat'
import { bootstrap } from '@libp2p/bootstrap'
import { circuitRelayServer } from '@libp2p/circuit-relay-v2'
import { dcutr } from '@libp2p/dcutr'
import { identify, identifyPush } from '@libp2p/identify'
import { mdns } from '@libp2p/mdns'
import { ping } from '@libp2p/ping'
import { uPnPNAT } from '@libp2p/upnp-nat'
import { createLibp2p } from 'libp2p'
import { lanDHT, wanDHT } from './dht.ts'
import { encrypters, muxers, transports } from './transports.ts'
import type { Config } from '../repo/config/schema.ts'
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
}

/** A host built but not started. */
export type Host = Libp2p<Record<string, unknown>>

/** Build the host from the config. */
export async function createHost ({ config, privateKey, datastore }: HostInit): Promise<Host> {
  const services: NonNullable<Libp2pOptions['services']> = {
    identify: identify(),
    identifyPush: identifyPush(),
    ping: ping()
  }
  if (config.Routing.Type !== 'none') services.dht = wanDHT(config) as unknown as Service
  if (config.Routing.LanDHT) services.lanDHT = lanDHT() as unknown as Service
  if (config.Bootstrap.length > 0 || config.Routing.Type !== 'none') services.autoNAT = autoNAT()
  if (config.Swarm.EnableHolePunching) services.dcutr = dcutr()
  if (!config.Swarm.DisableNatPortMap) services.upnp = uPnPNAT()
  if (config.Swarm.RelayService.Enabled) services.relay = circuitRelayServer()
  const peerDiscovery: NonNullable<Libp2pOptions['peerDiscovery']> = []
  if (config.Discovery.MDNS.Enabled) peerDiscovery.push(mdns({ interval: 10_000 }))
  if (config.Bootstrap.length > 0) peerDiscovery.push(bootstrap({ list: config.Bootstrap }))
  return await createLibp2p({
    privateKey,
    datastore,
    start: false,
    addresses: {
      listen: config.Addresses.Swarm,
      announce: config.Addresses.Announce,
      noAnnounce: config.Addresses.NoAnnounce
    },
    transports: transports(config),
    connectionEncrypters: encrypters(),
    streamMuxers: muxers(),
    peerDiscovery,
    connectionManager: {
      maxConnections: config.Swarm.ConnMgr.HighWater,
      dialTimeout: 10_000,
      inboundUpgradeTimeout: 10_000
    },
    nodeInfo: { userAgent: AGENT_VERSION },
    services
  }) as Host
}
