/**
 * The LAN links: each names one CID the LAN link server may serve, under
 * an unguessable id, with an optional PIN.
 *
 * One durable record per link (repo/records.ts), named by its id: 16
 * random bytes in lowercase base32 without padding (26 characters). A PIN
 * is kept only as a salted scrypt hash and checked in constant time; it
 * never leaves this module, not even hashed. Every record read back is
 * validated: a corrupt one is a CorruptLinkError for `get` and left out
 * of `list`, so it is never served. Writes to records (create, revoke, a
 * download counted) run one at a time, so that a download counted while
 * the link is revoked cannot bring its record back. A revoked id is
 * remembered while the process runs, so the server can answer "gone"
 * rather than "never existed".
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { parseCid } from '../block/block.ts'
import { newId } from './ids.ts'
import { CorruptLinkError, InvalidLinkError } from './link-errors.ts'
import type { RecordStore } from '../repo/records.ts'
import type { CID } from 'multiformats/cid'

/** A link as the rest of the node sees it (the PIN's hash stays inside). */
export interface Link {
  /** 26 characters of base32. */
  id: string
  cid: CID
  /** What coworkers see: the file or folder name. */
  name: string
  hasPin: boolean
  /** ms since the epoch. */
  createdAt: number
  /** Downloads served. */
  downloads: number
}

/** What a new link holds. */
export interface LinkInit {
  cid: CID
  name: string
  /** 4 to 8 digits. */
  pin?: string
}

/** A link id's form. */
export const LINK_ID = /^[a-z2-7]{26}$/
const PIN = /^\d{4,8}$/
const MAX_NAME = 255
const SALT_BYTES = 16
const HASH_BYTES = 32
const SCRYPT = { N: 16384, r: 8, p: 1 }

const base64 = (bytes: number): z.ZodString => z.string().refine((text) => Buffer.from(text, 'base64').byteLength === bytes && Buffer.from(text, 'base64').toString('base64') === text, `must be ${bytes} bytes of base64`)

const LinkRecord = z.strictObject({
  version: z.literal(1),
  id: z.string().regex(LINK_ID),
  cid: z.string(),
  name: z.string(),
  createdAt: z.number().int().nonnegative(),
  downloads: z.number().int().nonnegative(),
  pin: z.strictObject({ salt: base64(SALT_BYTES), hash: base64(HASH_BYTES) }).optional()
})
type LinkRecord = z.infer<typeof LinkRecord>

/** The links, over their records. */
export class LinkStore {
  readonly #records: RecordStore
  readonly #revoked = new Set<string>()
  readonly #onRevoke = new Set<(id: string) => void>()
  #queue: Promise<unknown> = Promise.resolve()

  constructor (records: RecordStore) {
    this.#records = records
  }

  /** Make a link to `init.cid`; InvalidLinkError for a name or PIN out of form. */
  async create (init: LinkInit): Promise<Link> {
    const name = checkName(init.name)
    if (init.pin !== undefined && !PIN.test(init.pin)) throw new InvalidLinkError('a link PIN must be 4 to 8 digits')
    const id = newId()
    const record: LinkRecord = { version: 1, id, cid: init.cid.toString(), name, createdAt: Date.now(), downloads: 0 }
    if (init.pin !== undefined) {
      const salt = randomBytes(SALT_BYTES)
      record.pin = { salt: salt.toString('base64'), hash: (await hashPin(init.pin, salt)).toString('base64') }
    }
    await this.#serial(async () => { await this.#records.put(id, JSON.stringify(record)) })
    return toLink(record, init.cid)
  }

  /** Every readable link, oldest first (corrupt records left out). */
  async list (): Promise<Link[]> {
    const links: Link[] = []
    for (const name of await this.#records.names()) {
      if (!LINK_ID.test(name)) continue
      try {
        const link = await this.get(name)
        if (link !== undefined) links.push(link)
      } catch (err) {
        if (!(err instanceof CorruptLinkError)) throw err
      }
    }
    return links.sort((a, b) => a.createdAt - b.createdAt)
  }

  /** The link `id`, or undefined (also for text that is no link id); CorruptLinkError if its record does not read back. */
  async get (id: string): Promise<Link | undefined> {
    const record = await this.#read(id)
    return record === undefined ? undefined : toLink(record, parseCid(record.cid))
  }

  /** True when `pin` is the PIN of link `id` (false for a link without a PIN, or none). */
  async checkPin (id: string, pin: string): Promise<boolean> {
    const stored = (await this.#read(id))?.pin
    if (stored === undefined) return false
    // The hash is computed for any text, so a malformed PIN takes as long to refuse as a wrong one.
    const hash = await hashPin(pin.slice(0, 64), Buffer.from(stored.salt, 'base64'))
    return timingSafeEqual(hash, Buffer.from(stored.hash, 'base64')) && PIN.test(pin)
  }

  /** Count one download of link `id` (nothing if it is gone). */
  async countDownload (id: string): Promise<void> {
    await this.#serial(async () => {
      const record = await this.#read(id)
      if (record === undefined) return
      await this.#records.put(id, JSON.stringify({ ...record, downloads: record.downloads + 1 }))
    })
  }

  /** Delete link `id` durably; false if there was none. Listeners of `onRevoke` hear of it. */
  async revoke (id: string): Promise<boolean> {
    if (!LINK_ID.test(id)) return false
    const deleted = await this.#serial(async () => await this.#records.delete(id))
    if (deleted) {
      this.#revoked.add(id)
      for (const listener of this.#onRevoke) listener(id)
    }
    return deleted
  }

  /** True when link `id` was revoked since this process started. */
  wasRevoked (id: string): boolean {
    return this.#revoked.has(id)
  }

  /** Call `listener` with each id revoked from now on; returns a function that stops it. */
  onRevoke (listener: (id: string) => void): () => void {
    this.#onRevoke.add(listener)
    return () => { this.#onRevoke.delete(listener) }
  }

  async #read (id: string): Promise<LinkRecord | undefined> {
    if (!LINK_ID.test(id)) return undefined
    const bytes = await this.#records.get(id)
    return bytes === undefined ? undefined : parseRecord(id, bytes)
  }

  async #serial<T> (write: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(write)
    this.#queue = next.catch(() => undefined)
    return await next
  }
}

function checkName (name: string): string {
  if (name.length === 0 || name.length > MAX_NAME) throw new InvalidLinkError(`a link name must be 1 to ${MAX_NAME} characters`)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f/\\]/.test(name) || name === '.' || name === '..') throw new InvalidLinkError('a link name must not contain control characters, "/" or "\\", nor be "." or ".."')
  return name
}

function parseRecord (id: string, bytes: Uint8Array): LinkRecord {
  let record: LinkRecord
  try {
    record = LinkRecord.parse(JSON.parse(new TextDecoder().decode(bytes)))
    parseCid(record.cid)
    checkName(record.name)
  } catch (err) {
    throw new CorruptLinkError(`link record ${id}: ${(err as Error).message.slice(0, 300)}`, { cause: err })
  }
  if (record.id !== id) throw new CorruptLinkError(`link record ${id} holds the id ${record.id}`)
  return record
}

function toLink (record: LinkRecord, cid: CID): Link {
  return { id: record.id, cid, name: record.name, hasPin: record.pin !== undefined, createdAt: record.createdAt, downloads: record.downloads }
}

async function hashPin (pin: string, salt: Uint8Array): Promise<Buffer> {
  return await new Promise((resolve, reject) => {
    scrypt(pin, salt, HASH_BYTES, SCRYPT, (err, key) => { if (err === null) resolve(key); else reject(err) })
  })
}
