/**
 * Bandwidth by protocol and by peer, over time.
 *
 * libp2p hands every negotiated protocol stream to its `metrics` component
 * (`trackProtocolStream`); this meter is that component. It counts the
 * payload bytes each stream sends and receives, by the stream's protocol
 * and by the peer at the other end, and every `intervalMs` turns the counts
 * into a `BandwidthSample` (totals and rates) for the UI, keeping the last
 * `historyLength` samples so that a graph opened late can fill itself.
 *
 * Bytes are observed without changing how streams deliver them: `send` is
 * wrapped, and inbound data is seen by wrapping `dispatchEvent`, never by
 * adding a `message` listener (which would make a stream start delivering
 * data before its protocol handler listens). The peer of a stream is found
 * through the connection whose muxer holds it; a stream negotiated before
 * its connection is registered is attributed at the next sample.
 *
 * The other `Metrics` methods (counters, histograms for libp2p's own
 * components) record nothing: this node measures bandwidth, not internals.
 */
import type { Connection, Metrics, Stream } from '@libp2p/interface'

/** Bytes in and out. */
export interface Traffic {
  in: number
  out: number
}

/** Totals since start and rates (bytes per second) over the last interval. */
export interface TrafficStats {
  totalIn: number
  totalOut: number
  rateIn: number
  rateOut: number
}

/** One point of the bandwidth graph. */
export interface BandwidthSample extends TrafficStats {
  /** Milliseconds since the epoch when it was taken. */
  at: number
  byProtocol: Record<string, TrafficStats>
  byPeer: Record<string, TrafficStats>
}

/** What the meter needs from libp2p: the open connections. */
export interface MeterComponents {
  connectionManager: { getConnections(): Connection[] }
}

/** Options of the meter. */
export interface MeterOptions {
  /** Milliseconds between samples; default 1000. */
  intervalMs?: number
  /** Samples kept; default 300 (five minutes at one a second). */
  historyLength?: number
}

interface Tracked {
  protocol: string
  peer: string | undefined
  /** Bytes not yet added to the totals. */
  pending: Traffic
}

/** Records nothing: libp2p's own metrics, which this node does not collect. */
const ignored = {
  update (): void {},
  increment (): void {},
  decrement (): void {},
  reset (): void {},
  observe (): void {},
  timer: () => () => {}
}

function register (_name: string, options?: { calculate?: unknown }): typeof ignored | undefined {
  return options?.calculate === undefined ? ignored : undefined
}

function add (totals: Map<string, Traffic>, key: string, traffic: Traffic): void {
  const t = totals.get(key)
  if (t === undefined) totals.set(key, { ...traffic })
  else {
    t.in += traffic.in
    t.out += traffic.out
  }
}

/** The libp2p metrics component that measures bandwidth. */
export class BandwidthMeter implements Metrics {
  readonly #components: MeterComponents
  readonly #intervalMs: number
  readonly #historyLength: number
  readonly #streams = new Set<Tracked>()
  readonly #byProtocol = new Map<string, Traffic>()
  readonly #byPeer = new Map<string, Traffic>()
  readonly #previous = { byProtocol: new Map<string, Traffic>(), byPeer: new Map<string, Traffic>(), total: { in: 0, out: 0 } }
  readonly #listeners = new Set<(sample: BandwidthSample) => void>()
  #history: BandwidthSample[] = []
  #timer: ReturnType<typeof setInterval> | undefined
  #lastAt = Date.now()

  constructor (components: MeterComponents, options: MeterOptions = {}) {
    this.#components = components
    this.#intervalMs = options.intervalMs ?? 1000
    this.#historyLength = options.historyLength ?? 300
  }

  /** Start sampling (libp2p calls this when the node starts). */
  start (): void {
    this.#lastAt = Date.now()
    this.#timer ??= setInterval(() => { this.sample() }, this.#intervalMs)
    this.#timer.unref()
  }

