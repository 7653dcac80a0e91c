/**
 * Which response a request asks for: the `format` query parameter, else
 * the `Accept` header (highest q first, unknown types skipped), else the
 * implicit response for the content's codec. CAR requests also carry
 * their options (`dag-scope`, `entity-bytes`, `car-version`, `car-order`,
 * `car-dups`); query parameters win over the `Accept` parameters, as the
 * trustless gateway spec says.
 */
import { GatewayBadRequestError, NotAcceptableError } from './errors.ts'

/** The explicit response types the specs define. */
export type ResponseFormat = 'raw' | 'car' | 'tar' | 'dag-json' | 'dag-cbor' | 'json' | 'cbor' | 'ipns-record'

/** How much of the DAG at the end of the path a CAR holds. */
export type DagScope = 'block' | 'entity' | 'all'

/** `entity-bytes=from:to`: `to` undefined for `*`; negative values count from the end. */
export interface EntityBytes {
  from: number
  to?: number
}

/** The options of a CAR response. */
export interface CarOptions {
  scope: DagScope
  entityBytes?: EntityBytes
  /** Send a block each time the walk meets it (`dups=y`), or once. */
  dups: boolean
}

/** What the client asked for. */
export interface Negotiated {
  /** undefined: the implicit response for the content. */
  format?: ResponseFormat
  /** The format came from `Accept`, not from `?format=`. */
  fromAccept: boolean
  car: CarOptions
}

const MEDIA_TYPES: Record<string, ResponseFormat> = {
  'application/vnd.ipld.raw': 'raw',
  'application/vnd.ipld.car': 'car',
  'application/x-tar': 'tar',
  'application/vnd.ipld.dag-json': 'dag-json',
  'application/vnd.ipld.dag-cbor': 'dag-cbor',
  'application/json': 'json',
  'application/cbor': 'cbor',
  'application/vnd.ipfs.ipns-record': 'ipns-record'
}

/** The media type of each format, as `Content-Location` and errors name it. */
export const FORMAT_MEDIA_TYPE: Record<ResponseFormat, string> = Object.fromEntries(Object.entries(MEDIA_TYPES).map(([type, format]) => [format, type])) as Record<ResponseFormat, string>

interface MediaRange {
  type: string
  params: Map<string, string>
  q: number
}

/** Decide the response type and CAR options of a request. */
export function negotiate (query: URLSearchParams, accept: string | undefined): Negotiated {
  const ranges = parseAccept(accept ?? '')
  const accepted = ranges.find((r) => MEDIA_TYPES[r.type] !== undefined && r.q > 0)
  const formatParam = query.get('format')
  let format: ResponseFormat | undefined
  let fromAccept = false
  if (formatParam !== null && formatParam !== '') {
    if (!Object.values(MEDIA_TYPES).includes(formatParam as ResponseFormat)) throw new GatewayBadRequestError(`unsupported format "${formatParam.slice(0, 50)}"`)
    format = formatParam as ResponseFormat
  } else if (accepted !== undefined) {
    format = MEDIA_TYPES[accepted.type]
    fromAccept = true
  }
  const carRange = ranges.find((r) => r.type === 'application/vnd.ipld.car')
  const car = format === 'car' ? carOptions(query, carRange?.params) : { scope: 'all' as const, dups: false }
  return { ...(format === undefined ? {} : { format }), fromAccept, car }
}

function carOptions (query: URLSearchParams, params: Map<string, string> | undefined): CarOptions {
  const version = query.get('car-version') ?? params?.get('version') ?? '1'
  if (version !== '1') throw new NotAcceptableError(`CAR version ${version.slice(0, 20)} is not supported, only version=1`)
  const order = query.get('car-order') ?? params?.get('order') ?? 'dfs'
  if (order !== 'dfs' && order !== 'unk') throw new NotAcceptableError(`CAR order "${order.slice(0, 20)}" is not supported (dfs, unk)`)
  const dups = query.get('car-dups') ?? params?.get('dups') ?? 'n'
  if (dups !== 'y' && dups !== 'n') throw new GatewayBadRequestError(`CAR dups must be y or n, not "${dups.slice(0, 20)}"`)
  const scope = query.get('dag-scope') ?? 'all'
  if (scope !== 'block' && scope !== 'entity' && scope !== 'all') throw new GatewayBadRequestError(`dag-scope must be block, entity or all, not "${scope.slice(0, 20)}"`)
  const bytes = query.get('entity-bytes')
  if (bytes === null) return { scope, dups: dups === 'y' }
  return { scope: 'entity', entityBytes: parseEntityBytes(bytes), dups: dups === 'y' }
}

const INTEGER = /^-?(0|[1-9][0-9]{0,15})$/

/** `from:to` with integers (negative from the end) and `*` for the end. */
export function parseEntityBytes (text: string): EntityBytes {
  const [fromText = '', toText = '', ...rest] = text.split(':')
  const bad = (): GatewayBadRequestError => new GatewayBadRequestError(`entity-bytes must be from:to (integers, or * for the end), not "${text.slice(0, 50)}"`)
  if (rest.length > 0 || !INTEGER.test(fromText) || (toText !== '*' && !INTEGER.test(toText))) throw bad()
  const from = Number(fromText)
  if (toText === '*') return { from }
  const to = Number(toText)
  if (from >= 0 && to >= 0 && to < from) throw bad()
  return { from, to }
}

/** The media ranges of an Accept header, highest q first (stable). */
export function parseAccept (header: string): MediaRange[] {
  const ranges: MediaRange[] = []
  for (const item of header.split(',').slice(0, 64)) {
    const [type = '', ...rawParams] = item.split(';').map((s) => s.trim())
    if (type === '') continue
    const params = new Map<string, string>()
    for (const p of rawParams) {
      const eq = p.indexOf('=')
      if (eq > 0) params.set(p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1'))
    }
    const q = Number(params.get('q') ?? '1')
    ranges.push({ type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 0 })
  }
  return ranges.map((r, i) => ({ r, i })).sort((a, b) => b.r.q - a.r.q || a.i - b.i).map(({ r }) => r)
}
