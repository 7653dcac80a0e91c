/**
 * A session: the wants of one fetch (a file, a DAG), and the peers that
 * have delivered for it. New wants of the session go as want-block straight
 * to those peers, spread by how many blocks each has in flight and how
 * fast each has answered, instead of being broadcast.
 */

/** What a session knows of one peer. */
export interface SessionPeer {
  key: string
  inflight: number
  blocks: number
  bytes: number
  /** Smoothed milliseconds from want-block to block. */
  latencyMs: number
}

/** How far a fetch has come, for the UI. */
export interface FetchProgress {
  session: number
  /** Blocks and bytes received from peers so far. */
  blocks: number
  bytes: number
  /** Peers that have sent blocks. */
  peers: number
}

/** The peers of one fetch. */
export class Session {
  readonly id: number
  readonly peers = new Map<string, SessionPeer>()
  /** When the last provider search for this session started. */
  lastSearch = 0
  /** When connected peers outside the session were last asked whether they have one of its blocks. */
  lastExplore = 0
  /** How many of them have been asked, over all rounds (where the next round starts). */
  explored = 0
  readonly #onProgress: ((progress: FetchProgress) => void) | undefined
  #blocks = 0
  #bytes = 0
  readonly #storing = new Set<Promise<void>>()
  #storeFailure: Error | undefined

  constructor (id: number, onProgress?: (progress: FetchProgress) => void) {
    this.id = id
    this.#onProgress = onProgress
  }

  /** Remember a peer that has (or delivered) blocks of this session. */
  add (key: string): SessionPeer {
    let peer = this.peers.get(key)
    if (peer === undefined) {
      peer = { key, inflight: 0, blocks: 0, bytes: 0, latencyMs: 50 }
      this.peers.set(key, peer)
    }
    return peer
  }

  /** The peer to ask next: fewest blocks in flight weighted by latency; undefined if none. */
  pick (exclude: Set<string> = new Set()): SessionPeer | undefined {
    let best: SessionPeer | undefined
    let bestScore = Infinity
    for (const p of this.peers.values()) {
      if (exclude.has(p.key)) continue
      const score = (p.inflight + 1) * p.latencyMs
      if (score < bestScore) {
        best = p
        bestScore = score
      }
    }
    return best
  }

  /** A block arrived from `key` `ms` after it was asked for. */
  delivered (key: string, bytes: number, ms: number | undefined): void {
    const peer = this.add(key)
    peer.blocks++
    peer.bytes += bytes
    if (ms !== undefined) peer.latencyMs = peer.latencyMs * 0.8 + Math.max(ms, 1) * 0.2
    this.#blocks++
    this.#bytes += bytes
    this.#onProgress?.({ session: this.id, blocks: this.#blocks, bytes: this.#bytes, peers: [...this.peers.values()].filter((p) => p.blocks > 0).length })
  }

  /** A want to `key` ended (block, DONT_HAVE or cancel). */
  settled (key: string): void {
    const peer = this.peers.get(key)
    if (peer !== undefined && peer.inflight > 0) peer.inflight--
  }

  /** A fetched block is being written to the store (the want was answered before the write ends). */
  storing (write: Promise<void>): void {
    const tracked = write.catch((err: Error) => { this.#storeFailure ??= err })
    this.#storing.add(tracked)
    void tracked.finally(() => { this.#storing.delete(tracked) })
  }

  /** Resolves once every block this session fetched is in the store; rejects if one could not be written. */
  async stored (): Promise<void> {
    await Promise.all([...this.#storing])
    const failure = this.#storeFailure
    this.#storeFailure = undefined
    if (failure !== undefined) throw failure
  }

  /** The peer is gone or failed us. */
  remove (key: string): void {
    this.peers.delete(key)
  }
}
