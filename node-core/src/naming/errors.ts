/**
 * Errors of naming: keys and IPNS.
 */

/** No key by that name. */
export class KeyNotFoundError extends Error {
  static override name = 'KeyNotFoundError'
  override name = 'KeyNotFoundError'
  readonly code = 'ERR_KEY_NOT_FOUND'
}

/** A key by that name exists already. */
export class KeyExistsError extends Error {
  static override name = 'KeyExistsError'
  override name = 'KeyExistsError'
  readonly code = 'ERR_KEY_EXISTS'
}

/** A key name, type or key bytes that cannot be used. */
export class InvalidKeyError extends Error {
  static override name = 'InvalidKeyError'
  override name = 'InvalidKeyError'
  readonly code = 'ERR_INVALID_KEY'
}

/** An IPNS name that is neither a peer ID / libp2p-key CID nor a domain. */
export class InvalidNameError extends Error {
  static override name = 'InvalidNameError'
  override name = 'InvalidNameError'
  readonly code = 'ERR_INVALID_NAME'
}

/** An IPNS record that fails validation: signature, expiry, size, or fields that disagree. */
export class InvalidRecordError extends Error {
  static override name = 'InvalidRecordError'
  override name = 'InvalidRecordError'
  readonly code = 'ERR_INVALID_IPNS_RECORD'
}

/** A name that could not be resolved (no record found, DNS failed, or recursion too deep). */
export class ResolveFailedError extends Error {
  static override name = 'ResolveFailedError'
  override name = 'ResolveFailedError'
  readonly code = 'ERR_RESOLVE_FAILED'
}
