/**
 * The World view: a map with the peers placed by country (a marker with a
 * count per country), and beside it the same as a list, with the peers on
 * the local network and those of unknown location, for everyone who does
 * not read the canvas.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { placePeers } from './clusters.ts'
import { drawMap, markerAt, markersFor, projectionFor } from './draw-map.ts'
import { loadWorld } from './world-shapes.ts'
import { countryName } from './countries.ts'
import { useCanvasColors } from '../canvas-colors.ts'
import { prepareCanvas, useBoxSize } from '../canvas-size.ts'
import { PlacesList } from './PlacesList.tsx'
import { peers as t } from '../../../texts/peers.ts'
import type { PointerEvent } from 'react'
import type { Peer } from '../peers-store.ts'
import type { MapMarker } from './clusters.ts'
import type { WorldShapes } from './world-shapes.ts'

/** The map of `peers`. */
export function WorldMap ({ peers }: { peers: Peer[] }) {
  const places = useMemo(() => placePeers(peers), [peers])
  const [world, setWorld] = useState<WorldShapes | undefined>()
  const [hover, setHover] = useState<{ marker: MapMarker, x: number, y: number } | undefined>()
  const box = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const { width, height } = useBoxSize(box)
  const colors = useCanvasColors()
  const projection = useMemo(() => projectionFor(Math.max(width, 1), Math.max(height, 1)), [width, height])
  const markers = useMemo(() => markersFor(places.countries, projection), [places, projection])

  useEffect(() => {
    let live = true
    loadWorld().then((shapes) => { if (live) setWorld(shapes) }, () => {})
    return () => { live = false }
  }, [])

  useEffect(() => {
    const context = prepareCanvas(canvas.current, width, height)
    if (context !== null) drawMap(context, world, projection, places.countries, markers, colors)
  }, [world, projection, places, markers, colors, width, height])

  const onMove = (event: PointerEvent<HTMLCanvasElement>): void => {
    const rect = event.currentTarget.getBoundingClientRect()
    const x = event.clientX - rect.left
    const y = event.clientY - rect.top
    const marker = markerAt(markers, x, y)
    setHover(marker === undefined ? undefined : { marker, x, y })
  }

  return (
    <div className="world-view">
      <div className="map-box" ref={box} data-testid="world-map" aria-busy={world === undefined}>
        <canvas
          ref={canvas}
          style={{ width: '100%', height: '100%' }}
          role="img"
          aria-label={t.world.mapLabel(places.countries.length, places.total)}
          onPointerMove={onMove}
          onPointerLeave={() => { setHover(undefined) }}
        />
        {world === undefined ? <p className="map-loading muted">{t.world.loading}</p> : null}
        <div className="map-badges" aria-hidden="true">
          {places.lan > 0 ? <span className="map-badge"><span className="lan-dot" />{t.world.local} · {places.lan}</span> : null}
          {places.unknown > 0 ? <span className="map-badge"><span className="unknown-dot" />{t.world.unknown} · {places.unknown}</span> : null}
        </div>
        {hover === undefined
          ? null
          : (
            <div className="canvas-tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} aria-hidden="true">
              {hover.marker.codes.map((code) => countryName(code)).join(', ')}: {t.peerCount(hover.marker.count)}
            </div>
            )}
      </div>
      <PlacesList places={places} />
    </div>
  )
}
