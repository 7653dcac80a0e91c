/**
 * Errors of the exchange (Bitswap).
 */

/** A peer sent bytes that are not a valid Bitswap message, or one over the limits. */
export class InvalidBitswapMessageError extends Error {
  static override name = 'InvalidBitswapMessageError'
  override name = 'InvalidBitswapMessageError'
  readonly code = 'ERR_INVALID_BITSWAP_MESSAGE'
}

/** A block could not be fetched: no peer had it in time, or the fetch was given up. */
export class BlockUnavailableError extends Error {
  static override name = 'BlockUnavailableError'
  override name = 'BlockUnavailableError'
  readonly code = 'ERR_BLOCK_UNAVAILABLE'
}

/** Bitswap was used before `start()` or after `stop()`. */
export class ExchangeNotStartedError extends Error {
  static override name = 'ExchangeNotStartedError'
  override name = 'ExchangeNotStartedError'
  readonly code = 'ERR_EXCHANGE_NOT_STARTED'
}
