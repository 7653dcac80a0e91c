/**
 * IPNS: publishing signed records for our keys, resolving names to paths,
 * and republishing before records expire.
 *
 * Records are made and checked with the `ipns` package (V1+V2 signatures,
 * validity, 10 KiB limit); what happens around them is ours: sequence
 * numbers continue from the last record we published (kept durably in the
 * repo), records go to both DHTs, resolution validates every record it
 * accepts, picks the best with the IPNS selector, caches by TTL, follows
 * `/ipns/` values recursively (at most 32 steps), and reads DNSLink.
 */
import { createIPNSRecord, marshalIPNSRecord, unmarshalIPNSRecord } from 'ipns'
import { ipnsSelector } from 'ipns/selector'
import { ipnsValidator } from 'ipns/validator'
import { peerIdFromPrivateKey, peerIdFromString } from '@libp2p/peer-id'
import { parsePath } from '../dag/path.ts'
import { resolveDnslink } from './dnslink.ts'
import { InvalidNameError, InvalidRecordError, ResolveFailedError } from './errors.ts'
import { formatName, parseName, routingKey } from './names.ts'
import type { AbortOptions } from '../abort.ts'
import type { RecordStore } from '../repo/records.ts'
import type { Keystore } from './keystore.ts'
import type { TxtLookup } from './dnslink.ts'

/** Where records are stored and found (both DHTs). */
export interface RecordRouting {
  put(key: Uint8Array, value: Uint8Array, options?: AbortOptions): Promise<void>
  get(key: Uint8Array, options?: AbortOptions): Promise<Uint8Array>
}

/** What IPNS needs. */
export interface IpnsInit {
  keys: Keystore
  routing: RecordRouting
  /** Our own latest records, by name (durable). */
  published: RecordStore
  /** Kubo's defaults: 48 h lifetime, republish every 4 h, TTL 5 min. */
  lifetimeMs?: number
  republishMs?: number
  lookupTxt?: TxtLookup
}

/** Options of `name publish`. */
export interface PublishOptions extends AbortOptions {
  key?: string
  lifetimeMs?: number
  ttlMs?: number
  /** Keep the record locally when no DHT peer takes it. */
  allowOffline?: boolean
}

/** Options of `name resolve`. */
export interface ResolveOptions extends AbortOptions {
  /** Follow `/ipns/` values to an `/ipfs/` path (default true). */
  recursive?: boolean
  nocache?: boolean
}

const DEFAULT_LIFETIME_MS = 48 * 3600_000
const DEFAULT_TTL_MS = 5 * 60_000
const MAX_DEPTH = 32
const PATH = /^\/(ipfs|ipns)\/[^/]+(\/.*)?$/

/** Publishes and resolves names. */
export class Ipns {
  readonly #init: IpnsInit
  readonly #cache = new Map<string, { value: string, until: number }>()
  #timer: ReturnType<typeof setInterval> | undefined

  constructor (init: IpnsInit) {
    this.#init = init
  }

  /** Republish our records on an interval (first after one interval). */
  start (): void {
    const every = this.#init.republishMs ?? 4 * 3600_000
    if (every <= 0) return
    this.#timer = setInterval(() => { void this.republish().catch(() => {}) }, every)
    this.#timer.unref()
  }

