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

/** A call without a valid `API.Authorizations` secret (HTTP 401). */
export class UnauthorizedError extends Error {
  static override name = 'UnauthorizedError'
  override name = 'UnauthorizedError'
  readonly code = 'ERR_UNAUTHORIZED'
}

/** A connection from a non-loopback address while `API.AllowRemote` is false (HTTP 403). */
export class RemoteAccessError extends Error {
  static override name = 'RemoteAccessError'
  override name = 'RemoteAccessError'
  readonly code = 'ERR_REMOTE_ACCESS'
}

/** A call whose `API.Authorizations` secret does not allow its path (HTTP 403). */
export class ForbiddenPathError extends Error {
  static override name = 'ForbiddenPathError'
  override name = 'ForbiddenPathError'
  readonly code = 'ERR_FORBIDDEN_PATH'
}

/** A WebSocket bridge frame that is not a message of its protocol, or a call the connection may not make now. */
export class BridgeProtocolError extends Error {
  static override name = 'BridgeProtocolError'
  override name = 'BridgeProtocolError'
  readonly code = 'ERR_BRIDGE_PROTOCOL'
}
