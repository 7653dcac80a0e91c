/**
 * Errors of sharing with devices: what a peer sent that breaks the share
 * protocol, and what a send, answer or pairing met on the way.
 */

function named (name: string, code: string): new (message: string) => Error & { readonly code: string } {
  const Class = class extends Error {
    static override name = name
    override name = name
    readonly code = code
  }
  return Class
}

/** A peer sent something that is not a valid share message (malformed, over a limit, unexpected). */
export class ShareMessageError extends named('ShareMessageError', 'ERR_SHARE_MESSAGE') {}
/** A peer speaks a version of the share protocol this node does not. */
export class ShareVersionError extends named('ShareVersionError', 'ERR_SHARE_VERSION') {}
/** A message already received (same id), or one too old to be trusted. */
export class ShareReplayError extends named('ShareReplayError', 'ERR_SHARE_REPLAY') {}
/** A peer sends too many messages or offers; it must wait. */
export class ShareRateLimitError extends named('ShareRateLimitError', 'ERR_SHARE_RATE_LIMIT') {}
/** A peer did not answer in time. */
export class ShareTimeoutError extends named('ShareTimeoutError', 'ERR_SHARE_TIMEOUT') {}
/** The device could not be reached (offline, or it does not speak the share protocol). */
export class DeviceUnreachableError extends named('DeviceUnreachableError', 'ERR_DEVICE_UNREACHABLE') {}
/** No device has that peer ID or name. */
export class UnknownDeviceError extends named('UnknownDeviceError', 'ERR_UNKNOWN_DEVICE') {}
/** Several devices have that name; give the peer ID. */
export class AmbiguousDeviceError extends named('AmbiguousDeviceError', 'ERR_AMBIGUOUS_DEVICE') {}
/** No transfer has that id. */
export class UnknownItemError extends named('UnknownItemError', 'ERR_UNKNOWN_SHARE_ITEM') {}
/** The transfer is not in a state that allows this (accepting a sent item, cancelling a finished one). */
export class ItemStateError extends named('ItemStateError', 'ERR_SHARE_ITEM_STATE') {}
/** A file name in an offer or its content that could escape the inbox folder or is not valid on some system. */
export class UnsafeFileNameError extends named('UnsafeFileNameError', 'ERR_UNSAFE_FILE_NAME') {}
/** The content received does not match what was offered (names, sizes, count). */
export class OfferMismatchError extends named('OfferMismatchError', 'ERR_SHARE_OFFER_MISMATCH') {}
/** The item is larger than the space left for it. */
export class NotEnoughSpaceError extends named('NotEnoughSpaceError', 'ERR_SHARE_NOT_ENOUGH_SPACE') {}
/** A receipt whose signature is not the receiver's, or that receipts something else. */
export class InvalidReceiptError extends named('InvalidReceiptError', 'ERR_SHARE_INVALID_RECEIPT') {}
/** No device answered to that pairing code (wrong, expired or used up). */
export class PairingFailedError extends named('PairingFailedError', 'ERR_PAIRING_FAILED') {}
/** The sender went away mid-transfer; the item resumes when it is back. */
export class SenderGoneError extends named('SenderGoneError', 'ERR_SHARE_SENDER_GONE') {}
/** Auto-accept was asked for a device that is not a paired favourite. */
export class AutoAcceptNotAllowedError extends named('AutoAcceptNotAllowedError', 'ERR_SHARE_AUTO_ACCEPT') {}
/** What is to be sent is not (all) in this node. */
export class ContentNotLocalError extends named('ContentNotLocalError', 'ERR_SHARE_CONTENT_NOT_LOCAL') {}
