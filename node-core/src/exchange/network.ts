/**
 * Bitswap over libp2p: the inbound handler for every Bitswap protocol
 * version, and one outbound stream per peer, reused, with its writes in
 * order. Messages are varint-length-prefixed and at most 4 MiB; a peer that
 * sends anything malformed or oversized has its stream reset and is
 * reported (`onBadMessage`), and the node carries on.
 */
import { lpStream } from '@libp2p/utils'
import { BlockTooLargeError } from '../block/errors.ts'
import { InvalidBitswapMessageError } from './errors.ts'
import { BITSWAP_PROTOCOLS, MAX_MESSAGE_SIZE, digestBlocks, fromParsed, parseWire, toWire } from './message/message.ts'
import { encodeWire } from './message/wire.ts'
import type { BitswapMessage } from './message/message.ts'
import type { AbortOptions, Connection, PeerId, Stream } from '@libp2p/interface'
import type { LengthPrefixedStream } from '@libp2p/utils'

/** What the network needs from the libp2p host. */
export interface BitswapHost {
  handle(protocols: string[], handler: (stream: Stream, connection: Connection) => void | Promise<void>, options?: { maxInboundStreams?: number, maxOutboundStreams?: number }): Promise<void>
  unhandle(protocols: string[]): Promise<void>
  dialProtocol(peer: PeerId, protocols: string[], options?: AbortOptions): Promise<Stream>
  getConnections(peer?: PeerId): Connection[]
  peerStore: { get(peer: PeerId): Promise<{ protocols: string[] }> }
  addEventListener(type: 'peer:disconnect', listener: (event: CustomEvent<PeerId>) => void): void
  addEventListener(type: 'peer:identify', listener: (event: CustomEvent<{ peerId: PeerId, protocols: string[] }>) => void): void
  removeEventListener(type: 'peer:disconnect', listener: (event: CustomEvent<PeerId>) => void): void
  removeEventListener(type: 'peer:identify', listener: (event: CustomEvent<{ peerId: PeerId, protocols: string[] }>) => void): void
}

/** What the network tells the exchange. */
export interface BitswapNetworkEvents {
  onMessage(peer: PeerId, message: BitswapMessage): void
  onBadMessage(peer: PeerId, error: Error): void
  onPeerGone(peer: PeerId): void
  /** A connected peer turned out to speak Bitswap (identify). */
  onBitswapPeer(peer: PeerId): void
}

interface Outbound {
  stream: LengthPrefixedStream<Stream>
  protocol: string
}

/** Inbound streams per peer; outbound is always one. */
const MAX_INBOUND_STREAMS = 32
/**
 * The most a muxer hands over in one event: a yamux data frame fills the
 * receive window, which grows to 16 MiB while data flows fast (so a
 * sender's queued messages arrive together). Half a message may be unread
 * when the next frame lands, so a stream's read buffer must hold a frame and
 * a message; less, and a fast peer's replies overflowed it (the stream was
 * reset, its blocks lost, and the fetch waited forever: Helia -> ours hung
 * in about one 256 MiB run of two).
 */
const MAX_MUXER_FRAME = 16 * 1024 * 1024
const MAX_READ_BUFFER = MAX_MUXER_FRAME + MAX_MESSAGE_SIZE + 16
/** Messages of one stream whose blocks may be being hashed at once. */
const VERIFYING = 2
/** How long opening a stream may take. */
const DIAL_TIMEOUT_MS = 10_000
/**
 * How long after a connection opens its peer counts as still being
 * identified (identify takes milliseconds; a peer that never finishes it
 * stops counting after this).
 */
export const IDENTIFY_GRACE_MS = 2000

