/**
 * The server side of Bitswap: answers peers' wants from the blockstore.
 *
 * Fair and bounded: peers with work wait in one round-robin queue; a few
 * workers each take the next peer, send it one message of at most
 * `MESSAGE_BYTES` (blocks, HAVEs, DONT_HAVEs), and put it back in line if
 * it wants more. So a peer never has more than one message in flight, and a
 * greedy peer cannot starve the others. Cancels take effect before the next
 * message is built. Blocks come straight from the blockstore; one too big
 * for any peer to take (over MAX_BLOCK_SIZE) is answered as not held.
 */
import { MAX_BLOCK_SIZE } from '../dag/limits.ts'
import { Ledger } from './ledger.ts'
import { emptyMessage } from './message/message.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { LedgerStats } from './ledger.ts'
import type { BitswapMessage, Want } from './message/message.ts'
import type { PeerId } from '@libp2p/interface'
import type { CID } from 'multiformats/cid'

/** The size one reply aims at: big enough for line rate, small enough to interleave peers. */
export const MESSAGE_BYTES = 1024 * 1024
/** A want-have for a block this small is answered with the block (as Kubo and Helia do). */
export const SEND_BLOCK_FOR_HAVE_BELOW = 1024
/**
 * The first reply to a peer that had none for RAMP_IDLE_MS carries at most
 * this much; each reply after it may carry twice the one before, up to
 * MESSAGE_BYTES. A fetch's first byte then waits for one block to be read,
 * sealed and sent, not four.
 */
export const FIRST_REPLY_BYTES = 256 * 1024
const RAMP_IDLE_MS = 1000
/** Most wants looked up together for one reply (blocks are read in parallel). */
const MAX_LOOKUP_BATCH = 64
/** Peers served at once. */
const WORKERS = 4

/** Where replies go. */
export type SendMessage = (peer: PeerId, message: BitswapMessage) => Promise<void>

/** Per-peer ledgers and the workers that serve them. */
export class DecisionEngine {
  readonly #store: Pick<Blockstore, 'get' | 'has'>
  readonly #send: SendMessage
  readonly #ledgers = new Map<string, { peer: PeerId, ledger: Ledger }>()
  readonly #ready: string[] = []
  readonly #queued = new Set<string>()
  readonly #retired: LedgerStats = { bytesSent: 0, bytesReceived: 0, blocksSent: 0, blocksReceived: 0, unwantedBlocks: 0, badMessages: 0 }
  #workers = 0
  /** Smoothed size of the blocks sent, to size lookups. */
  #blockSize = 256 * 1024
  #running = false

  constructor (store: Pick<Blockstore, 'get' | 'has'>, send: SendMessage) {
    this.#store = store
    this.#send = send
  }

  start (): void {
    this.#running = true
  }

  stop (): void {
    this.#running = false
    this.#ready.length = 0
    this.#queued.clear()
  }

  /** The ledger of `peer` (created empty). */
  ledger (peer: PeerId): Ledger {
    const key = peer.toString()
    let entry = this.#ledgers.get(key)
    if (entry === undefined) {
      entry = { peer, ledger: new Ledger() }
      this.#ledgers.set(key, entry)
    }
    return entry.ledger
  }

