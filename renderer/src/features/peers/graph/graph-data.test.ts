// The network graph's data: a node per peer around this node, kinds from
// lan/relayed, link length from latency (scaled, clamped, a default when
// unknown), and a layout that keeps its positions when peers change.
import { describe, it, expect } from 'vitest'
import { DEFAULT_DISTANCE, MAX_DISTANCE, MIN_DISTANCE, graphOf, keepPositions, kindOf, linkDistance } from './graph-data.ts'
import { createLayout, updateLayout } from './graph-simulation.ts'
import type { Peer } from '../peers-store.ts'

const peer = (id: string, extra: Partial<Peer> = {}): Peer => ({ peer: id, address: '/ip4/203.0.113.1/tcp/4001', transport: 'tcp', direction: 'outbound', lan: false, relayed: false, ...extra })

describe('graph data', () => {
  it('tells LAN, internet and relayed peers apart (relayed first)', () => {
    expect(kindOf({ lan: true, relayed: false })).toBe('lan')
    expect(kindOf({ lan: false, relayed: false })).toBe('wan')
    expect(kindOf({ lan: true, relayed: true })).toBe('relayed')
  })

  it('makes latency a link length: longer when slower, clamped, a default when unknown', () => {
    expect(linkDistance(undefined)).toBe(DEFAULT_DISTANCE)
    expect(linkDistance(Number.NaN)).toBe(DEFAULT_DISTANCE)
    expect(linkDistance(0)).toBe(MIN_DISTANCE)
    expect(linkDistance(100)).toBeGreaterThan(linkDistance(10))
    expect(linkDistance(100)).toBeCloseTo(120)
    expect(linkDistance(60_000)).toBe(MAX_DISTANCE)
  })

  it('puts this node first and links every peer once to it', () => {
    const { nodes, links } = graphOf('me', [
      peer('a', { lan: true, latencyMs: 1 }),
      peer('b', { latencyMs: 400 }),
      peer('c', { relayed: true }),
      peer('b', { relayed: true }),
      peer('me')
    ])
    expect(nodes.map((n) => [n.id, n.kind])).toEqual([['me', 'self'], ['a', 'lan'], ['b', 'wan'], ['c', 'relayed']])
    expect(links.map((l) => [l.source, l.target, l.kind])).toEqual([['me', 'a', 'lan'], ['me', 'b', 'wan'], ['me', 'c', 'relayed']])
    expect(links[1]?.distance).toBe(linkDistance(400))
    expect(links[2]?.distance).toBe(DEFAULT_DISTANCE)
  })

  it('keeps the positions of nodes it had and starts new ones near the middle', () => {
    const before = [{ id: 'me', kind: 'self' as const, x: 0, y: 0 }, { id: 'a', kind: 'wan' as const, x: 80, y: -40, vx: 1, vy: 2 }]
    const after = keepPositions(before, [{ id: 'me', kind: 'self' }, { id: 'a', kind: 'wan' }, { id: 'b', kind: 'lan' }], () => 0)
    expect(after[1]).toMatchObject({ id: 'a', x: 80, y: -40, vx: 1, vy: 2 })
    expect(after[2]).toMatchObject({ id: 'b', x: 30, y: 0 })
  })
})

describe('the layout', () => {
  it('settles with this node pinned in the middle and latency as distance, and is left at rest by a refresh that changes nothing', () => {
    const layout = createLayout()
    const peers = [peer('near', { lan: true, latencyMs: 1 }), peer('far', { latencyMs: 900 })]
    expect(updateLayout(layout, 'me', peers)).toBe(true)
    layout.simulation.tick(400)
    const at = (id: string) => layout.simulation.nodes().find((n) => n.id === id)
    expect(at('me')).toMatchObject({ x: 0, y: 0 })
    const dist = (id: string) => Math.hypot(at(id)?.x ?? 0, at(id)?.y ?? 0)
    expect(dist('far')).toBeGreaterThan(dist('near') + 60)
    expect(updateLayout(layout, 'me', peers.map((p) => ({ ...p })))).toBe(false)

    // A peer joining keeps the others where they were, and warms the layout without restarting it.
    const farBefore = { x: at('far')?.x, y: at('far')?.y }
    layout.simulation.alpha(0)
    expect(updateLayout(layout, 'me', [...peers, peer('new')])).toBe(true)
    expect(at('far')).toMatchObject(farBefore)
    expect(layout.simulation.alpha()).toBeCloseTo(0.3)
    expect(layout.simulation.nodes()).toHaveLength(4)
  })
})
