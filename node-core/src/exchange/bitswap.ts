/**
 * Bitswap: the network, the server (decision engine) and the client wired
 * together, with a start/stop lifecycle, sessions for fetches, and the
 * figures `bitswap stat`, `wantlist` and `ledger` show.
 */
import { BlockNotFoundError } from '../block/errors.ts'
import { BitswapClient } from './client.ts'
import { DecisionEngine } from './engine.ts'
import { tuneHeapForTransfers } from './heap.ts'
import { BitswapNetwork } from './network.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { ProviderSearch } from './client.ts'
import type { LedgerStats } from './ledger.ts'
import type { FetchProgress } from './session.ts'
import type { BitswapHost } from './network.ts'
import type { PeerId } from '@libp2p/interface'
import type { CID } from 'multiformats/cid'

/** What Bitswap needs. */
export interface BitswapInit {
  host: BitswapHost
  store: Blockstore
  findProviders?: ProviderSearch
  /** Drop a misbehaving peer (hang up). */
  hangUp(peer: PeerId): Promise<void>
  /** Hears the progress of every session that has no listener of its own. */
  onProgress?(progress: FetchProgress): void
}

/** Kubo's `bitswap stat`. */
export interface BitswapStat {
  wantlist: CID[]
  peers: string[]
  blocksReceived: number
  dataReceived: number
  blocksSent: number
  dataSent: number
  unwantedBlocks: number
}

/** Fetches blocks of one operation from peers, preferring those that delivered. */
export interface FetchSession {
  /** The block, from the local store or the network (stored as it is handed over). */
  get(cid: CID, options?: AbortOptions): Promise<Uint8Array>
  /** Resolves once every block this session fetched is in the store; rejects if one could not be written. */
  stored(): Promise<void>
}

/** A peer that sent blocks to a session. */
export interface SessionSource {
  peer: string
  blocks: number
  bytes: number
}

/** A session that also tells which peers its blocks came from. */
export interface SourcedSession extends FetchSession {
  /** The peers that sent blocks, with how many. */
  sources(): SessionSource[]
}

/** A peer waiting for blocks from this node. */
export interface Serving {
  peer: string
  /** Its wants not yet answered. */
  wants: number
  blocksSent: number
  dataSent: number
}

/** The exchange. */
export class Bitswap {
  readonly #init: BitswapInit
  readonly #network: BitswapNetwork
  readonly #engine: DecisionEngine
  readonly #client: BitswapClient

  constructor (init: BitswapInit) {
    this.#init = init
    this.#engine = new DecisionEngine(init.store, async (peer, message) => { await this.#network.send(peer, message) })
    this.#client = new BitswapClient({
      store: init.store,
      send: async (peer, message) => { await this.#network.send(peer, message) },
      bitswapPeers: () => this.#network.bitswapPeers(),
      identifying: () => this.#network.identifying(),
      ...(init.findProviders === undefined ? {} : { findProviders: init.findProviders }),
      ledger: (peer) => this.#engine.ledger(peer),
      onBlocks: (cids) => { this.#engine.notifyNewBlocks(cids) },
      penalise: (peer) => { void init.hangUp(peer).catch(() => {}) }
    })
    this.#network = new BitswapNetwork(init.host, {
      onMessage: (peer, message) => {
        this.#client.receive(peer, message)
        this.#engine.receiveWants(peer, message)
      },
      onBadMessage: (peer) => { this.#engine.ledger(peer).stats.badMessages++ },
      onBitswapPeer: (peer) => { this.#client.peerArrived(peer) },
      onPeerGone: (peer) => {
        this.#client.peerGone(peer)
        this.#engine.peerGone(peer)
      }
    })
  }

  async start (): Promise<void> {
    tuneHeapForTransfers()
    this.#engine.start()
    await this.#network.start()
  }

  async stop (): Promise<void> {
    this.#client.stop()
    this.#engine.stop()
    await this.#network.stop()
  }

  /** A session for one fetch: its blocks come from the store, else from peers; `onProgress` hears of each block received. */
  session (onProgress?: (progress: FetchProgress) => void): SourcedSession {
    const session = this.#client.session(onProgress ?? this.#init.onProgress)
    const store = this.#init.store
    return {
      // The store is read first and peers asked only when it lacks the block: one file read, not a presence check and a read.
      get: async (cid, options = {}) => {
        try {
          return await store.get(cid, options)
        } catch (err) {
          if ((err as Error).name !== BlockNotFoundError.name) throw err
          return await this.#client.want(cid, session, options)
        }
      },
      stored: async () => { await session.stored() },
      sources: () => [...session.peers.values()].filter((p) => p.blocks > 0).map((p) => ({ peer: p.key, blocks: p.blocks, bytes: p.bytes }))
    }
  }

  /** Connected peers with wants this node has not answered yet (someone downloading from us). */
  serving (): Serving[] {
    return this.#engine.peers().filter((peer) => this.#network.connected(peer)).map((peer) => {
      const ledger = this.#engine.ledger(peer)
      return { peer: peer.toString(), wants: ledger.wants.size, blocksSent: ledger.stats.blocksSent, dataSent: ledger.stats.bytesSent }
    }).filter((s) => s.wants > 0)
  }

  /** Blocks added locally: serve peers waiting for them. */
  notifyNewBlocks (cids: CID[]): void {
    this.#engine.notifyNewBlocks(cids)
  }

  /** This node's wants, or what `peer` wants from this node. */
  wantlist (peer?: PeerId): CID[] {
    if (peer === undefined) return this.#client.wantlist()
    return [...this.#engine.ledger(peer).wants.values()].map((w) => w.cid)
  }

  /** What this node and `peer` exchanged. */
  ledger (peer: PeerId): LedgerStats {
    return { ...this.#engine.ledger(peer).stats }
  }

  stat (): BitswapStat {
    const t = this.#engine.totals()
    return {
      wantlist: this.#client.wantlist(),
      peers: this.#engine.peers().filter((peer) => this.#network.connected(peer)).map(String),
      blocksReceived: t.blocksReceived,
      dataReceived: t.bytesReceived,
      blocksSent: t.blocksSent,
      dataSent: t.bytesSent,
      unwantedBlocks: t.unwantedBlocks
    }
  }
}
