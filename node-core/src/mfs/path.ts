/**
 * MFS paths: absolute, `/`-separated, cleaned as Kubo cleans them.
 *
 * `.` segments are dropped and `..` takes back the segment before it, as
 * Go's `path.Clean` does, but a `..` that would climb above the root is
 * refused rather than silently clamped. Empty segments (`/a//b`) and NUL
 * bytes are refused; one trailing `/` is allowed and remembered, since
 * `cp` and `mv` read `dest/` as "into this directory".
 */
import { MfsInvalidPathError } from './errors.ts'

/** A parsed MFS path. */
export interface MfsPath {
  /** Names from the root down; empty for `/`. */
  segments: string[]
  /** The text ended in `/` (and was not `/` itself). */
  trailingSlash: boolean
  /** The canonical form: `/` or `/a/b`. */
  text: string
}

/** Paths longer than this are refused. */
export const MAX_MFS_PATH_LENGTH = 4096

/** Parse and clean an MFS path; MfsInvalidPathError when it is not one. */
export function parseMfsPath (text: string): MfsPath {
  if (typeof text !== 'string') throw new MfsInvalidPathError('path must be a string')
  const shown = JSON.stringify(text.length > 200 ? text.slice(0, 200) + '…' : text)
  if (text.length > MAX_MFS_PATH_LENGTH) throw new MfsInvalidPathError(`invalid path: longer than ${MAX_MFS_PATH_LENGTH} characters`)
  if (!text.startsWith('/')) throw new MfsInvalidPathError(`paths must start with a leading slash: ${shown}`)
  if (text.includes('\0')) throw new MfsInvalidPathError(`invalid path ${shown}: NUL byte`)
  const parts = text.split('/').slice(1)
  const trailingSlash = parts.length > 1 && parts[parts.length - 1] === ''
  if (trailingSlash || (parts.length === 1 && parts[0] === '')) parts.pop()
  const segments: string[] = []
  for (const part of parts) {
    if (part === '') throw new MfsInvalidPathError(`invalid path ${shown}: empty segment`)
    if (part === '.') continue
    if (part === '..') {
      if (segments.pop() === undefined) throw new MfsInvalidPathError(`invalid path ${shown}: ".." climbs above the root`)
      continue
    }
    segments.push(part)
  }
  return { segments, trailingSlash, text: formatMfsPath(segments) }
}

/** The text of a path given by its segments. */
export function formatMfsPath (segments: readonly string[]): string {
  return '/' + segments.join('/')
}

/** True when `inner` is `outer` or lies below it. */
export function isWithin (inner: readonly string[], outer: readonly string[]): boolean {
  return outer.length <= inner.length && outer.every((s, i) => inner[i] === s)
}
