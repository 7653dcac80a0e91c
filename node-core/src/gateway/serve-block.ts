/**
 * Responses that are one block as stored: `application/vnd.ipld.raw`
 * (any codec; the body hashes to the CID), and the IPLD documents served
 * as-is under their own media type (dag-json, dag-cbor, json, cbor).
 *
 * Codecs are never converted (IPIP-0524): asking for dag-json of a
 * dag-cbor block is a 406. `json`/`cbor` accept their dag- variants, whose
 * bytes are valid JSON/CBOR. Binary types are attachments; JSON is inline.
 */
import { NotAcceptableError } from './errors.ts'
import { baseHeaders, requestedDisposition, strongEtag } from './headers.ts'
import { FORMAT_MEDIA_TYPE } from './negotiate.ts'
import { answerNotModified, sendBytes } from './serving.ts'
import type { ResponseFormat } from './negotiate.ts'
import type { Serving } from './serving.ts'

const DAG_JSON = 0x0129
const DAG_CBOR = 0x71
const JSON_CODE = 0x0200
const CBOR_CODE = 0x51

/** A document format and how it is delivered. */
interface DocumentType {
  format: ResponseFormat
  contentType: string
  disposition: 'inline' | 'attachment'
  extension: string
}

const DOCUMENTS: Record<number, DocumentType> = {
  [DAG_JSON]: { format: 'dag-json', contentType: 'application/vnd.ipld.dag-json', disposition: 'inline', extension: 'json' },
  [DAG_CBOR]: { format: 'dag-cbor', contentType: 'application/vnd.ipld.dag-cbor', disposition: 'attachment', extension: 'cbor' },
  [JSON_CODE]: { format: 'json', contentType: 'application/json', disposition: 'inline', extension: 'json' },
  [CBOR_CODE]: { format: 'cbor', contentType: 'application/cbor', disposition: 'attachment', extension: 'cbor' }
}

/** True for the codecs served as documents without an explicit format. */
export function isDocumentCodec (code: number): boolean {
  return DOCUMENTS[code] !== undefined
}

/** Serve the block at the end of the path as `application/vnd.ipld.raw`. */
export function serveRawBlock (s: Serving): void {
  const cid = s.resolved.cid
  const etag = strongEtag(`${cid.toString()}.raw`)
  const headers = baseHeaders(s.response, etag)
  headers['Content-Type'] = 'application/vnd.ipld.raw'
  headers['X-Content-Type-Options'] = 'nosniff'
  headers['Content-Disposition'] = requestedDisposition(s.request.query, { kind: 'attachment', name: `${cid.toString()}.bin` }) ?? 'attachment'
  addContentLocation(s, headers, 'raw')
  if (answerNotModified(s, headers, [etag])) return
  sendBytes(s, s.resolved.bytes, headers)
}

/**
 * Serve the block as the document `format` asks for (or, without one, as
 * its codec's own type); NotAcceptableError when its codec does not match.
 */
export function serveDocument (s: Serving, format: ResponseFormat | undefined): void {
  const cid = s.resolved.cid
  const own = DOCUMENTS[cid.code]
  let type: DocumentType | undefined = own
  if (format !== undefined) {
    const plain = format === 'json' ? DAG_JSON : format === 'cbor' ? DAG_CBOR : undefined
    if (own?.format === format) type = own
    else if (own !== undefined && plain === cid.code) type = DOCUMENTS[format === 'json' ? JSON_CODE : CBOR_CODE]
    else type = undefined
  }
  if (type === undefined) {
    const asked = format === undefined ? 'a deserialized response' : FORMAT_MEDIA_TYPE[format]
    throw new NotAcceptableError(`cannot serve a block with codec 0x${cid.code.toString(16)} as ${asked}: codecs are not converted (use ?format=raw or ?format=car)`)
  }
  const etag = strongEtag(`${cid.toString()}.${type.format}`)
  const headers = baseHeaders(s.response, etag)
  headers['Content-Type'] = type.contentType
  headers['X-Content-Type-Options'] = 'nosniff'
  headers['Content-Disposition'] = requestedDisposition(s.request.query, { kind: type.disposition, name: `${cid.toString()}.${type.extension}` }) ?? type.disposition
  if (format !== undefined) addContentLocation(s, headers, format)
  if (answerNotModified(s, headers, [etag])) return
  sendBytes(s, s.resolved.bytes, headers)
}

/** `Content-Location` with `?format=` when the format was negotiated by `Accept` alone. */
export function addContentLocation (s: Serving, headers: Record<string, string>, format: ResponseFormat): void {
  if (!s.negotiated.fromAccept) return
  const query = new URLSearchParams(s.request.query)
  query.set('format', format)
  headers['Content-Location'] = `${s.response.path}?${query.toString()}`
}
