/**
 * The repo config: its schema, checked whenever the file is read or set.
 *
 * Keys follow Kubo's names so that `config Addresses.API` means what IPFS
 * users expect. `Version` is the config format version; a file from a
 * newer Planetary is refused rather than misread.
 */
import { z } from 'zod'

/** The config format this build writes and reads. */
export const CONFIG_VERSION = 1

const multiaddr = z.string().regex(/^\/[a-z0-9]/, 'must be a multiaddr like /ip4/127.0.0.1/tcp/4001')

const duration = z.string().regex(/^\d+(ms|s|m|h)$/, 'must be a duration like 20s or 1h')

/** A connection encrypter's priority (lower is preferred), or `false` for off. */
const securityPriority = z.union([z.number().int().min(0), z.literal(false)])

/** The default `Swarm.Transports.Security`: Noise first, then TLS (repos made before the key get it too). */
export const DEFAULT_SECURITY = { TLS: 200, Noise: 100 }

const bytesSize = z.string().regex(/^\d+(\.\d+)?\s*([KMGT]i?B|B)?$/i, 'must be a size like 10GB or 256KiB')

/**
 * The `Import` section: defaults of `add` (Kubo's `Import.*`). As in Kubo,
 * `null` means "Kubo's default", which matters: `CidVersion: 1` with
 * `UnixFSRawLeaves: null` implies raw leaves, with `false` it does not.
 */
export const ImportConfig = z.strictObject({
  CidVersion: z.union([z.literal(0), z.literal(1)]).nullable(),
  UnixFSRawLeaves: z.boolean().nullable(),
  UnixFSChunker: z.string().min(1).nullable(),
  HashFunction: z.string().min(1).nullable(),
  UnixFSFileMaxLinks: z.number().int().min(2).max(8192).nullable(),
  UnixFSHAMTDirectoryMaxFanout: z.number().int().min(8).max(1024).refine((n) => (n & (n - 1)) === 0, 'must be a power of two').nullable(),
  UnixFSHAMTDirectorySizeThreshold: bytesSize.nullable(),
  UnixFSHAMTDirectorySizeEstimation: z.enum(['links', 'block']).nullable()
})

/** The whole config file. */
export const ConfigSchema = z.strictObject({
  Version: z.literal(CONFIG_VERSION),
  Identity: z.strictObject({
    PeerID: z.string().min(1),
    PrivKey: z.string().min(1)
  }),
  Addresses: z.strictObject({
    Swarm: z.array(multiaddr),
    API: multiaddr,
    Gateway: multiaddr,
    Announce: z.array(multiaddr),
    NoAnnounce: z.array(multiaddr)
  }),
  /** Who may use the RPC and the WebSocket bridge (Kubo's keys, plus AllowRemote); repos made before it get the defaults. */
  API: z.strictObject({
    /** Kubo's headers; `Access-Control-Allow-Origin` lists the web origins allowed to call, besides the daemon's own. */
    HTTPHeaders: z.record(z.string(), z.array(z.string().max(2048))),
    /** Kubo's `API.Authorizations`: when any is set, every RPC call needs one of these secrets, for paths it allows. */
    Authorizations: z.record(z.string(), z.strictObject({
      AuthSecret: z.string().regex(/^(bearer:.+|basic:[^:]+:.+)$/, 'must be bearer:<token> or basic:<user>:<password>'),
      AllowedPaths: z.array(z.string().startsWith('/', 'must be a path like /api/v0'))
    })),
    /** Accept RPC and bridge connections from addresses other than loopback (default false). */
    AllowRemote: z.boolean()
  }).default({ HTTPHeaders: {}, Authorizations: {}, AllowRemote: false }),
  Bootstrap: z.array(multiaddr),
  Swarm: z.strictObject({
    ConnMgr: z.strictObject({
      LowWater: z.number().int().min(0),
      HighWater: z.number().int().min(1),
      GracePeriod: duration
    }).refine((c) => c.LowWater <= c.HighWater, 'LowWater must not exceed HighWater'),
    RelayService: z.strictObject({ Enabled: z.boolean() }),
    RelayClient: z.strictObject({ Enabled: z.boolean() }),
    DisableNatPortMap: z.boolean(),
    /** Which transports to load (each costs memory; WebRTC-Direct about 50 MB). */
    Transports: z.strictObject({
      TCP: z.boolean(),
      Websocket: z.boolean(),
      QUIC: z.boolean(),
      WebRTCDirect: z.boolean(),
      /** Connection encrypters as Kubo's `Swarm.Transports.Security`: a priority (lower is preferred) or `false` for off. */
      Security: z.strictObject({ TLS: securityPriority, Noise: securityPriority })
        .refine((s) => s.TLS !== false || s.Noise !== false, 'at least one of TLS and Noise must stay enabled')
        .default(() => ({ ...DEFAULT_SECURITY }))
    }),
    EnableHolePunching: z.boolean()
  }),
  Routing: z.strictObject({
    /** `auto`: WAN DHT client until reachable, then server; `dhtserver`, `dhtclient`, `none`. */
    Type: z.enum(['auto', 'dht', 'dhtclient', 'dhtserver', 'none']),
    /** Run the LAN DHT (`/ipfs/lan/kad/1.0.0`) among local peers. */
    LanDHT: z.boolean()
  }),
  Discovery: z.strictObject({
    MDNS: z.strictObject({ Enabled: z.boolean() })
  }),
  /** Announcing what this node holds on the DHTs (Kubo's keys); repos made before it get the defaults. */
  Reprovider: z.strictObject({
    /** `all` blocks, `pinned` (recursive pins and their blocks) or pin `roots` only. */
    Strategy: z.enum(['all', 'pinned', 'roots']),
    /** How often everything is announced again; `0` turns reproviding off. */
    Interval: z.union([z.literal('0'), duration])
  }).default({ Strategy: 'all', Interval: '22h' }),
  /** IPNS records this node publishes (Kubo's keys and defaults). */
  Ipns: z.strictObject({
    RecordLifetime: duration,
    RepublishPeriod: z.union([z.literal('0'), duration])
  }).default({ RecordLifetime: '48h', RepublishPeriod: '4h' }),
  Datastore: z.strictObject({
    StorageMax: bytesSize,
    StorageGCWatermark: z.number().int().min(1).max(100),
    GCPeriod: duration
  }),
  Import: ImportConfig,
  /** Sending files to devices on the LAN (Planetary's own section); repos made before it get the defaults. */
  Share: z.strictObject({
    /** The name other devices show for this one; `null` is the OS user and host name. */
    DeviceName: z.string().trim().min(1).max(64).nullable(),
    /** Where received files are saved (an absolute path); `null` is the user's Downloads folder. */
    InboxFolder: z.string().min(1).nullable(),
    /** The optional web server on the LAN address that serves only the links made for it. */
    LanLink: z.strictObject({
      Enabled: z.boolean(),
      /** Its address; `0.0.0.0` means this machine's LAN (private) addresses only. */
      Address: multiaddr
    })
  }).default({ DeviceName: null, InboxFolder: null, LanLink: { Enabled: false, Address: '/ip4/0.0.0.0/tcp/8788' } })
})

/** A validated config. */
export type Config = z.infer<typeof ConfigSchema>
