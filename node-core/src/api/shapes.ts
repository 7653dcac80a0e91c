/**
 * The shapes the contract's methods and events are made of.
 *
 * Strings that name things (CIDs, paths, multiaddrs, peer IDs) are bounded
 * and shape-checked here; the implementation then parses them for real and
 * answers a bad one with its own named error (InvalidCidError, ...).
 */
import { z } from 'zod'

/** A CID in any multibase. */
export const Cid = z.string().min(1).max(512).regex(/^[A-Za-z0-9+/=_-]+$/, 'must be a CID')
/** A path in the Files tree: absolute, no NUL. */
export const MfsPath = z.string().min(1).max(4096).startsWith('/', 'must start with /').refine((p) => !p.includes('\0'), 'must not contain NUL')
/** An IPFS path (`/ipfs/<cid>/...`, `/ipns/<name>/...`) or a bare CID. */
export const IpfsPath = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'must not contain NUL')
/** A Files path or an IPFS path (`/ipfs/...`, `/ipns/...`): both start with `/`. */
export const MfsOrIpfsPath = MfsPath
/** An absolute path on the node's own disk (POSIX, or Windows with a drive or UNC prefix). */
export const LocalPath = z.string().min(1).max(4096).regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'must be an absolute path').refine((p) => !p.includes('\0'), 'must not contain NUL')
/** A multiaddr. */
export const Multiaddr = z.string().min(1).max(1024).startsWith('/', 'must be a multiaddr')
/** A peer ID. */
export const PeerIdText = z.string().min(1).max(200).regex(/^[A-Za-z0-9]+$/, 'must be a peer ID')
/** A key name (Kubo's rules are checked by the keystore). */
export const KeyName = z.string().min(1).max(100)
/** A dotted config key (`Addresses.API`). */
export const ConfigKey = z.string().min(1).max(200).regex(/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/, 'must be a dotted key like Addresses.API')

/** An address moved off its configured port because another program held that port. */
export const PortMove = z.strictObject({
  /** Which listener: a swarm listen address, the RPC API (and web UI), or the gateway. */
  kind: z.enum(['swarm', 'api', 'gateway']),
  /** The address the config named (a multiaddr). */
  configured: z.string(),
  /** The address listened on instead (a multiaddr), now recorded in the config. */
  actual: z.string()
})

/** `node.info`. */
export const NodeInfo = z.strictObject({
  peerId: z.string(),
  agentVersion: z.string(),
  addresses: z.array(z.string()),
  repoPath: z.string(),
  online: z.boolean(),
  /** The local HTTP gateway's origin as bound (`http://127.0.0.1:8080`), when this door knows it runs one. */
  gatewayUrl: z.string().optional(),
  /** The RPC API's address as bound (a multiaddr), when this door serves one. */
  apiAddress: z.string().optional(),
  /** The swarm's listen addresses as bound: each `Addresses.Swarm` entry with the port in use. */
  listenAddresses: z.array(z.string()),
  /** The addresses moved this start because their port was taken (only the desktop app moves them). */
  portsMoved: z.array(PortMove)
})

/** `files.add`: local files or folders (Electron passes dropped files' paths), imported and pinned. */
export const AddInput = z.strictObject({
  paths: z.array(LocalPath).min(1).max(1000),
  /** Also place each top-level entry into this Files directory (created if missing). */
  to: MfsPath.optional(),
  cidVersion: z.union([z.literal(0), z.literal(1)]).optional(),
  rawLeaves: z.boolean().optional(),
  wrap: z.boolean().default(false),
  pin: z.boolean().default(true),
  hidden: z.boolean().default(false)
})

/** One imported entry. */
export const AddedEntry = z.strictObject({ path: z.string(), cid: Cid, size: z.number(), dagSize: z.number() })

/** Bytes read so far. */
export const BytesProgress = z.strictObject({ bytes: z.number() })

