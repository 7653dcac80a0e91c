/**
 * Errors of the LAN link server and of the API methods that drive it.
 */

/** `Share.LanLink.Address` is not `/ip4|ip6/<address>/tcp/<port>`, or cannot be listened on. */
export class LanLinkAddressError extends Error {
  static override name = 'LanLinkAddressError'
  override name = 'LanLinkAddressError'
  readonly code = 'ERR_LAN_LINK_ADDRESS'
}

/** The address means "the LAN addresses" and this machine has none (no private network connected). */
export class NoLanAddressError extends Error {
  static override name = 'NoLanAddressError'
  override name = 'NoLanAddressError'
  readonly code = 'ERR_NO_LAN_ADDRESS'
}

/** The door a call came through runs no LAN link server. */
export class LanLinkUnavailableError extends Error {
  static override name = 'LanLinkUnavailableError'
  override name = 'LanLinkUnavailableError'
  readonly code = 'ERR_LAN_LINK_UNAVAILABLE'
}

/** A link asked for content whose root block is not in this node's store. */
export class LinkContentMissingError extends Error {
  static override name = 'LinkContentMissingError'
  override name = 'LinkContentMissingError'
  readonly code = 'ERR_LINK_CONTENT_MISSING'
}

/** A link asked for content that is not a UnixFS file or directory. */
export class LinkContentNotFilesError extends Error {
  static override name = 'LinkContentNotFilesError'
  override name = 'LinkContentNotFilesError'
  readonly code = 'ERR_LINK_CONTENT_NOT_FILES'
}

/** No link has this id. */
export class UnknownLinkError extends Error {
  static override name = 'UnknownLinkError'
  override name = 'UnknownLinkError'
  readonly code = 'ERR_UNKNOWN_LINK'
}
