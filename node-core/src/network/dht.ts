/**
 * The two Kademlia DHTs: the public (WAN) Amino DHT and a LAN DHT among
 * local peers, each seeing only the addresses that make sense for it, and
 * both validating `/pk` and `/ipns` records.
 */
import { kadDHT, removePrivateAddressesMapper, removePublicAddressesMapper } from '@libp2p/kad-dht'
import { Libp2pRecord } from '@libp2p/record'
import { Key } from 'interface-datastore'
import { ipnsSelector } from 'ipns/selector'
import { ipnsValidator } from 'ipns/validator'
import { base32 } from 'multiformats/bases/base32'
import { equals } from 'uint8arrays/equals'
import type { Config } from '../repo/config/schema.ts'
import type { Datastore } from 'interface-datastore'

/** The WAN DHT protocol (the IPFS Amino DHT). */
export const WAN_DHT_PROTOCOL = '/ipfs/kad/1.0.0'
/** The LAN DHT protocol. */
export const LAN_DHT_PROTOCOL = '/ipfs/lan/kad/1.0.0'

/**
 * Shared settings: the record validators, and queries that finish (finding
 * nothing) when the routing table is empty, instead of waiting for a peer,
 * which left `dht provide` hanging on an offline WAN DHT.
 */
function common (datastore: Datastore, prefix: string): Record<string, unknown> {
  return {
    validators: { ipns: noRollback(datastore, prefix) },
    selectors: { ipns: ipnsSelector },
    allowQueryWithZeroPeers: true
  }
}

/**
 * The IPNS validator, refusing a record worse than the one this DHT node
 * already stores for the key. kad-dht stores every valid PUT_VALUE without
 * comparing it to what it holds, so without this anyone holding an older,
 * still-valid record could roll a name back on every node that takes it.
 */
function noRollback (datastore: Datastore, prefix: string): (key: Uint8Array, value: Uint8Array) => Promise<void> {
  return async (key, value) => {
    await ipnsValidator(key, value)
    let stored: Uint8Array
    try {
      stored = Libp2pRecord.deserialize(await datastore.get(new Key(`${prefix}/record/${base32.baseEncode(key)}`, false))).value
    } catch {
      return
    }
    if (!equals(stored, value) && ipnsSelector(key, [value, stored]) !== 0) throw new Error('a newer record (higher sequence or later validity) is already stored for this name')
  }
}

/** The WAN DHT: client until a public address is confirmed, unless the config forces a mode. */
export function wanDHT (config: Config, datastore: Datastore): ReturnType<typeof kadDHT> {
  const type = config.Routing.Type
  return kadDHT({
    protocol: WAN_DHT_PROTOCOL,
    peerInfoMapper: removePrivateAddressesMapper,
    ...(type === 'dhtclient' ? { clientMode: true } : type === 'dhtserver' ? { clientMode: false } : {}),
    ...common(datastore, '/dht-wan'),
    logPrefix: 'libp2p:dht-wan',
    datastorePrefix: '/dht-wan',
    metricsPrefix: 'libp2p_dht_wan'
  })
}

/** The LAN DHT: always a server, only private addresses. */
export function lanDHT (datastore: Datastore): ReturnType<typeof kadDHT> {
  return kadDHT({
    protocol: LAN_DHT_PROTOCOL,
    peerInfoMapper: removePublicAddressesMapper,
    clientMode: false,
    ...common(datastore, '/dht-lan'),
    logPrefix: 'libp2p:dht-lan',
    datastorePrefix: '/dht-lan',
    metricsPrefix: 'libp2p_dht_lan'
  })
}
