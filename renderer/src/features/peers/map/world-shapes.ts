/**
 * The world's country shapes (world-atlas countries-110m, TopoJSON), loaded
 * on first use as a chunk of its own and turned into GeoJSON once.
 */
import { feature } from 'topojson-client'
import type { FeatureCollection, Geometry } from 'geojson'
import type { GeometryCollection, Topology } from 'topojson-specification'

/** The countries, each with its ISO 3166-1 numeric code as `id`. */
export type WorldShapes = FeatureCollection<Geometry, { name: string }>

let loading: Promise<WorldShapes> | undefined

/** The shapes (loaded once). */
export async function loadWorld (): Promise<WorldShapes> {
  loading ??= import('world-atlas/countries-110m.json').then((module) => {
    const topology = (module.default ?? module) as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>
    return feature(topology, topology.objects.countries) as WorldShapes
  })
  return await loading
}
