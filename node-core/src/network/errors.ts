/**
 * Errors of the network layer.
 */

/** A multiaddr from outside that does not parse or cannot be dialled. */
export class InvalidMultiaddrError extends Error {
  static override name = 'InvalidMultiaddrError'
  override name = 'InvalidMultiaddrError'
  readonly code = 'ERR_INVALID_MULTIADDR'
}

/** A peer ID from outside that does not parse. */
export class InvalidPeerIdError extends Error {
  static override name = 'InvalidPeerIdError'
  override name = 'InvalidPeerIdError'
  readonly code = 'ERR_INVALID_PEER_ID'
}

/** An `Addresses.Swarm` entry whose port another program holds. */
export class SwarmAddressInUseError extends Error {
  static override name = 'SwarmAddressInUseError'
  override name = 'SwarmAddressInUseError'
  readonly code = 'ERR_SWARM_ADDRESS_IN_USE'
}
