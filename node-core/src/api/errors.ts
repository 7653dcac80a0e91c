/**
 * Errors of the API doors.
 */
/** A call named a method the contract does not have. */
export class UnknownMethodError extends Error {
  static override name = 'UnknownMethodError'
  override name = 'UnknownMethodError'
  readonly code = 'ERR_UNKNOWN_METHOD'
}

/** A call's input does not match its method's schema. */
export class InvalidInputError extends Error {
  static override name = 'InvalidInputError'
  override name = 'InvalidInputError'
  readonly code = 'ERR_INVALID_INPUT'
}

/** A reply or event that does not match the contract (a client's check of what came back). */
export class InvalidOutputError extends Error {
  static override name = 'InvalidOutputError'
  override name = 'InvalidOutputError'
  readonly code = 'ERR_INVALID_OUTPUT'
}

/** The caller cancelled the call. */
export class CallCancelledError extends Error {
  static override name = 'CallCancelledError'
  override name = 'CallCancelledError'
  readonly code = 'ERR_CALL_CANCELLED'
}

/** The transport closed before the call ended. */
export class TransportClosedError extends Error {
  static override name = 'TransportClosedError'
  override name = 'TransportClosedError'
  readonly code = 'ERR_TRANSPORT_CLOSED'
}

/** A `dag.get` node whose dag-json form is over the size a reply may carry, or nested too deeply to show. */
export class DagNodeTooLargeError extends Error {
  static override name = 'DagNodeTooLargeError'
  override name = 'DagNodeTooLargeError'
  readonly code = 'ERR_DAG_NODE_TOO_LARGE'
}
