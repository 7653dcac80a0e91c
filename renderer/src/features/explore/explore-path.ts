/**
 * Paths on the Explore page: what the user typed made into an IPFS path,
 * its breadcrumbs, where each link leads, and how a file is previewed.
 */

/** `text` as an IPFS path (`/ipfs/…` or `/ipns/…`), or undefined when it cannot be one. The node judges the CID itself. */
export function toIpfsPath (text: string): string | undefined {
  let value = text.trim()
  const scheme = /^(ipfs|ipns):\/\/(.+)$/i.exec(value)
  if (scheme !== null) value = `/${(scheme[1] ?? '').toLowerCase()}/${scheme[2] ?? ''}`
  if (/^\/(ipfs|ipns)\/[^/\s]+(\/[^\0]*)?$/.test(value)) return value.replace(/\/+$/, '')
  if (/^[A-Za-z0-9]+(\/[^\0]*)?$/.test(value) && value.length >= 8) return `/ipfs/${value}`.replace(/\/+$/, '')
  return undefined
}

/** One clickable step of a path. */
export interface Crumb {
  label: string
  path: string
}

/** The breadcrumbs of `/ipfs/<root>/a/b`: the root, then each segment, each with its path. */
export function crumbsOf (path: string): Crumb[] {
  const [, namespace, ...segments] = path.split('/').filter((s, i) => i === 0 || s !== '')
  if (namespace === undefined || segments.length === 0) return []
  const crumbs: Crumb[] = []
  let at = `/${namespace}`
  for (const segment of segments) {
    at += `/${segment}`
    crumbs.push({ label: segment, path: at })
  }
  return crumbs
}

/** A link of the node being shown. */
export interface LinkTarget {
  /** What to show as its name. */
  label: string
  /** The Explore path it leads to. */
  path: string
}

/**
 * Where a link leads: a dag-pb entry by name under the current path (a
 * sharded directory's names without their two-character prefix); a
 * nameless or odd one, a shard's inner node, or any other codec's link by
 * its CID.
 */
export function linkTarget (path: string, link: { name: string, cid: string }, options: { codec: string, sharded: boolean }): LinkTarget {
  const byCid = { label: link.name, path: `/ipfs/${link.cid}` }
  if (options.codec !== 'dag-pb') return byCid
  let name = link.name
  if (options.sharded) {
    if (name.length <= 2) return { label: name, path: `/ipfs/${link.cid}` }
    name = name.slice(2)
  }
  if (name === '' || name === '.' || name === '..' || name.includes('/')) return { label: name, path: `/ipfs/${link.cid}` }
  return { label: name, path: `${path.replace(/\/+$/, '')}/${name}` }
}

/** How a file is previewed. */
export type PreviewKind = 'image' | 'video' | 'audio' | 'frame'

const KINDS: Record<string, PreviewKind> = {}
for (const ext of ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg', 'bmp', 'ico', 'apng']) KINDS[ext] = 'image'
for (const ext of ['mp4', 'webm', 'ogv', 'mov', 'm4v']) KINDS[ext] = 'video'
for (const ext of ['mp3', 'wav', 'ogg', 'oga', 'flac', 'm4a', 'aac', 'opus']) KINDS[ext] = 'audio'
const TEXT = new Set(['txt', 'md', 'markdown', 'json', 'csv', 'tsv', 'log', 'xml', 'html', 'htm', 'css', 'js', 'mjs', 'ts', 'yaml', 'yml', 'toml', 'ini', 'pdf', 'c', 'h', 'go', 'rs', 'py', 'sh'])

/** The preview of the last segment's file name, and whether its type is known (else a frame is a guess). */
export function previewOf (path: string): { kind: PreviewKind, known: boolean } {
  const last = path.split('/').filter(Boolean).at(-1) ?? ''
  const dot = last.lastIndexOf('.')
  const ext = dot > 0 ? last.slice(dot + 1).toLowerCase() : ''
  const kind = Object.hasOwn(KINDS, ext) ? KINDS[ext] : undefined
  if (kind !== undefined) return { kind, known: true }
  return { kind: 'frame', known: TEXT.has(ext) }
}

/** The gateway URL of `path` (each segment encoded) on `gateway` (an origin). */
export function gatewayUrlOf (gateway: string, path: string): string {
  return gateway.replace(/\/+$/, '') + path.split('/').map(encodeURIComponent).join('/')
}