  /** Stop sampling. */
  stop (): void {
    clearInterval(this.#timer)
    this.#timer = undefined
  }

  /** Call `listener` with every new sample; returns a function that stops it. */
  onSample (listener: (sample: BandwidthSample) => void): () => void {
    this.#listeners.add(listener)
    return () => { this.#listeners.delete(listener) }
  }

  /** The samples kept, oldest first. */
  history (): BandwidthSample[] {
    return [...this.#history]
  }

  /** Fold the bytes counted since the last sample into the totals, and publish a sample. */
  sample (): BandwidthSample {
    const now = Date.now()
    const seconds = Math.max((now - this.#lastAt) / 1000, 1e-3)
    this.#lastAt = now
    const open = this.#openStreams()
    const connected = new Set(this.#components.connectionManager.getConnections().map((c) => c.remotePeer.toString()))
    const active = new Set<string>()
    for (const tracked of this.#streams) {
      tracked.peer ??= this.#peerOf(tracked, open)
      add(this.#byProtocol, tracked.protocol, tracked.pending)
      if (tracked.pending.in + tracked.pending.out > 0) {
        add(this.#byPeer, tracked.peer ?? 'unknown', tracked.pending)
        active.add(tracked.peer ?? 'unknown')
      }
      tracked.pending = { in: 0, out: 0 }
    }
    // A peer that left and sent nothing since is dropped: the WAN DHT meets
    // thousands of peers, and their bytes stay in the protocol totals.
    for (const peer of this.#byPeer.keys()) {
      if (!connected.has(peer) && !active.has(peer)) this.#byPeer.delete(peer)
    }
    const total = { in: 0, out: 0 }
    for (const t of this.#byProtocol.values()) {
      total.in += t.in
      total.out += t.out
    }
    const sample: BandwidthSample = {
      at: now,
      ...stats(total, this.#previous.total, seconds),
      byProtocol: statsOf(this.#byProtocol, this.#previous.byProtocol, seconds),
      byPeer: statsOf(this.#byPeer, this.#previous.byPeer, seconds)
    }
    this.#previous.total = total
    this.#previous.byProtocol = copy(this.#byProtocol)
    this.#previous.byPeer = copy(this.#byPeer)
    this.#history.push(sample)
    if (this.#history.length > this.#historyLength) this.#history = this.#history.slice(-this.#historyLength)
    for (const listener of this.#listeners) listener(sample)
    return sample
  }

  trackMultiaddrConnection (): void {}

  trackProtocolStream (stream: Stream): void {
    if (stream.protocol === undefined || stream.protocol === '') return
    const tracked: Tracked = { protocol: stream.protocol, peer: undefined, pending: { in: 0, out: 0 } }
    tracked.peer = this.#peerOf(tracked, this.#openStreams(), stream)
    this.#streams.add(tracked)
    const send = stream.send.bind(stream)
    stream.send = (data) => {
      tracked.pending.out += data.byteLength
      return send(data)
    }
    const dispatchEvent = stream.dispatchEvent.bind(stream)
    stream.dispatchEvent = (event) => {
      if (event.type === 'message') tracked.pending.in += (event as unknown as { data: { byteLength: number } }).data.byteLength
      return dispatchEvent(event)
    }
    stream.addEventListener('close', () => {
      // counted at the next sample, then forgotten
      setTimeout(() => { this.#streams.delete(tracked) }, this.#intervalMs * 2).unref()
    }, { once: true })
  }

  registerMetric = register as Metrics['registerMetric']
  registerMetricGroup = register as Metrics['registerMetricGroup']
  registerCounter = register as Metrics['registerCounter']
  registerCounterGroup = register as Metrics['registerCounterGroup']
  registerHistogram = register as Metrics['registerHistogram']
  registerHistogramGroup = register as Metrics['registerHistogramGroup']
  registerSummary = register as Metrics['registerSummary']
  registerSummaryGroup = register as Metrics['registerSummaryGroup']

  traceFunction<F> (_name: string, fn: F): F {
    return fn
  }

  createTrace (): undefined {
    return undefined
  }

  readonly #streamOwner = new WeakMap<Tracked, Stream>()

  #openStreams (): Map<Stream, string> {
    const owners = new Map<Stream, string>()
    for (const connection of this.#components.connectionManager.getConnections()) {
      for (const s of connection.streams) owners.set(s, connection.remotePeer.toString())
    }
    return owners
  }

  #peerOf (tracked: Tracked, open: Map<Stream, string>, stream?: Stream): string | undefined {
    if (stream !== undefined) this.#streamOwner.set(tracked, stream)
    const s = this.#streamOwner.get(tracked)
    return s === undefined ? undefined : open.get(s)
  }
}

function stats (now: Traffic, before: Traffic | undefined, seconds: number): TrafficStats {
  return {
    totalIn: now.in,
    totalOut: now.out,
    rateIn: (now.in - (before?.in ?? 0)) / seconds,
    rateOut: (now.out - (before?.out ?? 0)) / seconds
  }
}

function statsOf (totals: Map<string, Traffic>, before: Map<string, Traffic>, seconds: number): Record<string, TrafficStats> {
  const out: Record<string, TrafficStats> = {}
  for (const [key, t] of totals) out[key] = stats(t, before.get(key), seconds)
  return out
}

function copy (totals: Map<string, Traffic>): Map<string, Traffic> {
  return new Map([...totals].map(([k, t]) => [k, { ...t }]))
}
