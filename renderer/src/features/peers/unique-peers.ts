/**
 * One entry per peer: `peers.list` lists connections, and a peer may have
 * several (a direct one beside a relayed one, say). The map and the graph
 * show each peer once, by its best connection.
 */
import type { Peer } from './peers-store.ts'

/** Lower is better: direct before relayed, then the lowest known latency. */
function rank (peer: Peer): number {
  return (peer.relayed ? 1e9 : 0) + (peer.latencyMs ?? 1e8)
}

/** Each peer once, by its best connection, in first-seen order. */
export function uniquePeers (peers: readonly Peer[]): Peer[] {
  const best = new Map<string, Peer>()
  for (const peer of peers) {
    const kept = best.get(peer.peer)
    if (kept === undefined || rank(peer) < rank(kept)) best.set(peer.peer, peer)
  }
  return [...best.values()]
}
