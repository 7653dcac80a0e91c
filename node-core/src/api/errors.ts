/**
 * Errors of the API doors, and how any error crosses them.
 */
import type { WireError } from './contract.ts'

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

/** An error raised by the node, as a client receives it: `name` and `code` are the node's. */
export class RemoteError extends Error {
  static override name = 'RemoteError'
  override name: string
  readonly code: string
  constructor (wire: WireError) {
    super(wire.message)
    this.name = wire.name
    this.code = wire.code
  }
}

/** Any thrown value as it crosses a door: its name, message and code (`ERR_INTERNAL` when it has none). */
export function toWireError (err: unknown): WireError {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code
    const name = err.name === 'AbortError' ? CallCancelledError.name : err.name
    return { name, message: err.message, code: typeof code === 'string' ? code : name === CallCancelledError.name ? 'ERR_CALL_CANCELLED' : 'ERR_INTERNAL' }
  }
  return { name: 'Error', message: String(err), code: 'ERR_INTERNAL' }
}
