/**
 * The shapes of the `share` namespace: devices on the LAN, transfers sent
 * and received (one item shape for both), pairing and LAN links.
 *
 * These are what the API's doors carry; what peers send each other is a
 * different, stricter set (`share/messages.ts`).
 */
import { z } from 'zod'
import { Cid, LocalPath, Multiaddr, PeerIdText } from './shapes.ts'

/** A device's name as people read it (Settings, cards, notifications). */
export const DeviceName = z.string().trim().min(1).max(64).refine((name) => !hasControl(name), 'must not contain control characters')

/** C0, DEL, C1 and the bidirectional controls that can disguise text (the share protocol refuses them in a hello). */
function hasControl (text: string, allowed = ''): boolean {
  return [...text].some((c) => !allowed.includes(c) && (c <= '\u001f' || (c >= '\u007f' && c <= '\u009f') || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c === '\u200e' || c === '\u200f' || c === '\u061c'))
}

/** An item's id: 26 characters of base32 (16 random bytes). */
export const ShareItemId = z.string().regex(/^[a-z2-7]{26}$/, 'must be a share item id')

/** A LAN link's id: 26 characters of base32 (16 random bytes). */
export const ShareLinkId = ShareItemId

/** A pairing code: six digits. */
export const PairingCode = z.string().regex(/^\d{6}$/, 'must be six digits')

/** A LAN link's PIN: four to eight digits. */
export const LinkPin = z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits')

/** How this node knows a device. */
export const DeviceSource = z.enum(['mdns', 'dht', 'manual', 'paired', 'connected'])

/** A device: a peer that speaks the share protocol. */
export const ShareDevice = z.strictObject({
  peer: z.string(),
  /** What the device calls itself (its hello); the peer ID's end until it has said. */
  name: z.string(),
  /** `linux`, `darwin`, `win32`, ... as the device said. */
  os: z.string(),
  appVersion: z.string(),
  /** Connected now. */
  online: z.boolean(),
  /** Reached over a private network (the LAN, a VPN). */
  lan: z.boolean(),
  /** The addresses it was last reached at. */
  addresses: z.array(z.string()),
  source: DeviceSource,
  favourite: z.boolean(),
  paired: z.boolean(),
  /** Offers from it are accepted without asking (only paired favourites may be). */
  autoAccept: z.boolean(),
  /** When it was last connected (ms since the epoch). */
  lastSeen: z.number()
})

/** This device, as others see it. */
export const ShareSelf = z.strictObject({
  peer: z.string(),
  name: z.string(),
  os: z.string(),
  appVersion: z.string(),
  /** Where received files are saved (Downloads unless set). */
  inboxFolder: z.string()
})

/** One file of an offer: its path inside the item (`/`-separated) and size. */
export const OfferedFile = z.strictObject({ path: z.string(), size: z.number() })

/** A peer that sent (or is sending) blocks of a transfer. */
export const TransferSource = z.strictObject({ peer: z.string(), blocks: z.number(), bytes: z.number() })

/** Where a transfer is. */
export const ShareState = z.enum([
  /** Offered; the receiver has not answered. */
  'waiting',
  /** Accepted; blocks are moving. */
  'transferring',
  /** Stopped before the end (the sender went away, the node stopped); resumes by itself. */
  'paused',
  /** Every block verified, saved (received) or receipted (sent). */
  'done',
  'declined',
  'cancelled',
  /** No answer in time. */
  'expired',
  'failed'
])

/** A transfer, received (`in`) or sent (`out`). */
export const ShareItem = z.strictObject({
  id: ShareItemId,
  direction: z.enum(['in', 'out']),
  /** The other side. */
  peer: z.string(),
  deviceName: z.string(),
  root: Cid,
  /** What the item is called: the file or folder name, or "3 files". */
  name: z.string(),
  /** The first files of the item (at most 1000). */
  files: z.array(OfferedFile),
  fileCount: z.number(),
  totalBytes: z.number(),
  message: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  state: ShareState,
  /** Bytes of the item held by the receiver so far. */
  bytes: z.number(),
  /** Bytes per second over the last seconds (while transferring). */
  speed: z.number(),
  /** The peers blocks came from (receiver), or the receiver's count (sender). */
  sources: z.array(TransferSource),
  /** Every block checked against its CID, and (received) the files written. */
  verified: z.boolean(),
  /** Received: where the files were saved, and where they are in Files. */
  savedTo: z.array(z.string()).optional(),
  filesPath: z.string().optional(),
  /** Sent: the receiver's signed receipt was checked. */
  receipt: z.strictObject({ receivedAt: z.number(), signature: z.string() }).optional(),
  error: z.strictObject({ name: z.string(), message: z.string() }).optional()
})

/** `share.send`: local paths (the desktop app, the CLI) or content already in the node (the browser's upload). */
export const SendInput = z.strictObject({
  /** A peer ID, or a device's name (which must name one device). */
  to: z.string().min(1).max(200),
  paths: z.array(LocalPath).min(1).max(1000).optional(),
  cid: Cid.optional(),
  /** The item's name when `cid` is given (the file or folder name). */
  name: z.string().min(1).max(255).optional(),
  /** `cid` is a folder made to hold several dropped items: the receiver saves each entry, not the folder. */
  wrapped: z.boolean().optional(),
  message: z.string().max(500).refine((text) => !hasControl(text, '\n'), 'must not contain control characters other than new lines').optional()
}).refine((input) => (input.paths === undefined) !== (input.cid === undefined), 'give either paths or cid')

/** A LAN link. */
export const ShareLink = z.strictObject({
  id: ShareLinkId,
  cid: Cid,
  name: z.string(),
  /** The URL coworkers open (absent while the LAN link server is off). */
  url: z.string().optional(),
  hasPin: z.boolean(),
  createdAt: z.number(),
  /** Downloads served. */
  downloads: z.number()
})

/** The LAN link server and its links. */
export const ShareLinks = z.strictObject({
  enabled: z.boolean(),
  /** The server's origin on the LAN address, when running. */
  origin: z.string().optional(),
  links: z.array(ShareLink)
})

/** Who holds a shared item, and whether it is announced. */
export const Reachability = z.strictObject({
  root: Cid,
  /** LAN peers that hold the root block (asked now). */
  holders: z.array(z.strictObject({ peer: z.string(), deviceName: z.string() })),
  /** Announced on the LAN DHT / the WAN DHT (when last announced, ms since the epoch). */
  lanDht: z.number().optional(),
  wanDht: z.number().optional()
})

/** A peer downloading from us now. */
export const Upload = z.strictObject({ peer: z.string(), deviceName: z.string(), blocks: z.number(), bytes: z.number(), itemId: ShareItemId.optional() })

/** The inputs of the `share` methods. */
export const ShareInputs = {
  addDevice: z.strictObject({ address: Multiaddr }),
  updateDevice: z.strictObject({ peer: PeerIdText, favourite: z.boolean().optional(), autoAccept: z.boolean().optional(), forget: z.boolean().optional() }),
  configure: z.strictObject({ deviceName: DeviceName.optional(), inboxFolder: LocalPath.optional() }),
  item: z.strictObject({ id: ShareItemId }),
  items: z.strictObject({ direction: z.enum(['in', 'out']).optional() }),
  pairJoin: z.strictObject({ code: PairingCode }),
  linkCreate: z.strictObject({ cid: Cid, name: z.string().min(1).max(255).optional(), pin: LinkPin.optional() }),
  link: z.strictObject({ id: ShareLinkId }),
  reach: z.strictObject({ cid: Cid })
}
