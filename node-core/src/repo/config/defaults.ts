/**
 * The config a fresh repo gets, before profiles apply.
 */
import { CONFIG_VERSION, DEFAULT_SECURITY } from './schema.ts'
import type { Config } from './schema.ts'

/** The IPFS default bootstrap peers, as Kubo ships them. */
export const DEFAULT_BOOTSTRAP = [
  '/dnsaddr/bootstrap.libp2p.io/p2p/QmNnooDu7bfjPFoTZYxMNLWUQJyrVwtbZg5gBMjTezGAJN',
  '/dnsaddr/bootstrap.libp2p.io/p2p/QmQCU2EcMqAqQPR2i9bChDtGNJchTbq5TbXJJ16u19uLTa',
  '/dnsaddr/bootstrap.libp2p.io/p2p/QmbLHAnMoJPWSCR5Zhtx6BHJX9KiKNN6tpvbUcqanj75Nb',
  '/dnsaddr/bootstrap.libp2p.io/p2p/QmcZf59bWwK5XFi76CZX8cbJ4BhTzzA3gU1ZjYZcYW3dwt',
  '/ip4/104.131.131.82/tcp/4001/p2p/QmaCpDMGvV2BGHeYERUEnRQAwe3N8SzbUtfsmvsqQLuvuJ',
  '/ip4/104.131.131.82/udp/4001/quic-v1/p2p/QmaCpDMGvV2BGHeYERUEnRQAwe3N8SzbUtfsmvsqQLuvuJ'
]

/** A fresh config for the identity given. */
export function defaultConfig (identity: Config['Identity']): Config {
  return {
    Version: CONFIG_VERSION,
    Identity: identity,
    Addresses: {
      Swarm: [
        '/ip4/0.0.0.0/tcp/4001',
        '/ip6/::/tcp/4001',
        '/ip4/0.0.0.0/udp/4001/quic-v1',
        '/ip6/::/udp/4001/quic-v1',
        '/ip4/0.0.0.0/tcp/4002/ws'
      ],
      API: '/ip4/127.0.0.1/tcp/5001',
      Gateway: '/ip4/127.0.0.1/tcp/8080',
      Announce: [],
      NoAnnounce: []
    },
    API: { HTTPHeaders: {}, Authorizations: {}, AllowRemote: false },
    Bootstrap: [...DEFAULT_BOOTSTRAP],
    Swarm: {
      ConnMgr: { LowWater: 32, HighWater: 96, GracePeriod: '20s' },
      RelayService: { Enabled: false },
      RelayClient: { Enabled: true },
      DisableNatPortMap: false,
      Transports: { TCP: true, Websocket: true, QUIC: true, WebRTCDirect: false, Security: { ...DEFAULT_SECURITY } },
      EnableHolePunching: true
    },
    Routing: { Type: 'auto', LanDHT: true },
    Discovery: { MDNS: { Enabled: true } },
    Reprovider: { Strategy: 'all', Interval: '22h' },
    Ipns: { RecordLifetime: '48h', RepublishPeriod: '4h' },
    Datastore: { StorageMax: '10GB', StorageGCWatermark: 90, GCPeriod: '1h' },
    Import: {
      CidVersion: null,
      UnixFSRawLeaves: null,
      UnixFSChunker: null,
      HashFunction: null,
      UnixFSFileMaxLinks: null,
      UnixFSHAMTDirectoryMaxFanout: null,
      UnixFSHAMTDirectorySizeThreshold: null,
      UnixFSHAMTDirectorySizeEstimation: null
    },
    Share: { DeviceName: null, InboxFolder: null, LanLink: { Enabled: false, Address: '/ip4/0.0.0.0/tcp/8788' } }
  }
}
