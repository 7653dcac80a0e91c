/**
 * Errors of the daemon and its RPC.
 */

/** An RPC call with missing or malformed arguments (HTTP 400). */
export class BadRequestError extends Error {
  static override name = 'BadRequestError'
  override name = 'BadRequestError'
  readonly code = 'ERR_BAD_REQUEST'
}

/** No such RPC endpoint (HTTP 404). */
export class UnknownEndpointError extends Error {
  static override name = 'UnknownEndpointError'
  override name = 'UnknownEndpointError'
  readonly code = 'ERR_UNKNOWN_ENDPOINT'
}

/** A request from a web page of another origin (HTTP 403). */
export class ForbiddenOriginError extends Error {
  static override name = 'ForbiddenOriginError'
  override name = 'ForbiddenOriginError'
  readonly code = 'ERR_FORBIDDEN_ORIGIN'
}

/** The configured API address is taken or cannot be listened on. */
export class ApiAddressError extends Error {
  static override name = 'ApiAddressError'
  override name = 'ApiAddressError'
  readonly code = 'ERR_API_ADDRESS'
}
