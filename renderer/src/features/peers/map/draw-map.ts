/**
 * Drawing the world map on a canvas: the sphere, the countries (those with
 * peers tinted), and a marker with its count for each group of peers.
 */
import { geoNaturalEarth1, geoPath } from 'd3-geo'
import { markerRadius, mergeMarkers } from './clusters.ts'
import type { GeoProjection } from 'd3-geo'
import type { CanvasColors } from '../canvas-colors.ts'
import type { CountryCluster, MapMarker } from './clusters.ts'
import type { WorldShapes } from './world-shapes.ts'

/** The projection that fits the whole world in `width`×`height`. */
export function projectionFor (width: number, height: number): GeoProjection {
  return geoNaturalEarth1().fitExtent([[6, 6], [width - 6, height - 6]], { type: 'Sphere' })
}

/** The markers for `countries` under `projection`, merged where they would overlap. */
export function markersFor (countries: readonly CountryCluster[], projection: GeoProjection): MapMarker[] {
  const points = countries.flatMap((c) => {
    const xy = projection(c.lonLat)
    return xy === null ? [] : [{ code: c.code, x: xy[0], y: xy[1], count: c.peers.length }]
  })
  return mergeMarkers(points, 18)
}

/** Draw the map and `markers` into `context`. */
export function drawMap (context: CanvasRenderingContext2D, world: WorldShapes | undefined, projection: GeoProjection, countries: readonly CountryCluster[], markers: readonly MapMarker[], colors: CanvasColors): void {
  const path = geoPath(projection, context)
  context.beginPath()
  path({ type: 'Sphere' })
  context.fillStyle = colors.bg
  context.fill()
  if (world !== undefined) {
    const withPeers = new Set(countries.map((c) => c.numeric))
    context.lineWidth = 0.6
    for (const shape of world.features) {
      context.beginPath()
      path(shape)
      const tinted = withPeers.has(String(shape.id))
      context.fillStyle = tinted ? colors.accentSoft : colors.surface2
      context.fill()
      context.strokeStyle = tinted ? colors.accent : colors.border
      context.stroke()
    }
  }
  context.beginPath()
  path({ type: 'Sphere' })
  context.strokeStyle = colors.border
  context.lineWidth = 1
  context.stroke()
  context.textAlign = 'center'
  context.textBaseline = 'middle'
  for (const marker of markers) {
    const r = markerRadius(marker.count)
    context.beginPath()
    context.arc(marker.x, marker.y, r, 0, 2 * Math.PI)
    context.fillStyle = colors.accent
    context.fill()
    context.lineWidth = 2
    context.strokeStyle = colors.surface
    context.stroke()
    context.fillStyle = colors.accentText
    context.font = `600 ${r > 12 ? 12 : 11}px ${colors.font}`
    context.fillText(String(marker.count), marker.x, marker.y + 0.5)
  }
}

/** The marker under the point (`x`, `y`), if any. */
export function markerAt (markers: readonly MapMarker[], x: number, y: number): MapMarker | undefined {
  return markers.find((m) => Math.hypot(m.x - x, m.y - y) <= markerRadius(m.count) + 2)
}
