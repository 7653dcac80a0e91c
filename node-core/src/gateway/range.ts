/**
 * The `Range` request header (RFC 9110 §14), single range: `bytes=a-b`,
 * `bytes=a-` and `bytes=-n`. Of several ranges only the first is served,
 * which the spec allows. A header that does not parse is ignored (the
 * whole representation is sent, as RFC 9110 requires); a range that
 * starts past the end is unsatisfiable (416).
 */

/** The bytes to send: `start` to `end` inclusive. */
export interface ByteRange {
  start: number
  end: number
}

/** What a Range header asks of a representation of `size` bytes. */
export type RangeRequest =
  | { kind: 'none' }
  | { kind: 'range', range: ByteRange }
  | { kind: 'unsatisfiable' }

const SPEC = /^\s*(\d*)\s*-\s*(\d*)\s*$/

/** Interpret `header` for a representation of `size` bytes. */
export function parseRange (header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: 'none' }
  const match = /^\s*bytes\s*=(.*)$/i.exec(header)
  if (match === null) return { kind: 'none' }
  const first = (match[1] ?? '').split(',')[0] ?? ''
  const spec = SPEC.exec(first)
  if (spec === null) return { kind: 'none' }
  const [, startText = '', endText = ''] = spec
  if (startText === '' && endText === '') return { kind: 'none' }
  if (startText.length > 15 || endText.length > 15) return { kind: 'none' }
  if (startText === '') {
    const suffix = Number(endText)
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' }
    return { kind: 'range', range: { start: Math.max(0, size - suffix), end: size - 1 } }
  }
  const start = Number(startText)
  const end = endText === '' ? size - 1 : Number(endText)
  if (endText !== '' && end < start) return { kind: 'none' }
  if (start >= size) return { kind: 'unsatisfiable' }
  return { kind: 'range', range: { start, end: Math.min(end, size - 1) } }
}

/** The `Content-Range` of a range of a `size`-byte representation. */
export function contentRange (range: ByteRange, size: number): string {
  return `bytes ${range.start}-${range.end}/${size}`
}
