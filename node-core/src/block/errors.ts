/**
 * Errors of the block layer.
 *
 * Each condition has its own class; callers branch on `name`, and `code` is
 * the stable string that crosses the API as `{name, message, code}`.
 */

/** No block with this CID is in the store. */
export class BlockNotFoundError extends Error {
  static override name = 'BlockNotFoundError'
  override name = 'BlockNotFoundError'
  readonly code = 'ERR_BLOCK_NOT_FOUND'
}

/** The bytes do not hash to the CID they were given or stored under. */
export class BlockHashMismatchError extends Error {
  static override name = 'BlockHashMismatchError'
  override name = 'BlockHashMismatchError'
  readonly code = 'ERR_BLOCK_HASH_MISMATCH'
}

/** A CID string or byte form that cannot be parsed. */
export class InvalidCidError extends Error {
  static override name = 'InvalidCidError'
  override name = 'InvalidCidError'
  readonly code = 'ERR_INVALID_CID'
}

/** A codec name or code that this node does not know. */
export class UnknownCodecError extends Error {
  static override name = 'UnknownCodecError'
  override name = 'UnknownCodecError'
  readonly code = 'ERR_UNKNOWN_CODEC'
}

/** A hash function name or code that this node does not know. */
export class UnknownHashError extends Error {
  static override name = 'UnknownHashError'
  override name = 'UnknownHashError'
  readonly code = 'ERR_UNKNOWN_HASH'
}

/** Bytes that the codec named by the CID cannot decode. */
export class BlockDecodeError extends Error {
  static override name = 'BlockDecodeError'
  override name = 'BlockDecodeError'
  readonly code = 'ERR_BLOCK_DECODE'
}

/** A block larger than this node accepts. */
export class BlockTooLargeError extends Error {
  static override name = 'BlockTooLargeError'
  override name = 'BlockTooLargeError'
  readonly code = 'ERR_BLOCK_TOO_LARGE'
}
