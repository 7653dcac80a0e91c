// The world map's data: countries placed from their alpha-2 code, peers
// grouped by country (each peer once), LAN and unknown places counted
// apart, and markers that would overlap merged.
import { describe, it, expect } from 'vitest'
import { countryName, flagOf, placeOf } from './countries.ts'
import { markerRadius, mergeMarkers, placePeers } from './clusters.ts'
import { markersFor, projectionFor } from './draw-map.ts'
import type { Peer } from '../peers-store.ts'

const peer = (id: string, extra: Partial<Peer> = {}): Peer => ({ peer: id, address: `/ip4/203.0.113.1/tcp/4001/p2p/${id}`, transport: 'tcp', direction: 'outbound', lan: false, relayed: false, ...extra })

describe('country places', () => {
  it('maps alpha-2 codes (any case) to world-atlas numeric ids and a position inside the country', () => {
    const de = placeOf('de')
    expect(de?.numeric).toBe('276')
    const [lon, lat] = de?.lonLat ?? [0, 0]
    expect(lon).toBeGreaterThan(6)
    expect(lon).toBeLessThan(15)
    expect(lat).toBeGreaterThan(47)
    expect(lat).toBeLessThan(55)
    expect(placeOf('US')?.numeric).toBe('840')
    expect(placeOf('SG')?.lonLat[0]).toBeCloseTo(103.8, 0)
    expect(placeOf('ZZ')).toBeUndefined()
    expect(placeOf('constructor')).toBeUndefined()
    expect(placeOf(undefined)).toBeUndefined()
  })

  it('names and flags a country', () => {
    expect(countryName('FR')).toBe('France')
    expect(flagOf('fr')).toBe('🇫🇷')
    expect(flagOf('<b>')).toBe('')
  })
})

describe('grouping peers by place', () => {
  it('clusters peers of one country, most first, and counts LAN, relayed and unknown apart', () => {
    const places = placePeers([
      peer('a', { country: 'DE' }),
      peer('b', { country: 'DE' }),
      peer('c', { country: 'FR' }),
      peer('d', { lan: true }),
      peer('e', { relayed: true, country: 'US' }),
      peer('f'),
      peer('g', { country: 'ZZ' }),
      // A second connection to `a` counts once.
      peer('a', { country: 'DE', relayed: true })
    ])
    expect(places.countries.map((c) => [c.code, c.peers])).toEqual([['DE', ['a', 'b']], ['FR', ['c']]])
    expect(places.lan).toBe(1)
    expect(places.unknown).toBe(3)
    expect(places.total).toBe(7)
  })

  it('places Germany east of France and north of Spain on the map', () => {
    const projection = projectionFor(800, 400)
    const places = placePeers([peer('a', { country: 'DE' }), peer('b', { country: 'ES' }), peer('c', { country: 'JP' })])
    const markers = markersFor(places.countries, projection)
    const at = (code: string) => markers.find((m) => m.codes.includes(code))
    expect(markers).toHaveLength(3)
    expect(at('DE')?.y).toBeLessThan(at('ES')?.y ?? 0)
    expect(at('JP')?.x).toBeGreaterThan(at('DE')?.x ?? 0)
    for (const m of markers) {
      expect(m.x).toBeGreaterThan(0)
      expect(m.x).toBeLessThan(800)
    }
  })

  it('merges markers closer than the radius at their weighted centre', () => {
    const merged = mergeMarkers([
      { code: 'BE', x: 100, y: 100, count: 1 },
      { code: 'NL', x: 104, y: 96, count: 3 },
      { code: 'JP', x: 600, y: 120, count: 2 }
    ], 18)
    expect(merged).toHaveLength(2)
    const benelux = merged.find((m) => m.codes.includes('BE'))
    expect(benelux?.codes).toEqual(['NL', 'BE'])
    expect(benelux?.count).toBe(4)
    expect(benelux?.x).toBeCloseTo(103)
    expect(benelux?.y).toBeCloseTo(97)
    expect(markerRadius(100)).toBeGreaterThan(markerRadius(1))
    expect(markerRadius(10_000)).toBeLessThanOrEqual(26)
  })
})
