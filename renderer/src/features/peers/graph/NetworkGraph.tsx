/**
 * The Network view: a force graph on canvas with this node in the middle.
 * The layout moves only while the page is visible and until it cools; a
 * peer coming or going nudges the layout rather than restarting it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { createLayout, isMoving, updateLayout } from './graph-simulation.ts'
import { drawGraph, fitView, nodeAt } from './draw-graph.ts'
import { kindOf } from './graph-data.ts'
import { GraphLegend } from './GraphLegend.tsx'
import { useCanvasColors } from '../canvas-colors.ts'
import { prepareCanvas, useBoxSize } from '../canvas-size.ts'
import { uniquePeers } from '../unique-peers.ts'
import { usePageVisible } from '../../../lib/visibility.ts'
import { shorten } from '../../../lib/format.ts'
import { peers as t } from '../../../texts/peers.ts'
import type { PointerEvent } from 'react'
import type { GraphNode } from './graph-data.ts'
import type { Peer } from '../peers-store.ts'

const KIND_TEXT = { self: t.network.self, lan: t.network.lan, wan: t.network.wan, relayed: t.network.relayed }

function reducedMotion (): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches
}

/** The graph of `peers` around `self`. */
export function NetworkGraph ({ self, peers }: { self: string, peers: Peer[] }) {
  const layout = useRef(createLayout())
  const box = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const frame = useRef<number | undefined>(undefined)
  const { width, height } = useBoxSize(box)
  const colors = useCanvasColors()
  const visible = usePageVisible()
  const [hover, setHover] = useState<{ node: GraphNode, x: number, y: number } | undefined>()
  const [generation, setGeneration] = useState(0)
  const counts = useMemo(() => {
    const c = { lan: 0, wan: 0, relayed: 0 }
    for (const p of uniquePeers(peers)) if (p.peer !== self) c[kindOf(p)]++
    return c
  }, [peers, self])

  const draw = useCallback((): void => {
    const context = prepareCanvas(canvas.current, width, height)
    if (context === null) return
    const nodes = layout.current.simulation.nodes()
    drawGraph(context, nodes, layout.current.links, fitView(nodes, width, height), colors, hover?.node.id)
  }, [width, height, colors, hover])

  useEffect(() => {
    if (updateLayout(layout.current, self, peers)) setGeneration((g) => g + 1)
  }, [self, peers])

  // Run the layout while it moves and the page is shown; draw at rest otherwise.
  useEffect(() => {
    const current = layout.current
    if (reducedMotion() && isMoving(current)) {
      current.simulation.tick(Math.ceil(Math.log(current.simulation.alphaMin()) / Math.log(1 - current.simulation.alphaDecay())))
      current.simulation.alpha(0)
    }
    if (!visible || !isMoving(current) || width === 0) {
      draw()
      return
    }
    const step = (): void => {
      current.simulation.tick()
      draw()
      frame.current = isMoving(current) ? requestAnimationFrame(step) : undefined
    }
    frame.current = requestAnimationFrame(step)
    return () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current)
      frame.current = undefined
    }
  }, [visible, generation, draw, width])

  const onMove = (event: PointerEvent<HTMLCanvasElement>): void => {
    const rect = event.currentTarget.getBoundingClientRect()
    const x = event.clientX - rect.left
    const y = event.clientY - rect.top
    const nodes = layout.current.simulation.nodes()
    const node = nodeAt(nodes, fitView(nodes, width, height), x, y)
    setHover(node === undefined ? undefined : { node, x, y })
  }

  return (
    <div className="network-view">
      <div className="graph-box" ref={box} data-testid="network-graph">
        <canvas
          ref={canvas}
          style={{ width: '100%', height: '100%' }}
          role="img"
          aria-label={t.network.graphLabel(counts.lan, counts.wan, counts.relayed)}
          onPointerMove={onMove}
          onPointerLeave={() => { setHover(undefined) }}
        />
        {hover === undefined
          ? null
          : (
            <div className="canvas-tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} aria-hidden="true">
              <span className="mono">{shorten(hover.node.id, 6)}</span> · {KIND_TEXT[hover.node.kind]}
              {hover.node.latencyMs === undefined ? null : <> · {t.table.latencyMs(hover.node.latencyMs)}</>}
            </div>
            )}
      </div>
      <GraphLegend counts={counts} />
    </div>
  )
}
