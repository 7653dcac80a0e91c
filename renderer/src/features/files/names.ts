/**
 * Names and paths of the Files tree, and what a user types for content:
 * joining and splitting paths, checking a new name, picking a free one,
 * reading a CID or an `/ipfs/`, `/ipns/`, `ipfs://` or gateway address,
 * and one comparable form of a CID (v0 and v1 of the same content match).
 */
import { CID } from 'multiformats/cid'

/** A name as shown: control characters (a newline, say) as visible symbols, so a row stays one line. */
export function displayName (name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) => c === '\n' ? '↵' : c === '\t' ? '⇥' : '\uFFFD')
}

/** How a folder is named in sentences: "Files" for the top, else its path. */
export function folderName (folder: string, root: string): string {
  return folder === '/' ? root : folder
}

/** `/a/b` and `c` → `/a/b/c`. */
export function joinPath (folder: string, name: string): string {
  return folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`
}

/** A folder path as shown and routed: `/`, or `/a/b` without a trailing slash. */
export function cleanFolder (path: string): string {
  const trimmed = path.replace(/\/+$/, '')
  return trimmed === '' ? '/' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

/** The segments of a folder path (`/a/b` → `['a', 'b']`). */
export function segmentsOf (path: string): string[] {
  return path.split('/').filter((s) => s !== '')
}

/** Why a name cannot be used, or undefined when it can. */
export type NameProblem = 'empty' | 'slash' | 'dots' | 'long' | 'taken'

/** Check a new name for an entry of a folder whose other names are `taken`. */
export function nameProblem (name: string, taken: ReadonlySet<string> = new Set()): NameProblem | undefined {
  if (name.trim() === '') return 'empty'
  if (name.includes('/')) return 'slash'
  if (name === '.' || name === '..') return 'dots'
  if (new TextEncoder().encode(name).byteLength > 255) return 'long'
  if (taken.has(name)) return 'taken'
  return undefined
}

/** `name`, or `name (2).ext`, `name (3).ext`… whichever is not `taken`. */
export { freeName } from '../../lib/free-name.ts'

/** What was read from an "Add from IPFS" field: the path to fetch and a name to give it. */
export type ContentInput = { path: string, name: string } | { problem: 'empty' | 'cid' | 'path' }

function validCid (text: string): boolean {
  try {
    CID.parse(text)
    return true
  } catch {
    return false
  }
}

/** Read a CID, `/ipfs/<cid>/…`, `/ipns/<name>/…`, `ipfs://…`, `ipns://…` or a gateway URL holding one of those. */
export function readContentInput (text: string): ContentInput {
  let value = text.trim()
  if (value === '') return { problem: 'empty' }
  const scheme = /^(ipfs|ipns):\/\/(.+)$/i.exec(value)
  if (scheme !== null) value = `/${(scheme[1] ?? '').toLowerCase()}/${scheme[2] ?? ''}`
  else if (/^https?:\/\//i.test(value)) {
    try {
      const url = new URL(value)
      const sub = /^([^.]+)\.(ipfs|ipns)\./.exec(url.hostname)
      value = sub !== null ? `/${sub[2] ?? ''}/${sub[1] ?? ''}${url.pathname}` : decodeURIComponent(url.pathname)
    } catch {
      return { problem: 'path' }
    }
  }
  if (!value.startsWith('/')) value = `/ipfs/${value}`
  const parts = segmentsOf(value)
  const [ns, root] = parts
  if ((ns !== 'ipfs' && ns !== 'ipns') || root === undefined) return { problem: 'path' }
  if (ns === 'ipfs' && !validCid(root)) return { problem: 'cid' }
  return { path: `/${parts.join('/')}`, name: parts.length > 2 ? parts[parts.length - 1] ?? root : root }
}

/** One form of a CID for comparisons (CIDv1 in base32), or the text itself when it does not parse. */
export function cidKey (cid: string): string {
  try {
    return CID.parse(cid).toV1().toString()
  } catch {
    return cid
  }
}
