/**
 * The force layout of the network graph (d3-force), ticked by the caller
 * rather than by d3's own timer so that it runs only while shown: this
 * node pinned in the middle, links as long as their latency says.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation } from 'd3-force'
import { graphOf, keepPositions } from './graph-data.ts'
import type { Simulation } from 'd3-force'
import type { GraphLink, GraphNode } from './graph-data.ts'
import type { Peer } from '../peers-store.ts'

/** A layout and what it holds. */
export interface GraphLayout {
  simulation: Simulation<GraphNode, GraphLink>
  links: GraphLink[]
  /** What the nodes and links were made from, to tell a change from a refresh. */
  shapeKey: string
}

/** A new, stopped layout. */
export function createLayout (): GraphLayout {
  const simulation = forceSimulation<GraphNode, GraphLink>([])
    .force('link', forceLink<GraphNode, GraphLink>([]).id((n) => n.id).distance((l) => l.distance).strength(0.9))
    .force('charge', forceManyBody<GraphNode>().strength(-90).distanceMax(300))
    .force('collide', forceCollide<GraphNode>(14))
    .stop()
  return { simulation, links: [], shapeKey: '' }
}

/**
 * Give `layout` the graph of `peers` around `self`, keeping the positions of
 * nodes it had. Returns true when something changed (the caller then runs
 * ticks); a refresh that changes nothing leaves the layout at rest.
 */
export function updateLayout (layout: GraphLayout, self: string, peers: readonly Peer[]): boolean {
  const { nodes, links } = graphOf(self, peers)
  const shapeKey = links.map((l) => `${String(l.target)}:${l.kind}:${Math.round(l.distance / 10)}`).join('|') + `@${self}`
  if (shapeKey === layout.shapeKey) return false
  const before = layout.shapeKey
  const placed = keepPositions(layout.simulation.nodes(), nodes)
  for (const node of placed) {
    if (node.kind === 'self') {
      node.fx = 0
      node.fy = 0
    }
  }
  layout.simulation.nodes(placed)
  layout.simulation.force<ReturnType<typeof forceLink<GraphNode, GraphLink>>>('link')?.links(links)
  layout.links = links
  layout.shapeKey = shapeKey
  // A first layout starts hot; a peer coming or going warms it a little.
  layout.simulation.alpha(before === '' ? 1 : Math.max(layout.simulation.alpha(), 0.3))
  return true
}

/** True while the layout still moves. */
export function isMoving (layout: GraphLayout): boolean {
  return layout.simulation.alpha() >= layout.simulation.alphaMin()
}