/** Blocks (and bytes) read so far, and how many peers have sent blocks (fetches). */
export const BlocksProgress = z.strictObject({ blocks: z.number(), bytes: z.number(), peers: z.number().optional() })

const EntryType = z.enum(['file', 'directory', 'symlink'])

/** One entry of a Files directory. */
export const FilesEntry = z.strictObject({ name: z.string(), cid: Cid, type: EntryType, size: z.number() })

/** `files.stat`. */
export const FilesStat = z.strictObject({ cid: Cid, type: EntryType, size: z.number(), cumulativeSize: z.number(), blocks: z.number() })

/** One pin. */
export const PinEntry = z.strictObject({ cid: Cid, type: z.enum(['direct', 'recursive', 'indirect']), name: z.string() })

/** One connected peer. */
export const PeerEntry = z.strictObject({
  peer: z.string(),
  address: z.string(),
  transport: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  latencyMs: z.number().optional(),
  agent: z.string().optional(),
  /** ISO 3166-1 alpha-2 country of the address, from the offline database shipped with the node; absent when unknown or local. */
  country: z.string().length(2).optional(),
  /** The address is on this machine or a private network (loopback, RFC 1918, link-local, ULA). */
  lan: z.boolean(),
  /** The connection goes through a relay (`/p2p-circuit`). */
  relayed: z.boolean()
})

/** `name.publish`. */
export const PublishInput = z.strictObject({
  path: z.string().min(1).max(4096),
  key: KeyName.default('self'),
  /** Record lifetime, like `48h`; default Ipns.RecordLifetime. */
  lifetime: z.string().regex(/^\d+(ms|s|m|h)$/, 'must be a duration like 24h').optional(),
  /** Keep the record locally when no DHT peer takes it (Kubo's --allow-offline). */
  allowOffline: z.boolean().default(false)
})

/** One named key. */
export const KeyEntry = z.strictObject({ name: z.string(), id: z.string() })

/** `repo.stat`. */
export const RepoStat = z.strictObject({ path: z.string(), size: z.number(), blocks: z.number(), storageMax: z.number() })

/** `peer:connected`. */
export const PeerConnected = z.strictObject({
  peer: z.string(),
  address: z.string(),
  transport: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  encryption: z.string(),
  muxer: z.string()
})

const TrafficStats = z.strictObject({ totalIn: z.number(), totalOut: z.number(), rateIn: z.number(), rateOut: z.number() })

/** `bandwidth:sample`. */
export const BandwidthSample = z.strictObject({
  totalIn: z.number(),
  totalOut: z.number(),
  rateIn: z.number(),
  rateOut: z.number(),
  at: z.number(),
  byProtocol: z.record(z.string(), TrafficStats),
  byPeer: z.record(z.string(), TrafficStats)
})

/** One link of an IPLD node: its name (dag-pb) or field path (dag-cbor, dag-json), and the CID it points to. */
export const DagLink = z.strictObject({ name: z.string(), cid: Cid, size: z.number().optional() })

/** `dag.get`: one IPLD node, its value in dag-json form, its links, and what UnixFS says of it (dag-pb). */
export const DagNode = z.strictObject({
  cid: Cid,
  /** The codec's name (`dag-pb`, `raw`, `dag-cbor`, `dag-json`, ...). */
  codec: z.string(),
  /** The block's size in bytes. */
  size: z.number(),
  /** The node as dag-json would print it (links as `{"/": cid}`, bytes as `{"/": {"bytes": base64}}`), bytes cut to their first KiB; for dag-pb only `Data` (its Links are `links`); raw blocks give their first bytes only. */
  value: z.json(),
  links: z.array(DagLink),
  /** Set for dag-pb nodes that carry UnixFS data. */
  unixfs: z.strictObject({ type: z.enum(['file', 'directory', 'hamt-sharded-directory', 'symlink', 'raw', 'metadata']), fileSize: z.number() }).optional()
})
