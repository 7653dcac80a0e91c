/**
 * Errors of the HTTP gateway: requests it refuses, and retrievals that
 * could not finish. `status.ts` maps these (and the errors of the layers
 * below) to HTTP status codes.
 */

/** A malformed request: bad URL encoding, `..` segments, unknown `format`, bad `entity-bytes` (HTTP 400). */
export class GatewayBadRequestError extends Error {
  static override name = 'GatewayBadRequestError'
  override name = 'GatewayBadRequestError'
  readonly code = 'ERR_GATEWAY_BAD_REQUEST'
}

/** A URL outside `/ipfs/` and `/ipns/` (HTTP 404). */
export class GatewayNotFoundError extends Error {
  static override name = 'GatewayNotFoundError'
  override name = 'GatewayNotFoundError'
  readonly code = 'ERR_GATEWAY_NOT_FOUND'
}

/** A response type the gateway cannot produce for this content (HTTP 406). */
export class NotAcceptableError extends Error {
  static override name = 'NotAcceptableError'
  override name = 'NotAcceptableError'
  readonly code = 'ERR_GATEWAY_NOT_ACCEPTABLE'
}

/** `Cache-Control: only-if-cached` and the root block is not stored locally (HTTP 412). */
export class NotCachedError extends Error {
  static override name = 'NotCachedError'
  override name = 'NotCachedError'
  readonly code = 'ERR_GATEWAY_NOT_CACHED'
}

/** Something the gateway does not do: `/ipns/` without a resolver, paths into IPLD values that are not links (HTTP 501). */
export class GatewayNotImplementedError extends Error {
  static override name = 'GatewayNotImplementedError'
  override name = 'GatewayNotImplementedError'
  readonly code = 'ERR_GATEWAY_NOT_IMPLEMENTED'
}

/** A name resolved to something that is not an `/ipfs/` path (HTTP 502). */
export class BadResolutionError extends Error {
  static override name = 'BadResolutionError'
  override name = 'BadResolutionError'
  readonly code = 'ERR_GATEWAY_BAD_RESOLUTION'
}

/** No block arrived within the retrieval timeout (HTTP 504). */
export class RetrievalTimeoutError extends Error {
  static override name = 'RetrievalTimeoutError'
  override name = 'RetrievalTimeoutError'
  readonly code = 'ERR_GATEWAY_RETRIEVAL_TIMEOUT'
}

/** The gateway's address is taken or cannot be listened on. */
export class GatewayAddressError extends Error {
  static override name = 'GatewayAddressError'
  override name = 'GatewayAddressError'
  readonly code = 'ERR_GATEWAY_ADDRESS'
}
