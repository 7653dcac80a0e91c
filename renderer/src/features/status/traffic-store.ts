/**
 * The traffic slice: bandwidth in and out, and the number of connected
 * peers, over the last ten minutes.
 *
 * Bandwidth comes from the node's `bandwidth:sample` event (one a second).
 * The peer count is handed over by the app (`setPeerCount`, from the
 * peers slice's list, which one poll and the peer events keep current) and
 * sampled once a second.
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

/** The peer count now, as the app hands it over (the peers slice's list); undefined until the first list. */
let latestPeerCount: number | undefined

/** Tell the history how many peers are connected now; it samples this once a second. */
export function setPeerCount (count: number): void {
  latestPeerCount = count
}

onConnect((api) => {
  const sampler = setInterval(() => {
    if (latestPeerCount !== undefined) recordPeerCount(latestPeerCount, Date.now())
  }, SAMPLE_MS)
  const off = api.on('bandwidth:sample', recordBandwidth)
  return () => {
    clearInterval(sampler)
    off()
  }
})
