/**
 * The traffic slice: bandwidth in and out, and the number of connected
 * peers, over the last ten minutes.
 *
 * Bandwidth comes from the node's `bandwidth:sample` event (one a second).
 * The peer count is this slice's own: the peer IDs from `peers.list`,
 * reloaded every few seconds, kept current between reloads by
 * `peer:connected` and `peer:disconnected`, and sampled once a second.
 * Both histories are bounded rings, filled while the page is hidden too, so
 * the charts show the last ten minutes whenever they are looked at.
 */
import { create } from 'zustand'
import { onConnect } from '../../lib/connection-store.ts'
import { RingSeries } from './ring-series.ts'
import type { EventPayload } from '../../../../node-core/src/api/contract.ts'

/** How far back the charts reach, in seconds (a point a second). */
export const HISTORY_SECONDS = 600

/** Bandwidth: per point, bytes per second in and out. */
export const bandwidthHistory = new RingSeries(HISTORY_SECONDS, 2)
/** The number of connected peers, a point a second. */
export const peerHistory = new RingSeries(HISTORY_SECONDS, 1)

/** Bytes in and out. */
export interface InOut {
  in: number
  out: number
}

/** The traffic slice's state: the latest numbers (the histories are the rings above). */
export interface TrafficState {
  /** Bytes since the node started; undefined before the first sample. */
  totals: InOut | undefined
  /** Bytes per second over the last second. */
  rates: InOut | undefined
  /** Connected peers now; undefined until first counted. */
  peerCount: number | undefined
  /** Bumped whenever `bandwidthHistory` gains a point. */
  bandwidthVersion: number
  /** Bumped whenever `peerHistory` gains a point. */
  peersVersion: number
}

/** The traffic slice. */
export const useTraffic = create<TrafficState>()(() => ({
  totals: undefined,
  rates: undefined,
  peerCount: undefined,
  bandwidthVersion: 0,
  peersVersion: 0
}))

/** Record one bandwidth sample (`at` in ms since the epoch). */
export function recordBandwidth (sample: Pick<EventPayload<'bandwidth:sample'>, 'at' | 'rateIn' | 'rateOut' | 'totalIn' | 'totalOut'>): void {
  bandwidthHistory.push(sample.at / 1000, sample.rateIn, sample.rateOut)
  useTraffic.setState({
    totals: { in: sample.totalIn, out: sample.totalOut },
    rates: { in: sample.rateIn, out: sample.rateOut },
    bandwidthVersion: bandwidthHistory.version
  })
}

/** Record the peer count `count` at `atMs` (ms since the epoch). */
export function recordPeerCount (count: number, atMs: number): void {
  peerHistory.push(atMs / 1000, count)
  useTraffic.setState({ peerCount: count, peersVersion: peerHistory.version })
}

const SAMPLE_MS = 1000
const LIST_MS = 5000
const LIST_HIDDEN_MS = 30_000

onConnect((api) => {
  const connected = new Set<string>()
  let listed = false
  let stopped = false
  let listTimer: ReturnType<typeof setTimeout> | undefined

  const list = async (): Promise<void> => {
    try {
      const { peers } = await api.peers.list()
      if (stopped) return
      connected.clear()
      for (const p of peers) connected.add(p.peer)
      listed = true
    } catch {
      // The next reload tries again; events keep the count meanwhile.
    }
    if (stopped) return
    const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden'
    listTimer = setTimeout(() => { void list() }, hidden ? LIST_HIDDEN_MS : LIST_MS)
  }
  void list()

  const sampler = setInterval(() => {
    if (listed) recordPeerCount(connected.size, Date.now())
  }, SAMPLE_MS)

  const offs = [
    api.on('bandwidth:sample', recordBandwidth),
    api.on('peer:connected', ({ peer }) => { connected.add(peer) }),
    api.on('peer:disconnected', ({ peer }) => { connected.delete(peer) })
  ]
  return () => {
    stopped = true
    clearTimeout(listTimer)
    clearInterval(sampler)
    for (const off of offs) off()
  }
})
