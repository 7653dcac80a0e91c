/**
 * `/api/v0/stats/bw`: bandwidth totals and rates, as Kubo reports them,
 * for the whole node, one peer (`peer`) or one protocol (`proto`).
 */
import { peerIdFromString } from '@libp2p/peer-id'
import { BadRequestError } from '../../errors.ts'
import type { TrafficStats } from '../../../network/bandwidth.ts'
import type { RpcHandler } from '../handler.ts'

/** Kubo's `stats bw` output. */
export interface BandwidthOutput {
  TotalIn: number
  TotalOut: number
  RateIn: number
  RateOut: number
}

const NONE: TrafficStats = { totalIn: 0, totalOut: 0, rateIn: 0, rateOut: 0 }

/** `stats/bw [peer=<id>] [proto=<protocol>]` */
export const statsBw: RpcHandler = async ({ node, query }) => {
  const peer = query.get('peer')
  const proto = query.get('proto')
  if (peer !== null && proto !== null) throw new BadRequestError('give peer or proto, not both')
  const latest = node.bandwidth.history().at(-1) ?? node.bandwidth.sample()
  let stats: TrafficStats = latest
  if (peer !== null) {
    try {
      peerIdFromString(peer)
    } catch {
      throw new BadRequestError(`invalid peer ID "${peer}"`)
    }
    stats = latest.byPeer[peer] ?? NONE
  } else if (proto !== null) {
    stats = latest.byProtocol[proto] ?? NONE
  }
  return { TotalIn: stats.totalIn, TotalOut: stats.totalOut, RateIn: stats.rateIn, RateOut: stats.rateOut } satisfies BandwidthOutput
}

/** `stats/provide`: where announcing content on the DHTs stands. */
export const statsProvide: RpcHandler = async ({ node }) => {
  const p = node.reprovider.progress()
  return { Provided: p.provided, Failed: p.failed, Total: p.total, Running: p.running, LastRun: p.lastRun === 0 ? null : new Date(p.lastRun).toISOString(), Strategy: node.repo.config.Reprovider.Strategy, Interval: node.repo.config.Reprovider.Interval }
}

/** `routing/reprovide`: announce everything the strategy covers, now; returns when done. */
export const routingReprovide: RpcHandler = async ({ node }) => {
  await node.reprovider.reprovide()
  const p = node.reprovider.progress()
  return { Provided: p.provided, Failed: p.failed }
}
