/**
 * Drawing the network graph on a canvas: links (solid for direct, dashed
 * for relayed), then nodes by shape and colour: this node a ringed disc,
 * LAN peers discs, internet peers squares, relayed peers triangles.
 */
import type { CanvasColors } from '../canvas-colors.ts'
import type { GraphLink, GraphNode, PeerKind } from './graph-data.ts'

/** How graph coordinates map to the canvas: centre and scale. */
export interface View {
  cx: number
  cy: number
  scale: number
}

/** A view that fits every node in `width`×`height` (never enlarging past 1:1). */
export function fitView (nodes: readonly GraphNode[], width: number, height: number): View {
  let extent = 1
  for (const n of nodes) extent = Math.max(extent, Math.abs(n.x ?? 0), Math.abs(n.y ?? 0))
  const room = Math.max(1, Math.min(width, height) / 2 - 24)
  return { cx: width / 2, cy: height / 2, scale: Math.min(1, room / extent) }
}

/** The colour of a kind. */
export function colorOf (kind: PeerKind | 'self', colors: CanvasColors): string {
  return kind === 'self' ? colors.text : kind === 'lan' ? colors.success : kind === 'wan' ? colors.accent : colors.muted
}

function shape (context: CanvasRenderingContext2D, kind: PeerKind | 'self', x: number, y: number): void {
  context.beginPath()
  if (kind === 'self') context.arc(x, y, 10, 0, 2 * Math.PI)
  else if (kind === 'lan') context.arc(x, y, 7, 0, 2 * Math.PI)
  else if (kind === 'wan') context.rect(x - 6, y - 6, 12, 12)
  else {
    context.moveTo(x, y - 8)
    context.lineTo(x + 7.5, y + 5.5)
    context.lineTo(x - 7.5, y + 5.5)
    context.closePath()
  }
}

function endOf (end: string | GraphNode): GraphNode | undefined {
  return typeof end === 'string' ? undefined : end
}

/** Draw `nodes` and `links` under `view`; `hovered` gets a ring. */
export function drawGraph (context: CanvasRenderingContext2D, nodes: readonly GraphNode[], links: readonly GraphLink[], view: View, colors: CanvasColors, hovered: string | undefined): void {
  const at = (n: GraphNode): [number, number] => [view.cx + (n.x ?? 0) * view.scale, view.cy + (n.y ?? 0) * view.scale]
  context.lineWidth = 1.5
  for (const link of links) {
    const a = endOf(link.source)
    const b = endOf(link.target)
    if (a === undefined || b === undefined) continue
    context.beginPath()
    context.setLineDash(link.kind === 'relayed' ? [5, 4] : [])
    context.strokeStyle = colorOf(link.kind, colors)
    context.globalAlpha = 0.55
    context.moveTo(...at(a))
    context.lineTo(...at(b))
    context.stroke()
  }
  context.setLineDash([])
  context.globalAlpha = 1
  for (const node of nodes) {
    const [x, y] = at(node)
    shape(context, node.kind, x, y)
    context.fillStyle = colorOf(node.kind, colors)
    context.fill()
    context.lineWidth = node.kind === 'self' ? 3 : 1.5
    context.strokeStyle = node.kind === 'self' ? colors.accent : colors.surface
    context.stroke()
    if (node.id === hovered) {
      context.beginPath()
      context.arc(x, y, 13, 0, 2 * Math.PI)
      context.lineWidth = 2
      context.strokeStyle = colors.text
      context.stroke()
    }
  }
}

/** The node under the canvas point (`x`, `y`), if any. */
export function nodeAt (nodes: readonly GraphNode[], view: View, x: number, y: number): GraphNode | undefined {
  let best: GraphNode | undefined
  let bestDistance = 12
  for (const n of nodes) {
    const d = Math.hypot(view.cx + (n.x ?? 0) * view.scale - x, view.cy + (n.y ?? 0) * view.scale - y)
    if (d < bestDistance) {
      best = n
      bestDistance = d
    }
  }
  return best
}
