/**
 * Errors of pinning.
 */

/** The CID is not pinned (that way). */
export class NotPinnedError extends Error {
  static override name = 'NotPinnedError'
  override name = 'NotPinnedError'
  readonly code = 'ERR_NOT_PINNED'
}

/** The CID is already pinned in a way that the request would contradict. */
export class AlreadyPinnedError extends Error {
  static override name = 'AlreadyPinnedError'
  override name = 'AlreadyPinnedError'
  readonly code = 'ERR_ALREADY_PINNED'
}

/** A stored pin record that cannot be read. */
export class CorruptPinError extends Error {
  static override name = 'CorruptPinError'
  override name = 'CorruptPinError'
  readonly code = 'ERR_CORRUPT_PIN'
}
