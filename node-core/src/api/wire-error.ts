/**
 * How any error crosses a door: as `{name, message, code}` on the way out,
 * as a RemoteError carrying the node's name and code on the way in.
 */
import { CallCancelledError } from './errors.ts'
import type { WireError } from './contract.ts'

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
