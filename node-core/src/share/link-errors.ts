/**
 * Errors of the LAN link store (`links.ts`): what it refuses to create,
 * and the records it cannot read back.
 */

/** A link asked for with a name or PIN the store does not take. */
export class InvalidLinkError extends Error {
  static override name = 'InvalidLinkError'
  override name = 'InvalidLinkError'
  readonly code = 'ERR_INVALID_LINK'
}

/** A stored link record that does not read back as a link (never served). */
export class CorruptLinkError extends Error {
  static override name = 'CorruptLinkError'
  override name = 'CorruptLinkError'
  readonly code = 'ERR_CORRUPT_LINK'
}
