/**
 * The client side of Bitswap: fetches blocks for sessions.
 *
 * A want of a session with known peers goes as want-block to the best of
 * them (see session.ts); otherwise, and whenever a want waits too long, a
 * want-have is broadcast to the Bitswap peers not asked yet, and the first
 * HAVE turns into a want-block. When every peer asked says DONT_HAVE, or
 * none is connected (peers still being identified are waited for first),
 * the session's providers are searched (LAN DHT first,
 * then WAN, through the injected finder) and dialled; with no one new to
 * ask, a connected peer that let the want time out is asked again (every
 * timeout, ≥ 2 s), as its reply may have been lost. Received blocks are
 * matched to wants by multihash, the CID having been computed from the
 * bytes; anything unwanted is dropped and counted against its sender.
 * While a session's wants go to its own peers, the other connected Bitswap
 * peers are asked for a want-have of one of them at most once a second, so
 * every peer holding the content joins the session and shares the load (a
 * peer that only ever answered a want already met would never be asked).
 * Wants to one peer are merged into one message per turn of the event loop.
 */
import { multihashKey } from '../block/block.ts'
import { BlockUnavailableError } from './errors.ts'
import { IDENTIFY_GRACE_MS } from './network.ts'
import { Session } from './session.ts'
import { WantState } from './want-state.ts'
import type { FetchProgress } from './session.ts'
import type { Waiter } from './want-state.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { Ledger } from './ledger.ts'
import type { BitswapMessage, Want } from './message/message.ts'
import type { PeerId } from '@libp2p/interface'
import type { CID } from 'multiformats/cid'

/** Finds and connects providers of a CID; yields the peers it connected. */
export type ProviderSearch = (cid: CID, options: AbortOptions) => AsyncIterable<PeerId>

/** What the client needs around it. */
export interface ClientInit {
  store: Pick<Blockstore, 'put'>
  send(peer: PeerId, message: BitswapMessage): Promise<void>
  /** Connected peers that speak Bitswap. */
  bitswapPeers(): PeerId[]
  /** How many peers just connected are still being identified (each may speak Bitswap). */
  identifying(): number
  findProviders?: ProviderSearch
  ledger(peer: PeerId): Ledger
  /** Blocks stored by this client (for the server to serve peers waiting on them). */
  onBlocks(cids: CID[]): void
  /** Peers sending too many unwanted blocks are dropped through this. */
  penalise(peer: PeerId): void
}

/** Milliseconds a want waits for its peer before it is broadcast. */
const REBROADCAST_MS = 2000
/** Milliseconds between a session's want-haves to the connected peers outside it. */
const EXPLORE_MS = 1000
/** Most peers one broadcast reaches. */
const BROADCAST_PEERS = 32
/** How often a want with no one to ask looks again while connected peers are being identified. */
const IDENTIFY_WAIT_MS = 100
/** Seconds between provider searches of one session. */
const SEARCH_INTERVAL_MS = 10_000
/** Unwanted blocks a peer may send before it is dropped. */
const MAX_UNWANTED = 64
/**
 * Bytes of received blocks still being written, past which new wants wait
 * for the store: a block held for its write keeps its whole message
 * (up to 4 MiB) in memory, so a disk slower than the network would
 * otherwise grow the fetcher without bound.
 */
const MAX_UNWRITTEN_BYTES = 32 * 1024 * 1024

/** Fetches blocks from peers. */
export class BitswapClient {
  readonly #init: ClientInit
  readonly #wants = new Map<string, WantState>()
  readonly #peers = new Map<string, PeerId>()
  readonly #outbox = new Map<string, Want[]>()
  #flushing = false
  #sessions = 0
  #unwritten = 0
  readonly #writesWaited: Array<() => void> = []

  constructor (init: ClientInit) {
    this.#init = init
  }

