/**
 * Where the peers are, for the world map: grouped by country (each group
 * a marker with a count), the LAN peers and the peers of unknown location
 * counted apart, and markers that would overlap on screen merged.
 */
import { countryName, placeOf } from './countries.ts'
import { uniquePeers } from '../unique-peers.ts'
import type { Peer } from '../peers-store.ts'

/** The peers of one country. */
export interface CountryCluster {
  code: string
  name: string
  numeric: string
  lonLat: [number, number]
  /** Their peer IDs. */
  peers: string[]
}

/** Every peer once, by where it is. */
export interface PeerPlaces {
  /** Most peers first, then by name. */
  countries: CountryCluster[]
  /** On this machine or a private network. */
  lan: number
  /** Relayed, without a country, or a code the table does not know. */
  unknown: number
  total: number
}

/** Group `peers` by place. */
export function placePeers (peers: readonly Peer[]): PeerPlaces {
  const byCode = new Map<string, CountryCluster>()
  let lan = 0
  let unknown = 0
  const unique = uniquePeers(peers)
  for (const peer of unique) {
    if (peer.lan) {
      lan++
      continue
    }
    const place = peer.relayed ? undefined : placeOf(peer.country)
    if (place === undefined) {
      unknown++
      continue
    }
    const cluster = byCode.get(place.code) ?? { code: place.code, name: countryName(place.code), numeric: place.numeric, lonLat: place.lonLat, peers: [] }
    cluster.peers.push(peer.peer)
    byCode.set(place.code, cluster)
  }
  const countries = [...byCode.values()].sort((a, b) => b.peers.length - a.peers.length || a.name.localeCompare(b.name))
  return { countries, lan, unknown, total: unique.length }
}

/** A marker on screen: one or more countries whose points lie close together. */
export interface MapMarker {
  x: number
  y: number
  count: number
  /** The countries it stands for, most peers first. */
  codes: string[]
}

/** A country's projected point and peer count. */
export interface MarkerPoint {
  code: string
  x: number
  y: number
  count: number
}

/**
 * Merge points closer than `radius` pixels (greedily, biggest first) into
 * one marker at their count-weighted centre.
 */
export function mergeMarkers (points: readonly MarkerPoint[], radius: number): MapMarker[] {
  const markers: Array<MapMarker & { sx: number, sy: number }> = []
  for (const p of [...points].sort((a, b) => b.count - a.count)) {
    const near = markers.find((m) => Math.hypot(m.x - p.x, m.y - p.y) < radius)
    if (near === undefined) {
      markers.push({ x: p.x, y: p.y, count: p.count, codes: [p.code], sx: p.x * p.count, sy: p.y * p.count })
      continue
    }
    near.count += p.count
    near.codes.push(p.code)
    near.sx += p.x * p.count
    near.sy += p.y * p.count
    near.x = near.sx / near.count
    near.y = near.sy / near.count
  }
  return markers.map(({ x, y, count, codes }) => ({ x, y, count, codes }))
}

/** A marker's radius in pixels: grows with the square root of its count. */
export function markerRadius (count: number): number {
  return Math.min(26, 7 + 3.2 * Math.sqrt(Math.max(1, count)))
}
