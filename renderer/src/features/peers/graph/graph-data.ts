/**
 * The network graph's data: this node in the middle, one node per peer
 * (by its best connection), a link each, kinds told apart (LAN, internet,
 * relayed) and latency as link length.
 */
import { uniquePeers } from '../unique-peers.ts'
import type { SimulationLinkDatum, SimulationNodeDatum } from 'd3-force'
import type { Peer } from '../peers-store.ts'

/** How a peer is reached. */
export type PeerKind = 'lan' | 'wan' | 'relayed'

/** A node of the graph. */
export interface GraphNode extends SimulationNodeDatum {
  id: string
  kind: PeerKind | 'self'
  latencyMs?: number
}

/** A link from this node to a peer. */
export interface GraphLink extends SimulationLinkDatum<GraphNode> {
  source: string | GraphNode
  target: string | GraphNode
  kind: PeerKind
  /** Its length in pixels (before the view's scale). */
  distance: number
}

/** Link length when the latency is unknown. */
export const DEFAULT_DISTANCE = 120
/** Shortest link. */
export const MIN_DISTANCE = 50
/** Longest link. */
export const MAX_DISTANCE = 260

/** A peer's kind: relayed first (its address is the relay's), then LAN, else internet. */
export function kindOf (peer: Pick<Peer, 'lan' | 'relayed'>): PeerKind {
  return peer.relayed ? 'relayed' : peer.lan ? 'lan' : 'wan'
}

/** Link length for a latency: 40 + 8·√ms, clamped to [MIN, MAX]; DEFAULT when unknown. */
export function linkDistance (latencyMs: number | undefined): number {
  if (latencyMs === undefined || !Number.isFinite(latencyMs) || latencyMs < 0) return DEFAULT_DISTANCE
  return Math.min(MAX_DISTANCE, Math.max(MIN_DISTANCE, 40 + 8 * Math.sqrt(latencyMs)))
}

/** The nodes and links for `peers` around `self`. */
export function graphOf (self: string, peers: readonly Peer[]): { nodes: GraphNode[], links: GraphLink[] } {
  const nodes: GraphNode[] = [{ id: self, kind: 'self' }]
  const links: GraphLink[] = []
  for (const peer of uniquePeers(peers)) {
    if (peer.peer === self) continue
    const kind = kindOf(peer)
    nodes.push({ id: peer.peer, kind, ...(peer.latencyMs === undefined ? {} : { latencyMs: peer.latencyMs }) })
    links.push({ source: self, target: peer.peer, kind, distance: linkDistance(peer.latencyMs) })
  }
  return { nodes, links }
}

/**
 * `next` with the positions and speeds of the nodes `previous` already had,
 * so a peer coming or going moves the layout a little instead of
 * restarting it; new peers start near the middle at a random angle.
 */
export function keepPositions (previous: readonly GraphNode[], next: readonly GraphNode[], random: () => number = Math.random): GraphNode[] {
  const old = new Map(previous.map((n) => [n.id, n]))
  return next.map((node) => {
    const was = old.get(node.id)
    if (was !== undefined) return { ...node, x: was.x, y: was.y, vx: was.vx, vy: was.vy }
    if (node.kind === 'self') return { ...node, x: 0, y: 0 }
    const angle = random() * 2 * Math.PI
    return { ...node, x: Math.cos(angle) * 30, y: Math.sin(angle) * 30 }
  })
}