  /** A new session for one fetch. */
  session (onProgress?: (progress: FetchProgress) => void): Session {
    return new Session(++this.#sessions, onProgress)
  }

  /** The CIDs wanted now. */
  wantlist (): CID[] {
    return [...this.#wants.values()].map((w) => w.cid)
  }

  /** Fetch `cid` for `session`; the bytes are stored before this resolves. */
  async want (cid: CID, session: Session, options: AbortOptions = {}): Promise<Uint8Array> {
    options.signal?.throwIfAborted()
    while (this.#unwritten > MAX_UNWRITTEN_BYTES) await this.#writesCaughtUp(options.signal)
    const key = multihashKey(cid)
    let state = this.#wants.get(key)
    const fresh = state === undefined
    state ??= new WantState(cid)
    this.#wants.set(key, state)
    state.sessions.add(session)
    const wanted = state
    return await new Promise<Uint8Array>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (bytes) => { cleanup(); resolve(bytes) },
        reject: (err) => { cleanup(); reject(err) }
      }
      const onAbort = (): void => {
        wanted.waiters.delete(waiter)
        if (wanted.waiters.size === 0) this.#drop(wanted, true)
        waiter.reject(options.signal?.reason instanceof Error ? options.signal.reason : new BlockUnavailableError(`fetching ${cid.toString()} was aborted`))
      }
      const cleanup = (): void => { options.signal?.removeEventListener('abort', onAbort) }
      options.signal?.addEventListener('abort', onAbort, { once: true })
      wanted.waiters.add(waiter)
      if (fresh) void this.#ask(wanted, session)
    })
  }