  /** Every peer with a ledger. */
  peers (): PeerId[] {
    return [...this.#ledgers.values()].map((e) => e.peer)
  }

  /** A peer's message arrived: take its wantlist. */
  receiveWants (peer: PeerId, message: BitswapMessage): void {
    if (message.wants.length === 0 && !message.full) return
    if (this.ledger(peer).applyWantlist(message.wants, message.full)) this.#schedule(peer.toString())
  }

  /** Blocks arrived in the local store: serve peers that were told DONT_HAVE. */
  notifyNewBlocks (cids: CID[]): void {
    for (const [key, { ledger }] of this.#ledgers) {
      let found = false
      for (const cid of cids) {
        const want = ledger.waiting.get(cid.toString())
        if (want !== undefined) {
          ledger.waiting.delete(cid.toString())
          ledger.wants.set(cid.toString(), { ...want, sendDontHave: false })
          found = true
        }
      }
      if (found) this.#schedule(key)
    }
  }

  /** The peer left: its ledger goes, its counters join the totals of peers gone. */
  peerGone (peer: PeerId): void {
    const entry = this.#ledgers.get(peer.toString())
    if (entry === undefined) return
    for (const [name, value] of Object.entries(entry.ledger.stats) as Array<[keyof LedgerStats, number]>) this.#retired[name] += value
    this.#ledgers.delete(peer.toString())
  }

  /** Counters summed over every peer, present and gone. */
  totals (): LedgerStats {
    const sum = { ...this.#retired }
    for (const { ledger } of this.#ledgers.values()) {
      for (const [name, value] of Object.entries(ledger.stats) as Array<[keyof LedgerStats, number]>) sum[name] += value
    }
    return sum
  }

  #schedule (key: string): void {
    if (!this.#running || this.#queued.has(key)) return
    this.#queued.add(key)
    this.#ready.push(key)
    while (this.#workers < WORKERS && this.#ready.length > 0) {
      this.#workers++
      void this.#work().finally(() => { this.#workers-- })
    }
  }

  async #work (): Promise<void> {
    for (let key = this.#ready.shift(); key !== undefined && this.#running; key = this.#ready.shift()) {
      const entry = this.#ledgers.get(key)
      if (entry === undefined) {
        this.#queued.delete(key)
        continue
      }
      const message = await this.#compose(entry.ledger)
      if (entry.ledger.wants.size === 0) this.#queued.delete(key)
      if (message.blocks.length + message.haves.length + message.dontHaves.length > 0) {
        try {
          await this.#send(entry.peer, message)
          entry.ledger.lastReplyAt = Date.now()
          entry.ledger.lastReplyBytes = 0
          for (const b of message.blocks) {
            entry.ledger.stats.bytesSent += b.bytes.byteLength
            entry.ledger.stats.blocksSent++
            entry.ledger.lastReplyBytes += b.bytes.byteLength
          }
        } catch {
          entry.ledger.wants.clear()
          this.#queued.delete(key)
          continue
        }
      }
      if (this.#queued.has(key)) this.#ready.push(key)
    }
  }

  /** One reply from the front of the peer's wants, removing what it answers. */
  async #compose (ledger: Ledger): Promise<BitswapMessage> {
    const message = emptyMessage()
    let bytes = 0
    const recent = Date.now() - ledger.lastReplyAt < RAMP_IDLE_MS
    const budget = Math.min(MESSAGE_BYTES, Math.max(FIRST_REPLY_BYTES, recent ? 2 * ledger.lastReplyBytes : 0))
    // The front of the wantlist is looked up at once (the store reads in parallel), then packed in order.
    // As many as fill one reply at the block size seen so far, so nothing read is left unsent.
    const size = Math.max(1, Math.min(MAX_LOOKUP_BATCH, Math.round(budget / this.#blockSize)))
    const batch = await Promise.all(ledger.pending().slice(0, size).map(async (want) => ({ want, block: await this.#lookup(want) })))
    for (const { want, block } of batch) {
      if (bytes >= budget) break
      const key = want.cid.toString()
      // Removed only now: while it was being looked up it still counted against the peer's limit.
      ledger.wants.delete(key)
      if (block !== undefined && (want.wantType === 'block' || block.byteLength < SEND_BLOCK_FOR_HAVE_BELOW)) {
        message.blocks.push({ cid: want.cid, bytes: block })
        bytes += block.byteLength
        this.#blockSize = this.#blockSize * 0.9 + block.byteLength * 0.1
      } else if (block !== undefined) {
        message.haves.push(want.cid)
        bytes += want.cid.bytes.byteLength
      } else {
        if (want.sendDontHave) message.dontHaves.push(want.cid)
        if (want.wantType === 'block') ledger.waiting.set(key, want)
      }
    }
    return message
  }

  /** The block to answer `want` with; undefined if it is not here, or is too big to be exchanged. */
  async #lookup (want: Want): Promise<Uint8Array | undefined> {
    if (want.wantType === 'have' && !await this.#store.has(want.cid).catch(() => false)) return undefined
    const block = await this.#store.get(want.cid).catch(() => undefined)
    // A block over MAX_BLOCK_SIZE (stored with allow-big-block) is refused by every peer, with the
    // whole message it came in, as this node refuses one: it is answered as not held.
    return block !== undefined && block.byteLength > MAX_BLOCK_SIZE ? undefined : block
  }
}