/** Sends and receives Bitswap messages. */
export class BitswapNetwork {
  readonly #host: BitswapHost
  readonly #events: BitswapNetworkEvents
  readonly #outbound = new Map<string, Promise<Outbound>>()
  readonly #tails = new Map<string, Promise<void>>()
  /** Connected peers known to speak Bitswap: identify said so, or they opened a Bitswap stream. */
  readonly #speakers = new Map<string, PeerId>()
  /** Connected peers whose protocols identify has reported, Bitswap or not. */
  readonly #identified = new Set<string>()
  readonly #onDisconnect = (event: CustomEvent<PeerId>): void => {
    const key = event.detail.toString()
    this.#speakers.delete(key)
    this.#identified.delete(key)
    void this.#outbound.get(key)?.then((o) => o.stream.unwrap().abort(new Error('peer disconnected')), () => {})
    this.#outbound.delete(key)
    this.#tails.delete(key)
    this.#events.onPeerGone(event.detail)
  }

  /**
   * A peer that speaks Bitswap gets its outbound stream now, not with the
   * first want: opening it (muxer stream, protocol negotiation, the code's
   * first run) took 18–40 ms of the first fetch's first byte.
   */
  readonly #onIdentify = (event: CustomEvent<{ peerId: PeerId, protocols: string[] }>): void => {
    this.#identified.add(event.detail.peerId.toString())
    if (!speaksBitswap(event.detail.protocols)) return
    this.#speakers.set(event.detail.peerId.toString(), event.detail.peerId)
    void this.#open(event.detail.peerId, {}).catch(() => {})
    this.#events.onBitswapPeer(event.detail.peerId)
  }

  constructor (host: BitswapHost, events: BitswapNetworkEvents) {
    this.#host = host
    this.#events = events
  }

  async start (): Promise<void> {
    await this.#host.handle(BITSWAP_PROTOCOLS, (stream, connection) => {
      this.#speakers.set(connection.remotePeer.toString(), connection.remotePeer)
      void this.#read(stream, connection.remotePeer)
    }, { maxInboundStreams: MAX_INBOUND_STREAMS, maxOutboundStreams: 2 })
    this.#host.addEventListener('peer:disconnect', this.#onDisconnect)
    this.#host.addEventListener('peer:identify', this.#onIdentify)
    // Peers identified before Bitswap started listening: once, from what identify stored.
    await Promise.all(this.#host.getConnections().map(async ({ remotePeer }) => {
      const info = await this.#host.peerStore.get(remotePeer).catch(() => undefined)
      if (info !== undefined && info.protocols.length > 0) this.#identified.add(remotePeer.toString())
      if (info !== undefined && speaksBitswap(info.protocols)) this.#speakers.set(remotePeer.toString(), remotePeer)
    }))
  }

  async stop (): Promise<void> {
    this.#host.removeEventListener('peer:disconnect', this.#onDisconnect)
    this.#host.removeEventListener('peer:identify', this.#onIdentify)
    await this.#host.unhandle(BITSWAP_PROTOCOLS)
    const open = [...this.#outbound.values()]
    this.#outbound.clear()
    this.#tails.clear()
    this.#speakers.clear()
    this.#identified.clear()
    await Promise.allSettled(open.map(async (o) => { await (await o).stream.unwrap().close() }))
  }

  /** The connected peers that speak Bitswap: who a want-have broadcast goes to (kept in memory, not read from the peer store per broadcast). */
  bitswapPeers (): PeerId[] {
    return [...this.#speakers.values()].filter((peer) => this.connected(peer))
  }

  /**
   * How many connected peers identify has not reported on yet (connected
   * for less than IDENTIFY_GRACE_MS): each may turn out to speak Bitswap.
   */
  identifying (): number {
    const now = Date.now()
    const pending = new Set<string>()
    for (const connection of this.#host.getConnections()) {
      const key = connection.remotePeer.toString()
      if (!this.#identified.has(key) && !this.#speakers.has(key) && now - connection.timeline.open < IDENTIFY_GRACE_MS) pending.add(key)
    }
    return pending.size
  }

  /** Whether `peer` is connected now. */
  connected (peer: PeerId): boolean {
    return this.#host.getConnections(peer).length > 0
  }

  /** Send `message` to `peer` after every message queued before it; rejects if it cannot be delivered. */
  async send (peer: PeerId, message: BitswapMessage, options: AbortOptions = {}): Promise<void> {
    const key = peer.toString()
    const previous = this.#tails.get(key) ?? Promise.resolve()
    const done = previous.then(async () => { await this.#write(peer, message, options) }, async () => { await this.#write(peer, message, options) })
    const tail = done.catch(() => {})
    this.#tails.set(key, tail)
    void tail.then(() => { if (this.#tails.get(key) === tail) this.#tails.delete(key) })
    await done
  }

  async #write (peer: PeerId, message: BitswapMessage, options: AbortOptions): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const outbound = await this.#open(peer, options)
      try {
        await outbound.stream.write(encodeWire(toWire(message, outbound.protocol)), options)
        return
      } catch (err) {
        this.#outbound.delete(peer.toString())
        outbound.stream.unwrap().abort(err as Error)
        if (attempt > 0 || options.signal?.aborted === true) throw err
      }
    }
  }

  async #open (peer: PeerId, options: AbortOptions): Promise<Outbound> {
    const key = peer.toString()
    let outbound = this.#outbound.get(key)
    if (outbound === undefined) {
      const signal = AbortSignal.any([AbortSignal.timeout(DIAL_TIMEOUT_MS), ...(options.signal === undefined ? [] : [options.signal])])
      outbound = this.#host.dialProtocol(peer, BITSWAP_PROTOCOLS, { signal }).then((stream) => ({
        stream: lpStream(stream, { maxDataLength: MAX_MESSAGE_SIZE }),
        protocol: stream.protocol ?? BITSWAP_PROTOCOLS[0] ?? ''
      }))
      this.#outbound.set(key, outbound)
      outbound.catch(() => { if (this.#outbound.get(key) === outbound) this.#outbound.delete(key) })
    }
    return await outbound
  }

  /**
   * Read messages until the stream ends. A message's blocks are hashed on
   * the thread pool while the next messages are read and decrypted (up to
   * VERIFYING at once), and messages are handed on in the order they came.
   */
  async #read (stream: Stream, peer: PeerId): Promise<void> {
    const lp = lpStream(stream, { maxDataLength: MAX_MESSAGE_SIZE, maxBufferSize: MAX_READ_BUFFER })
    const verifying: Array<Promise<void>> = []
    let failure: Error | undefined
    const fail = (err: Error): void => {
      if (failure !== undefined) return
      failure = err
      stream.abort(err)
      if (isBadMessage(err)) this.#events.onBadMessage(peer, err)
    }
    try {
      while (failure === undefined) {
        let bytes
        try {
          bytes = await lp.read()
        } catch (err) {
          if ((err as Error).name === 'UnexpectedEOFError') {
            await Promise.all(verifying)
            // The peer is done writing (Helia opens a stream per message): close our side too,
            // or the stream keeps counting against the peer's inbound stream limit.
            if (failure === undefined) await stream.close().catch(() => {})
            return
          }
          throw err
        }
        const wire = parseWire(bytes)
        const digests = digestBlocks(wire)
        digests.catch(() => {})
        const previous = verifying.at(-1)
        const handed = (async () => {
          const found = await digests
          await previous
          if (failure === undefined) this.#events.onMessage(peer, fromParsed(wire, found))
        })().catch(fail)
        verifying.push(handed)
        void handed.finally(() => { verifying.splice(verifying.indexOf(handed), 1) })
        if (verifying.length >= VERIFYING) await verifying[0]
      }
    } catch (err) {
      // Messages read whole before the stream broke or turned bad are still handed on.
      await Promise.all(verifying)
      fail(err as Error)
    }
  }
}

/** Whether a peer's protocols (as identify reports them) include a Bitswap version. */
function speaksBitswap (protocols: string[]): boolean {
  return protocols.some((p) => BITSWAP_PROTOCOLS.includes(p))
}

/** A fault of the sender (malformed, oversized), not of the stream (reset, closed). */
function isBadMessage (err: Error): boolean {
  return err instanceof InvalidBitswapMessageError || err instanceof BlockTooLargeError || /^(InvalidDataLength(Length)?|InvalidMessageLength|StreamBuffer)Error$/.test(err.name)
}
