/**
 * Errors of UnixFS data read from blocks.
 */

/** A dag-pb node whose UnixFS data is missing, malformed or inconsistent. */
export class InvalidUnixFSError extends Error {
  static override name = 'InvalidUnixFSError'
  override name = 'InvalidUnixFSError'
  readonly code = 'ERR_INVALID_UNIXFS'
}
