/**
 * Countries by ISO 3166-1 alpha-2 code, as `peers.list` names them: where
 * to place them on the map, their numeric code (world-atlas keys its
 * features by it), name and flag.
 *
 * countries.json maps each alpha-2 code to `[numeric, longitude,
 * latitude]`. It was generated once from i18n-iso-countries' codes table
 * (MIT) and the centroid of each country's largest polygon in world-atlas'
 * countries-50m (ISC, Natural Earth), a few small territories that atlas
 * lacks placed by hand; it is shipped here rather than bundling either
 * package at run time.
 */
import table from './countries.json'

/** A country's place on the map. */
export interface CountryPlace {
  code: string
  /** ISO 3166-1 numeric, zero-padded (`"250"`), as world-atlas ids are. */
  numeric: string
  /** Longitude, latitude in degrees. */
  lonLat: [number, number]
}

const places = table as unknown as Record<string, [string, number, number] | undefined>

/** The place of `code` (any case), or undefined for a code not in the table. */
export function placeOf (code: string | undefined): CountryPlace | undefined {
  if (code === undefined) return undefined
  const upper = code.toUpperCase()
  const entry = Object.hasOwn(places, upper) ? places[upper] : undefined
  return entry === undefined ? undefined : { code: upper, numeric: entry[0], lonLat: [entry[1], entry[2]] }
}

let names: Intl.DisplayNames | undefined

/** The country's name in English (`DE` → `Germany`); the code itself when unknown. */
export function countryName (code: string): string {
  try {
    names ??= new Intl.DisplayNames(['en'], { type: 'region' })
    return names.of(code.toUpperCase()) ?? code
  } catch {
    return code
  }
}

/** The flag emoji of a two-letter code (regional indicator symbols); empty for anything else. */
export function flagOf (code: string | undefined): string {
  if (code === undefined || !/^[A-Za-z]{2}$/.test(code)) return ''
  return String.fromCodePoint(...[...code.toUpperCase()].map((c) => 0x1F1E6 + c.charCodeAt(0) - 65))
}
