/**
 * The share protocol's name and limits, in one place (docs/share-protocol.md
 * quotes them).
 */

/** The protocol ID; its version is the message version (`v`). */
export const SHARE_PROTOCOL = '/planetary/share/1.0.0'
/** The message version this node speaks. */
export const SHARE_VERSION = 1
/** The largest message, either way. */
export const MAX_MESSAGE_BYTES = 256 * 1024
/** Files listed in an offer (the rest are counted in `fileCount`). */
export const MAX_OFFERED_FILES = 1000
/** Bytes of one path inside an offer, and of one name. */
export const MAX_PATH_BYTES = 4096
export const MAX_NAME_BYTES = 255
/** The largest item offered. */
export const MAX_ITEM_BYTES = 2 ** 50
/** How long a peer has to answer one message. */
export const REPLY_TIMEOUT_MS = 10_000
/** A message this much older or newer than our clock is refused (replay window). */
export const MESSAGE_WINDOW_MS = 10 * 60_000
/** Messages per peer per minute, and offers per peer per minute. */
export const MESSAGES_PER_MINUTE = 120
export const OFFERS_PER_MINUTE = 10
/** Waiting (unanswered) offers kept from one peer, and from everyone. */
export const WAITING_OFFERS_PER_PEER = 20
export const WAITING_OFFERS = 200
/** An offer not answered in this time expires on both sides. */
export const OFFER_TTL_MS = 24 * 60 * 60_000
/** A pairing code is valid this long, for this many wrong tries. */
export const PAIRING_TTL_MS = 10 * 60_000
export const PAIRING_TRIES = 5
/** A transfer with no block for this long while its sender is gone pauses. */
export const STALL_MS = 15_000
