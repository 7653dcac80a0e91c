/**
 * What an RPC endpoint is: a function of the node and the request's
 * arguments, returning one JSON value or a stream of them (NDJSON).
 */
import { BadRequestError } from '../errors.ts'
import type { PlanetaryNode } from '../../node.ts'
import type { IncomingMessage } from 'node:http'

/** A request as a handler sees it. */
export interface RpcRequest {
  node: PlanetaryNode
  /** Positional `arg` parameters, in order. */
  args: string[]
  /** Every other query parameter. */
  query: URLSearchParams
  body: Uint8Array
  /** The request itself, unread, for endpoints that stream their body (`add`). */
  bodyStream?: IncomingMessage
  signal: AbortSignal
}

/** One JSON value, NDJSON lines from an async iterable, or raw bytes (`BinaryResult`). */
export type RpcResult = unknown

/** A reply of raw bytes (`cat`, `block get`, `dag export`), streamed as they come. */
export class BinaryResult {
  readonly chunks: AsyncIterable<Uint8Array>
  constructor (chunks: AsyncIterable<Uint8Array>) {
    this.chunks = chunks
  }
}

/** Kubo's reply to a command that prints nothing (`files rm`, `files mkdir`, ...): 200 and an empty body. */
export function emptyReply (): BinaryResult {
  return new BinaryResult((async function * () {})())
}

/** An endpoint of `/api/v0`. */
export type RpcHandler = (request: RpcRequest) => Promise<RpcResult>

/** The `n`th argument; BadRequestError naming `what` if absent. */
export function arg (request: RpcRequest, n: number, what: string): string {
  const value = request.args[n]
  if (value === undefined || value === '') throw new BadRequestError(`argument "${what}" is required`)
  return value
}

/** A boolean query flag (`true`/`false`/absent). */
export function flag (request: RpcRequest, name: string): boolean {
  const value = request.query.get(name)
  if (value === null || value === '' || value === 'true') return value !== null
  if (value === 'false') return false
  throw new BadRequestError(`option "${name}" must be true or false, got "${value}"`)
}

/** An integer query option, or `fallback`; BadRequestError if malformed or out of range. */
export function intOption (request: RpcRequest, name: string, fallback: number, min: number, max: number): number {
  const value = request.query.get(name)
  if (value === null) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) throw new BadRequestError(`option "${name}" must be an integer from ${min} to ${max}, got "${value}"`)
  return n
}
