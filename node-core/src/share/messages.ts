/**
 * The share protocol's messages (docs/share-protocol.md): one JSON object
 * per message, checked here before anything reads it. The version is read
 * first, so a newer peer is refused by name, not as garbage; then the
 * message must match its type's schema exactly (no unknown fields), within
 * the limits of `limits.ts`.
 */
import { z } from 'zod'
import { ShareMessageError, ShareVersionError } from './errors.ts'
import { hasControlCharacter } from './names.ts'
import { MAX_ITEM_BYTES, MAX_NAME_BYTES, MAX_OFFERED_FILES, MAX_PATH_BYTES, SHARE_VERSION } from './limits.ts'

const Id = z.string().regex(/^[a-z2-7]{26}$/)
const Cid = z.string().min(1).max(512).regex(/^[A-Za-z0-9]+$/)
const Count = z.number().int().min(0).max(MAX_ITEM_BYTES)
const Text = (max: number): z.ZodString => z.string().max(max).refine((s) => !hasControlCharacter(s), 'must not contain control characters')
const Base64 = (max: number): z.ZodString => z.string().max(max).regex(/^[A-Za-z0-9+/]*={0,2}$/)

/** What a device says of itself. */
export const DeviceHello = z.strictObject({ name: Text(64).min(1), os: Text(32), appVersion: Text(32) })

/** Every message has a version, a type, a unique id and the sender's clock. */
const head = { v: z.literal(SHARE_VERSION), id: Id, sentAt: z.number().int().min(0) }

/** One file of an offer. Its path is checked for safety by `names.ts`. */
const OfferedFile = z.strictObject({ path: z.string().min(1).max(MAX_PATH_BYTES), size: Count })

const Offer = z.strictObject({
  ...head,
  type: z.literal('offer'),
  item: Id,
  root: Cid,
  name: z.string().min(1).max(MAX_NAME_BYTES),
  /** The root is a folder made to hold several items; its entries are saved, not it. */
  wrapped: z.boolean(),
  files: z.array(OfferedFile).max(MAX_OFFERED_FILES),
  fileCount: Count,
  totalBytes: Count,
  /** Lines are allowed in a note; other control characters are not. */
  message: z.string().max(500).refine((s) => !hasControlCharacter(s.replaceAll('\n', '')), 'must not contain control characters other than new lines').optional()
})

/** Requests: what one side sends on a new stream. */
export const Request = z.discriminatedUnion('type', [
  z.strictObject({ ...head, type: z.literal('hello'), device: DeviceHello }),
  Offer,
  z.strictObject({ ...head, type: z.literal('answer'), item: Id, answer: z.enum(['accept', 'decline']) }),
  z.strictObject({ ...head, type: z.literal('cancel'), item: Id }),
  z.strictObject({ ...head, type: z.literal('progress'), item: Id, bytes: Count, blocks: Count, sources: z.array(z.strictObject({ peer: z.string().max(200).regex(/^[A-Za-z0-9]+$/), blocks: Count, bytes: Count })).max(64) }),
  z.strictObject({ ...head, type: z.literal('receipt'), item: Id, root: Cid, bytes: Count, receivedAt: z.number().int().min(0), signature: Base64(1024) }),
  z.strictObject({ ...head, type: z.literal('has'), root: Cid }),
  z.strictObject({ ...head, type: z.literal('pair'), nonce: Base64(64), proof: Base64(64), device: DeviceHello })
])

/** Replies: the one answer to a request. */
export const Reply = z.discriminatedUnion('type', [
  z.strictObject({ v: z.literal(SHARE_VERSION), type: z.literal('ok'), state: z.enum(['waiting', 'accepted']).optional(), has: z.boolean().optional() }),
  z.strictObject({ v: z.literal(SHARE_VERSION), type: z.literal('hello'), device: DeviceHello }),
  z.strictObject({ v: z.literal(SHARE_VERSION), type: z.literal('paired'), nonce: Base64(64), proof: Base64(64), device: DeviceHello }),
  z.strictObject({ v: z.literal(SHARE_VERSION), type: z.literal('error'), error: z.strictObject({ name: Text(100), message: Text(1000) }) })
])

export type Request = z.infer<typeof Request>
export type Reply = z.infer<typeof Reply>
export type OfferMessage = z.infer<typeof Offer>
export type Hello = z.infer<typeof DeviceHello>
/** A request before its head is filled in. */
export type RequestBody = Request extends infer R ? R extends Request ? Omit<R, 'v' | 'id' | 'sentAt'> : never : never

/** Parse one message's bytes with `schema`: ShareVersionError for another version, ShareMessageError for anything else wrong. */
export function parseMessage<T> (schema: z.ZodType<T>, bytes: Uint8Array): T {
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw new ShareMessageError('the message is not UTF-8 JSON')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShareMessageError('the message is not an object')
  const v = (value as { v?: unknown }).v
  if (v !== SHARE_VERSION) {
    if (typeof v === 'number') throw new ShareVersionError(`share protocol version ${v} is not supported (this node speaks ${SHARE_VERSION})`)
    throw new ShareMessageError('the message has no version')
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ShareMessageError(`invalid ${String((value as { type?: unknown }).type).slice(0, 20)} message: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim())
  }
  return parsed.data
}

/** A message's bytes. */
export function encodeMessage (message: Request | Reply): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(message))
}