  /** Resolves once the unwritten bytes are under the limit again; rejects when `signal` aborts first. */
  async #writesCaughtUp (signal: AbortSignal | undefined): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.#writesWaited.indexOf(resume)
        if (index >= 0) this.#writesWaited.splice(index, 1)
        reject(signal?.reason instanceof Error ? signal.reason : new BlockUnavailableError('the fetch was aborted'))
      }
      const resume = (): void => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }
      this.#writesWaited.push(resume)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** Handle a peer's message: blocks and presences. */
  receive (peer: PeerId, message: BitswapMessage): void {
    const key = peer.toString()
    this.#peers.set(key, peer)
    const ledger = this.#init.ledger(peer)
    const stored: CID[] = []
    for (const block of message.blocks) {
      const state = this.#wants.get(multihashKey(block.cid))
      ledger.stats.bytesReceived += block.bytes.byteLength
      if (state === undefined) {
        ledger.stats.unwantedBlocks++
        if (ledger.stats.unwantedBlocks > MAX_UNWANTED && ledger.stats.unwantedBlocks > ledger.stats.blocksReceived) this.#init.penalise(peer)
        continue
      }
      ledger.stats.blocksReceived++
      const askedAt = state.askedBlock.get(key)
      for (const s of state.sessions) {
        s.delivered(key, block.bytes.byteLength, askedAt === undefined ? undefined : Date.now() - askedAt)
        s.settled(key)
      }
      stored.push(state.cid)
      this.#complete(state, block.bytes, key)
    }
    for (const cid of message.haves) {
      const state = this.#wants.get(multihashKey(cid))
      if (state === undefined) continue
      state.haves.add(key)
      for (const s of state.sessions) s.add(key)
      if (state.askedBlock.size === 0 || [...state.askedBlock.keys()].every((p) => state.dontHaves.has(p))) this.#askBlock(state, key)
    }
    for (const cid of message.dontHaves) {
      const state = this.#wants.get(multihashKey(cid))
      if (state === undefined) continue
      state.dontHaves.add(key)
      if (state.askedBlock.has(key)) {
        for (const s of state.sessions) s.settled(key)
        const next = [...state.haves].find((p) => !state.askedBlock.has(p))
        if (next !== undefined) this.#askBlock(state, next)
      }
      if (state.exhausted()) void this.#broadcast(state)
    }
    if (stored.length > 0) this.#init.onBlocks(stored)
  }

  /** A new Bitswap peer: ask it for everything still wanted (as Kubo and Helia send their wantlist). */
  peerArrived (peer: PeerId): void {
    const key = peer.toString()
    this.#peers.set(key, peer)
    for (const state of this.#wants.values()) {
      if (state.asked().has(key)) continue
      if (this.#onlyPeer(state)?.equals(peer) === true) {
        this.#askBlock(state, key)
        continue
      }
      state.askedHave.add(key)
      this.#queue(key, { cid: state.cid, priority: 1, wantType: 'have', sendDontHave: true, cancel: false })
    }
  }

  /** A peer disconnected: its pending wants go elsewhere. */
  peerGone (peer: PeerId): void {
    const key = peer.toString()
    this.#peers.delete(key)
    for (const state of this.#wants.values()) {
      for (const s of state.sessions) s.remove(key)
      if (state.askedBlock.delete(key) || state.askedHave.delete(key)) {
        state.haves.delete(key)
        void this.#ask(state, [...state.sessions][0])
      }
    }
  }

  /** Sending to a peer failed (it does not speak Bitswap, or the stream broke): count it as DONT_HAVE everywhere. */
  #unreachable (key: string): void {
    for (const state of this.#wants.values()) {
      if (!state.asked().has(key)) continue
      state.dontHaves.add(key)
      for (const s of state.sessions) s.remove(key)
      if (state.exhausted()) void this.#broadcast(state)
    }
  }

  /** Give up every want (the node is stopping). */
  stop (): void {
    for (const state of this.#wants.values()) {
      for (const w of state.waiters) w.reject(new BlockUnavailableError(`${state.cid.toString()}: the node stopped`))
      this.#drop(state, false)
    }
  }

  /**
   * A wanted block arrived: its waiters get the bytes at once, and the
   * write to the store runs beside them (a durable put costs milliseconds
   * that would otherwise sit on every want). Each session tracks its writes,
   * so whoever needs the blocks stored (a pin) awaits `Session.stored()`.
   */
  #complete (state: WantState, bytes: Uint8Array, from: string): void {
    this.#drop(state, true, from)
    const write = this.#init.store.put(state.cid, bytes)
    this.#unwritten += bytes.byteLength
    void write.catch(() => {}).finally(() => {
      this.#unwritten -= bytes.byteLength
      if (this.#unwritten <= MAX_UNWRITTEN_BYTES) for (const resume of this.#writesWaited.splice(0)) resume()
    })
    for (const s of state.sessions) s.storing(write)
    for (const w of state.waiters) w.resolve(bytes)
  }

  /** Forget a want; tell the peers asked (but `except`) to cancel. */
  #drop (state: WantState, cancel: boolean, except?: string): void {
    clearTimeout(state.timer)
    this.#wants.delete(multihashKey(state.cid))
    if (!cancel) return
    for (const key of state.asked()) {
      if (key !== except) this.#queue(key, { cid: state.cid, priority: 1, wantType: 'block', sendDontHave: false, cancel: true })
    }
  }

  async #ask (state: WantState, session: Session | undefined): Promise<void> {
    const peer = session?.pick(state.asked())
    if (peer !== undefined && this.#peers.has(peer.key)) {
      this.#askBlock(state, peer.key)
      if (session !== undefined) this.#explore(state, session)
      return
    }
    await this.#broadcast(state)
  }

  /** Ask the connected Bitswap peers outside `session` whether they have `state`'s block (at most once per EXPLORE_MS): a HAVE adds them to the session. */
  #explore (state: WantState, session: Session): void {
    const now = Date.now()
    if (now - session.lastExplore < EXPLORE_MS) return
    session.lastExplore = now
    const asked = state.asked()
    const candidates = this.#init.bitswapPeers().filter((p) => !session.peers.has(p.toString()) && !asked.has(p.toString()))
    // Past BROADCAST_PEERS, each round starts further along, so every connected peer is asked in turn.
    const start = candidates.length > BROADCAST_PEERS ? session.explored % candidates.length : 0
    session.explored += BROADCAST_PEERS
    const outside = [...candidates.slice(start), ...candidates.slice(0, start)].slice(0, BROADCAST_PEERS)
    for (const p of outside) {
      this.#peers.set(p.toString(), p)
      state.askedHave.add(p.toString())
      this.#queue(p.toString(), { cid: state.cid, priority: 1, wantType: 'have', sendDontHave: true, cancel: false })
    }
  }

  /**
   * Ask `key` for the block. If it has not come in time (the peer is slow,
   * silent, or said HAVE and sent something else), that peer counts as
   * DONT_HAVE for this want and the next peer that said HAVE is asked, or
   * the want is broadcast (and providers searched once everyone is out).
   */
  #askBlock (state: WantState, key: string): void {
    state.askedBlock.set(key, Date.now())
    state.haves.delete(key)
    let latencyMs = 0
    for (const s of state.sessions) {
      const p = s.peers.get(key)
      if (p !== undefined) {
        p.inflight++
        latencyMs = Math.max(latencyMs, p.latencyMs)
      }
    }
    clearTimeout(state.timer)
    state.timer = setTimeout(() => { this.#timedOut(state, key) }, Math.max(REBROADCAST_MS, latencyMs * 8))
    state.timer.unref()
    this.#queue(key, { cid: state.cid, priority: 1, wantType: 'block', sendDontHave: true, cancel: false })
  }

  #timedOut (state: WantState, key: string): void {
    if (this.#wants.get(multihashKey(state.cid)) !== state) return
    state.dontHaves.add(key)
    state.silent.add(key)
    for (const s of state.sessions) s.settled(key)
    const next = [...state.haves].find((p) => !state.askedBlock.has(p) && !state.dontHaves.has(p))
    if (next !== undefined) this.#askBlock(state, next)
    else void this.#broadcast(state)
  }

  /**
   * The one connected Bitswap peer, when there is one and nobody was asked
   * for `state` yet: a want-have would only add a round trip before the
   * want-block (a session's first block, and so a fetch's first byte, would
   * wait for it), so that peer is asked for the block.
   */
  #onlyPeer (state: WantState): PeerId | undefined {
    const connected = this.#init.bitswapPeers()
    return connected.length === 1 && state.asked().size === 0 ? connected[0] : undefined
  }

  async #broadcast (state: WantState): Promise<void> {
    if (this.#wants.get(multihashKey(state.cid)) !== state) return
    const only = this.#onlyPeer(state)
    if (only !== undefined) {
      this.#peers.set(only.toString(), only)
      this.#askBlock(state, only.toString())
      return
    }
    const peers = this.#init.bitswapPeers().filter((p) => !state.asked().has(p.toString())).slice(0, BROADCAST_PEERS)
    if (peers.length === 0 && state.asked().size === 0 && this.#init.identifying() > 0 && this.#identifyWait(state)) {
      // A peer just connected may speak Bitswap (it is asked the moment identify says so):
      // a DHT search now would cost both sides for an answer that is probably a hop away.
      clearTimeout(state.timer)
      state.timer = setTimeout(() => { void this.#broadcast(state) }, IDENTIFY_WAIT_MS)
      state.timer.unref()
      return
    }
    if (peers.length === 0) {
      // No one new to ask: a connected peer that let the want time out is asked again. Its
      // answer may have been lost (a stream reset takes the blocks in it along) or the want
      // dropped, and it will not send the block unasked; else the fetch would wait forever.
      const retry = [...state.silent].find((p) => this.#peers.has(p))
      if (retry !== undefined) {
        state.silent.delete(retry)
        state.dontHaves.delete(retry)
        this.#askBlock(state, retry)
        return
      }
    }
    for (const p of peers) {
      this.#peers.set(p.toString(), p)
      state.askedHave.add(p.toString())
      this.#queue(p.toString(), { cid: state.cid, priority: 1, wantType: 'have', sendDontHave: true, cancel: false })
    }
    if (peers.length === 0 || state.exhausted()) {
      // Nobody to ask: look for providers, and look again later (peers arriving are asked at once).
      clearTimeout(state.timer)
      state.timer = setTimeout(() => { void this.#broadcast(state) }, REBROADCAST_MS * 2)
      state.timer.unref()
      await this.#search(state)
    }
  }

  /** Whether `state` may still wait for peers being identified: for IDENTIFY_GRACE_MS at most, however many keep connecting. */
  #identifyWait (state: WantState): boolean {
    state.identifyWaitSince ??= Date.now()
    return Date.now() - state.identifyWaitSince < IDENTIFY_GRACE_MS
  }

  async #search (state: WantState): Promise<void> {
    const finder = this.#init.findProviders
    const session = [...state.sessions][0]
    if (finder === undefined || session === undefined || Date.now() - session.lastSearch < SEARCH_INTERVAL_MS) return
    session.lastSearch = Date.now()
    try {
      for await (const peer of finder(state.cid, { signal: AbortSignal.timeout(30_000) })) {
        if (!this.#wants.has(multihashKey(state.cid))) return
        const key = peer.toString()
        if (state.asked().has(key)) continue
        this.#peers.set(key, peer)
        state.askedHave.add(key)
        this.#queue(key, { cid: state.cid, priority: 1, wantType: 'have', sendDontHave: true, cancel: false })
      }
    } catch {
      // no providers found in time: the want keeps waiting for its caller's deadline
    }
  }

  #queue (key: string, want: Want): void {
    const list = this.#outbox.get(key)
    if (list === undefined) this.#outbox.set(key, [want])
    else list.push(want)
    if (!this.#flushing) {
      this.#flushing = true
      setImmediate(() => { this.#flush() })
    }
  }

  #flush (): void {
    this.#flushing = false
    const outbox = [...this.#outbox]
    this.#outbox.clear()
    for (const [key, wants] of outbox) {
      const peer = this.#peers.get(key)
      if (peer === undefined) continue
      this.#init.send(peer, { full: false, wants, blocks: [], haves: [], dontHaves: [], pendingBytes: 0 }).catch(() => {
        this.#unreachable(key)
      })
    }
  }
}
