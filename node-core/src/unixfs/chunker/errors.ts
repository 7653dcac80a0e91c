/**
 * Errors of the chunkers.
 */

/** A chunker spec Kubo would not accept. */
export class InvalidChunkerError extends Error {
  static override name = 'InvalidChunkerError'
  override name = 'InvalidChunkerError'
  readonly code = 'ERR_INVALID_CHUNKER'
}
