/**
 * The messages of the WebSocket bridge, one JSON text frame each.
 *
 * Client to node: `call` (a request id, a method, its input), `cancel`,
 * `subscribe` and `unsubscribe` to an event. Node to client: `progress`
 * of a call, its `result` or `error`, and `event`s. Both sides check every
 * message they receive against these schemas.
 */
import { z } from 'zod'
import { WireErrorSchema } from './contract.ts'

/** The path the daemon serves the bridge on. */
export const WS_PATH = '/api/ws'

/** Largest message the node accepts from a client. */
export const MAX_WS_MESSAGE = 1024 * 1024

/**
 * Largest message a client accepts from its node: a reply may list a whole
 * directory (10,000 Files entries are ~1.3 MB of JSON), and a client trusts
 * the node it chose more than the node trusts any page.
 */
export const MAX_WS_REPLY = 64 * 1024 * 1024

/** Calls one connection may have running at once. */
export const MAX_CALLS_IN_FLIGHT = 64

const RequestId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)
const Name = z.string().min(1).max(100)

/** What a client sends. */
export const ClientMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('call'), id: RequestId, method: Name, input: z.unknown() }),
  z.strictObject({ type: z.literal('cancel'), id: RequestId }),
  z.strictObject({ type: z.literal('subscribe'), event: Name }),
  z.strictObject({ type: z.literal('unsubscribe'), event: Name })
])

/** What the node sends. */
export const NodeMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('result'), id: RequestId, output: z.unknown() }),
  z.strictObject({ type: z.literal('error'), id: RequestId.nullable(), error: WireErrorSchema }),
  z.strictObject({ type: z.literal('progress'), id: RequestId, progress: z.unknown() }),
  z.strictObject({ type: z.literal('event'), event: Name, payload: z.unknown() })
])

export type ClientMessage = z.infer<typeof ClientMessage>
export type NodeMessage = z.infer<typeof NodeMessage>

/** Parse one frame as `schema`; undefined if it is not JSON or does not match. */
export function parseFrame<T> (schema: z.ZodType<T>, text: string): T | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : undefined
}
