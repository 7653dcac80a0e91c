/**
 * Errors of the IPLD layer: paths, resolution and CARs.
 */

/** A path that is not `/ipfs/<cid>[/...]` or `<cid>[/...]`. */
export class InvalidPathError extends Error {
  static override name = 'InvalidPathError'
  override name = 'InvalidPathError'
  readonly code = 'ERR_INVALID_PATH'
}

/** A path segment that names no link or field. */
export class PathNotFoundError extends Error {
  static override name = 'PathNotFoundError'
  override name = 'PathNotFoundError'
  readonly code = 'ERR_PATH_NOT_FOUND'
}

/** A `/ipns/` path given while naming is not available. */
export class IpnsUnavailableError extends Error {
  static override name = 'IpnsUnavailableError'
  override name = 'IpnsUnavailableError'
  readonly code = 'ERR_IPNS_UNAVAILABLE'
}

/** A CAR file that is malformed, truncated, or holds a block that does not match its CID. */
export class InvalidCarError extends Error {
  static override name = 'InvalidCarError'
  override name = 'InvalidCarError'
  readonly code = 'ERR_INVALID_CAR'
}

/** A value that the chosen codec cannot encode (e.g. `dag put --store-codec dag-pb` of a non-PBNode). */
export class DagEncodeError extends Error {
  static override name = 'DagEncodeError'
  override name = 'DagEncodeError'
  readonly code = 'ERR_DAG_ENCODE'
}