  stop (): void {
    clearInterval(this.#timer)
  }

  /** Publish `value` (an `/ipfs/` or `/ipns/` path) under a key; returns the name. */
  async publish (value: string, options: PublishOptions = {}): Promise<{ name: string, value: string, sequence: bigint }> {
    if (!PATH.test(value)) throw new InvalidNameError(`publish a path like /ipfs/<cid>[/…] or /ipns/<name>, not "${value.slice(0, 200)}"`)
    if (value.startsWith('/ipfs/')) parsePath(value)
    else parseName(value.split('/')[2] ?? '')
    const key = await this.#init.keys.get(options.key ?? 'self')
    const peer = peerIdFromPrivateKey(key)
    const name = formatName(peer)
    const previous = await this.#init.published.get(name)
    const sequence = previous === undefined ? 0n : unmarshalIPNSRecord(previous).sequence + 1n
    const record = await createIPNSRecord(key, value, sequence, options.lifetimeMs ?? this.#init.lifetimeMs ?? DEFAULT_LIFETIME_MS, { ttlNs: BigInt(options.ttlMs ?? DEFAULT_TTL_MS) * 1_000_000n, v1Compatible: true })
    const bytes = marshalIPNSRecord(record)
    await this.#init.published.put(name, bytes)
    try {
      await this.#init.routing.put(routingKey(peer), bytes, options)
    } catch (err) {
      if (options.allowOffline !== true) throw new ResolveFailedError(`the record was kept locally but no DHT peer took it (${(err as Error).message}); use --allow-offline to publish locally only`)
    }
    this.#cache.set(name, { value, until: Date.now() + (options.ttlMs ?? DEFAULT_TTL_MS) })
    return { name, value, sequence }
  }

  /** Publish our records again with fresh validity (and the next sequence). */
  async republish (options: AbortOptions = {}): Promise<number> {
    let count = 0
    for (const name of await this.#init.published.names()) {
      const bytes = await this.#init.published.get(name)
      if (bytes === undefined) continue
      const record = unmarshalIPNSRecord(bytes)
      const keyName = (await this.#init.keys.list()).find((k) => formatName(peerIdFromString(k.id)) === name)?.name
      if (keyName === undefined) continue
      await this.publish(record.value, { ...options, key: keyName, allowOffline: true, ttlMs: Number((record.ttl ?? BigInt(DEFAULT_TTL_MS * 1e6)) / 1_000_000n) })
      count++
    }
    return count
  }

  /** Resolve a name (or an `/ipns/…` path) to a path; with `recursive` (default) to an `/ipfs/` path. */
  async resolve (text: string, options: ResolveOptions = {}): Promise<string> {
    let path = text.startsWith('/ipns/') ? text : `/ipns/${text}`
    for (let depth = 0; path.startsWith('/ipns/'); depth++) {
      if (depth >= MAX_DEPTH) throw new ResolveFailedError(`${text}: more than ${MAX_DEPTH} steps of /ipns/ indirection`)
      const [, , name = '', ...rest] = path.split('/')
      const value = await this.#resolveOne(name, options)
      path = rest.length > 0 ? `${value.replace(/\/$/, '')}/${rest.join('/')}` : value
      if (options.recursive === false) return path
    }
    return path
  }

  async #resolveOne (text: string, options: ResolveOptions): Promise<string> {
    const name = parseName(text)
    const cacheKey = name.kind === 'dns' ? name.domain : formatName(name.peer)
    const cached = this.#cache.get(cacheKey)
    if (options.nocache !== true && cached !== undefined && cached.until > Date.now()) return cached.value
    if (name.kind === 'dns') {
      const value = await resolveDnslink(name.domain, this.#init.lookupTxt)
      this.#cache.set(cacheKey, { value, until: Date.now() + DEFAULT_TTL_MS })
      return value
    }
    const key = routingKey(name.peer)
    const candidates: Uint8Array[] = []
    const own = await this.#init.published.get(cacheKey)
    if (own !== undefined) candidates.push(own)
    try {
      candidates.push(await this.#init.routing.get(key, options))
    } catch (err) {
      if (candidates.length === 0) throw new ResolveFailedError(`could not resolve ${text}: no record found (${(err as Error).message})`)
    }
    const valid: Uint8Array[] = []
    for (const bytes of candidates) {
      try {
        await ipnsValidator(key, bytes)
        valid.push(bytes)
      } catch (err) {
        if (candidates.length === 1) throw new InvalidRecordError(`the record for ${text} is invalid: ${(err as Error).message}`)
      }
    }
    const best = valid[ipnsSelector(key, valid)]
    if (best === undefined) throw new InvalidRecordError(`no valid record for ${text}`)
    const record = unmarshalIPNSRecord(best)
    const ttlMs = Number((record.ttl ?? 0n) / 1_000_000n)
    this.#cache.set(cacheKey, { value: record.value, until: Date.now() + Math.min(ttlMs, new Date(record.validity).getTime() - Date.now()) })
    return record.value
  }
}
