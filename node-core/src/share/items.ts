/**
 * Transfers, sent and received: kept in memory for the API and as durable
 * records, so a restart finds each item where it was (a transfer that was
 * moving resumes; one waiting for an answer still waits). Progress is
 * written at most every few seconds; states at once.
 */
import { z } from 'zod'
import { MAX_OFFERED_FILES } from './limits.ts'
import type { RecordStore } from '../repo/records.ts'

const State = z.enum(['waiting', 'transferring', 'paused', 'done', 'declined', 'cancelled', 'expired', 'failed'])

const ItemRecord = z.strictObject({
  id: z.string().regex(/^[a-z2-7]{26}$/),
  direction: z.enum(['in', 'out']),
  peer: z.string().max(200),
  deviceName: z.string().max(100),
  root: z.string().max(512),
  name: z.string().max(255),
  wrapped: z.boolean(),
  files: z.array(z.strictObject({ path: z.string(), size: z.number() })).max(MAX_OFFERED_FILES),
  fileCount: z.number(),
  totalBytes: z.number(),
  message: z.string().max(500).optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  state: State,
  bytes: z.number(),
  speed: z.number(),
  sources: z.array(z.strictObject({ peer: z.string(), blocks: z.number(), bytes: z.number() })),
  verified: z.boolean(),
  savedTo: z.array(z.string()).optional(),
  filesPath: z.string().optional(),
  receipt: z.strictObject({ receivedAt: z.number(), signature: z.string() }).optional(),
  /** Received: the receipt reached the sender. */
  receiptSent: z.boolean().optional(),
  error: z.strictObject({ name: z.string(), message: z.string() }).optional()
})

/** A transfer, with what only the node needs (`wrapped`, `receiptSent`). */
export type Item = z.infer<typeof ItemRecord>
/** Where a transfer is. */
export type ItemState = Item['state']

/** An error as an item keeps it: its name and message, cut to size. */
export function errorOf (err: unknown): { name: string, message: string } {
  const e = err as Error
  return { name: String(e.name).slice(0, 100), message: String(e.message).slice(0, 1000) }
}

const PROGRESS_WRITE_MS = 5_000
const CLOSED_KEPT_PER_PEER = 50
const ITEMS_KEPT = 5_000

/** The transfers of this node. */
export class Items {
  readonly #records: RecordStore
  readonly #items = new Map<string, Item>()
  readonly #written = new Map<string, number>()
  readonly #onChange: (item: Item) => void

  constructor (records: RecordStore, onChange: (item: Item) => void) {
    this.#records = records
    this.#onChange = onChange
  }

  /** Load the kept items (a damaged record is skipped). */
  async load (): Promise<Item[]> {
    for (const name of await this.#records.names()) {
      const bytes = await this.#records.get(name)
      if (bytes === undefined) continue
      try {
        const item = ItemRecord.parse(JSON.parse(new TextDecoder().decode(bytes)))
        if (item.id === name) this.#items.set(item.id, item)
      } catch {
        // a damaged record: skipped
      }
    }
    return [...this.#items.values()]
  }

  get (id: string): Item | undefined {
    return this.#items.get(id)
  }

  list (direction?: 'in' | 'out'): Item[] {
    return [...this.#items.values()].filter((i) => direction === undefined || i.direction === direction).sort((a, b) => b.createdAt - a.createdAt)
  }

  /** Received items waiting for an answer, from `peer` or from anyone. */
  waiting (peer?: string): number {
    let n = 0
    for (const item of this.#items.values()) if (item.direction === 'in' && item.state === 'waiting' && (peer === undefined || item.peer === peer)) n++
    return n
  }

  /**
   * Make room before a new offer from `peer`: of the offers it made that
   * ended unaccepted (declined, cancelled, expired), only the newest
   * CLOSED_KEPT_PER_PEER stay, and of all finished items the newest
   * ITEMS_KEPT; so offers cannot fill the disk or the inbox.
   */
  async prune (peer: string): Promise<void> {
    const ended = this.list('in').filter((i) => i.peer === peer && i.bytes === 0 && (i.state === 'declined' || i.state === 'cancelled' || i.state === 'expired'))
    for (const item of ended.slice(CLOSED_KEPT_PER_PEER - 1)) await this.remove(item.id)
    const finished = this.list().filter((i) => !['waiting', 'transferring', 'paused'].includes(i.state))
    for (const item of finished.slice(ITEMS_KEPT - 1)) await this.remove(item.id)
  }

  /** Add a new item (durable when this resolves). */
  async add (item: Item): Promise<Item> {
    this.#items.set(item.id, item)
    await this.#write(item)
    this.#onChange(item)
    return item
  }

  /** Change an item; a change of state (or `durable`) is written now, progress every few seconds. */
  async update (id: string, change: Partial<Item>, durable = false): Promise<Item | undefined> {
    const item = this.#items.get(id)
    if (item === undefined) return undefined
    const stateChanged = change.state !== undefined && change.state !== item.state
    Object.assign(item, change, { updatedAt: Date.now() })
    if (change.error === undefined && stateChanged && change.state !== 'failed' && change.state !== 'paused') delete item.error
    if (stateChanged || durable || Date.now() - (this.#written.get(id) ?? 0) > PROGRESS_WRITE_MS) await this.#write(item)
    this.#onChange(item)
    return item
  }

  async remove (id: string): Promise<void> {
    this.#items.delete(id)
    this.#written.delete(id)
    await this.#records.delete(id)
  }

  async #write (item: Item): Promise<void> {
    this.#written.set(item.id, Date.now())
    await this.#records.put(item.id, JSON.stringify(item))
  }
}
