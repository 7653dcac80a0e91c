/**
 * The two Kademlia DHTs: the public (WAN) Amino DHT and a LAN DHT among
 * local peers, each seeing only the addresses that make sense for it, and
 * both validating `/pk` and `/ipns` records.
 */
import { kadDHT, removePrivateAddressesMapper, removePublicAddressesMapper } from '@libp2p/kad-dht'
import { ipnsSelector } from 'ipns/selector'
import { ipnsValidator } from 'ipns/validator'
import type { Config } from '../repo/config/schema.ts'

/** The WAN DHT protocol (the IPFS Amino DHT). */
export const WAN_DHT_PROTOCOL = '/ipfs/kad/1.0.0'
/** The LAN DHT protocol. */
export const LAN_DHT_PROTOCOL = '/ipfs/lan/kad/1.0.0'

/**
 * Shared settings: the record validators, and queries that finish (finding
 * nothing) when the routing table is empty, instead of waiting for a peer,
 * which left `dht provide` hanging on an offline WAN DHT.
 */
const common = {
  validators: { ipns: ipnsValidator },
  selectors: { ipns: ipnsSelector },
  allowQueryWithZeroPeers: true
}

/** The WAN DHT: client until a public address is confirmed, unless the config forces a mode. */
export function wanDHT (config: Config): ReturnType<typeof kadDHT> {
  const type = config.Routing.Type
  return kadDHT({
    protocol: WAN_DHT_PROTOCOL,
    peerInfoMapper: removePrivateAddressesMapper,
    ...(type === 'dhtclient' ? { clientMode: true } : type === 'dhtserver' ? { clientMode: false } : {}),
    ...common,
    logPrefix: 'libp2p:dht-wan',
    datastorePrefix: '/dht-wan',
    metricsPrefix: 'libp2p_dht_wan'
  })
}

/** The LAN DHT: always a server, only private addresses. */
export function lanDHT (): ReturnType<typeof kadDHT> {
  return kadDHT({
    protocol: LAN_DHT_PROTOCOL,
    peerInfoMapper: removePublicAddressesMapper,
    clientMode: false,
    ...common,
    logPrefix: 'libp2p:dht-lan',
    datastorePrefix: '/dht-lan',
    metricsPrefix: 'libp2p_dht_lan'
  })
}
