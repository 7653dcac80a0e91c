/**
 * `ipfs://` and `ipns://` links handed to the app (by the OS, a browser or
 * a second launch) made into the Explore page's path, `/ipfs/<cid>/<path>`
 * or `/ipns/<name>/<path>`.
 *
 * Accepted: `ipfs://<cid>[/path]`, `ipns://<name>[/path]`, the
 * `ipfs://ipfs/<cid>` and `ipfs:/ipfs/<cid>` forms some browsers make, and
 * `dweb:/ipfs/…` / `dweb:/ipns/…`. A query or fragment is dropped. The
 * CID is checked (CIDv0, and CIDv1 in base32, base36 or base58btc) and
 * written in its canonical form; an IPNS name is a CID, a base58btc peer
 * ID or a DNS name. Path segments are percent-decoded; `.` and empty
 * segments are dropped, and `..`, a decoded `/`, `\` or NUL refuse the
 * link, so a link can never climb out of its root. Anything else is an
 * InvalidProtocolUrlError.
 */
import { CID } from 'multiformats/cid'
import { base32, base32upper } from 'multiformats/bases/base32'
import { base36, base36upper } from 'multiformats/bases/base36'
import { base58btc } from 'multiformats/bases/base58'
import { decode as decodeDigest } from 'multiformats/hashes/digest'

/**
 * Longest link taken, in characters.
 *
 * Checked before anything else is parsed.
 */
export const MAX_URL_LENGTH = 4096

/**
 * Longest path segment, in characters.
 *
 * After percent-decoding; a file name's usual limit.
 */
export const MAX_SEGMENT_LENGTH = 255

/**
 * Most path segments under the root.
 *
 * Deeper links are refused rather than walked.
 */
export const MAX_SEGMENTS = 64

/**
 * A link that is not an IPFS link this app opens.
 *
 * Its message names what is wrong (the scheme, the CID, the name, a path
 * segment, a length).
 */
export class InvalidProtocolUrlError extends Error {
  static override name = 'InvalidProtocolUrlError'
  override name = 'InvalidProtocolUrlError'
  readonly code = 'ERR_INVALID_PROTOCOL_URL'
}

/**
 * Where a link leads.
 *
 * `path` is the Explore path; `root` the CID or name; `segments` the
 * decoded names below it.
 */
export interface ProtocolTarget {
  namespace: 'ipfs' | 'ipns'
  root: string
  segments: string[]
  path: string
}

const SCHEME = /^(ipfs|ipns|dweb):/i
const CID_DECODER = base32.decoder.or(base36.decoder).or(base58btc.decoder).or(base32upper.decoder).or(base36upper.decoder)
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/

/**
 * Whether `text` looks like a link for this parser (by its scheme).
 *
 * Says nothing about its validity; `parseProtocolUrl` judges that.
 */
export function isProtocolUrl (text: string): boolean {
  return SCHEME.test(text.trim())
}

/**
 * Parse a link into its Explore path.
 *
 * Throws InvalidProtocolUrlError, naming what is wrong, for anything it
 * cannot take.
 */
export function parseProtocolUrl (text: string): ProtocolTarget {
  const url = text.trim()
  if (url.length > MAX_URL_LENGTH) throw new InvalidProtocolUrlError(`link longer than ${MAX_URL_LENGTH} characters`)
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase()
  if (scheme === undefined) throw new InvalidProtocolUrlError(`not an ipfs://, ipns:// or dweb: link: "${shorten(url)}"`)
  const rest = url.slice(scheme.length + 1).replace(/[?#].*$/s, '')
  const raw = rest.split('/').filter((s) => s !== '')
  let namespace: 'ipfs' | 'ipns'
  if (scheme === 'dweb') {
    const first = raw.shift()?.toLowerCase()
    if (first !== 'ipfs' && first !== 'ipns') throw new InvalidProtocolUrlError(`a dweb: link names /ipfs/ or /ipns/: "${shorten(url)}"`)
    namespace = first
  } else {
    namespace = scheme as 'ipfs' | 'ipns'
    // ipfs://ipfs/<cid>, as some browsers hand it over.
    if (raw.length > 1 && raw[0]?.toLowerCase() === namespace) raw.shift()
  }
  const rawRoot = raw.shift()
  if (rawRoot === undefined) throw new InvalidProtocolUrlError(`no ${namespace === 'ipfs' ? 'CID' : 'name'} in "${shorten(url)}"`)
  const rootText = decodeSegment(rawRoot)
  const root = namespace === 'ipfs' ? canonicalCid(rootText) : ipnsName(rootText)
  const segments = pathSegments(raw)
  return { namespace, root, segments, path: ['', namespace, root, ...segments].join('/') }
}

function canonicalCid (text: string): string {
  if (text.length > 512) throw new InvalidProtocolUrlError('CID too long')
  try {
    return CID.parse(text, CID_DECODER).toString()
  } catch (err) {
    throw new InvalidProtocolUrlError(`invalid CID "${shorten(text)}": ${(err as Error).message}`)
  }
}

function ipnsName (text: string): string {
  if (text.length > 253) throw new InvalidProtocolUrlError('IPNS name too long')
  try {
    return CID.parse(text, CID_DECODER).toString(text.startsWith('k') ? base36 : undefined)
  } catch { /* not a CID: a peer ID or a domain */ }
  if (/^[1-9A-HJ-NP-Za-km-z]+$/.test(text) && (text.startsWith('1') || text.startsWith('Qm'))) {
    try {
      decodeDigest(base58btc.baseDecode(text))
      return text
    } catch { /* not a peer ID either */ }
  }
  const domain = text.toLowerCase().replace(/\.$/, '')
  const labels = domain.split('.')
  if (labels.length >= 2 && labels.every((l) => DNS_LABEL.test(l)) && !/^\d+$/.test(labels.at(-1) ?? '')) return domain
  throw new InvalidProtocolUrlError(`invalid IPNS name "${shorten(text)}": not a key, a peer ID or a domain`)
}

function pathSegments (raw: string[]): string[] {
  const segments: string[] = []
  for (const part of raw) {
    const segment = decodeSegment(part)
    if (segment === '.' || segment === '') continue
    if (segment === '..') throw new InvalidProtocolUrlError('".." in a link\'s path')
    if (/[/\\\0]/.test(segment)) throw new InvalidProtocolUrlError(`path segment "${shorten(segment)}" holds "/", "\\" or NUL`)
    if (segment.length > MAX_SEGMENT_LENGTH) throw new InvalidProtocolUrlError(`path segment longer than ${MAX_SEGMENT_LENGTH} characters`)
    segments.push(segment)
  }
  if (segments.length > MAX_SEGMENTS) throw new InvalidProtocolUrlError(`more than ${MAX_SEGMENTS} path segments`)
  return segments
}

function decodeSegment (part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    throw new InvalidProtocolUrlError(`bad percent-encoding in "${shorten(part)}"`)
  }
}

function shorten (text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text
}
