/**
 * IPFS paths from outside: `/ipfs/<cid>/a/b`, `<cid>/a/b`, or a bare CID.
 *
 * As Kubo cleans paths, empty and `.` segments are dropped (`a//b/` is
 * `a/b`); `..` is refused rather than resolved, since it would climb out of
 * the root. `/ipns/` names need the naming layer, which is not wired yet.
 */
import { parseCid } from '../block/block.ts'
import { InvalidPathError, IpnsUnavailableError } from './errors.ts'
import type { CID } from 'multiformats/cid'

/** A parsed path: the root CID and the segments after it. */
export interface IpfsPath {
  root: CID
  segments: string[]
}

/** Paths longer than this are refused. */
export const MAX_PATH_LENGTH = 4096

/** Parse a path; InvalidPathError (or InvalidCidError for the root) when malformed. */
export function parsePath (text: string): IpfsPath {
  const shown = JSON.stringify(text.length > 200 ? text.slice(0, 200) + '…' : text)
  if (text.length > MAX_PATH_LENGTH) throw new InvalidPathError(`invalid path: longer than ${MAX_PATH_LENGTH} characters`)
  if (text === '/ipns' || text.startsWith('/ipns/')) {
    throw new IpnsUnavailableError(`cannot resolve ${shown}: IPNS names are resolved by a running daemon (start one with 'planetary daemon'), or use an /ipfs/ path`)
  }
  let rest = text
  if (text.startsWith('/ipfs/')) rest = text.slice('/ipfs/'.length)
  else if (text.startsWith('/')) throw new InvalidPathError(`invalid path ${shown}: must be /ipfs/<cid>[/...] or <cid>[/...]`)
  const [first = '', ...parts] = rest.split('/')
  if (first === '') throw new InvalidPathError(`invalid path ${shown}: no CID`)
  const segments = parts.filter((s) => s !== '' && s !== '.')
  if (segments.includes('..')) throw new InvalidPathError(`invalid path ${shown}: ".." segments are not allowed`)
  if (segments.some((s) => s.includes('\0'))) throw new InvalidPathError(`invalid path ${shown}: NUL in a segment`)
  return { root: parseCid(first), segments }
}

/** The canonical text of a path: `/ipfs/<cid>/a/b`. */
export function formatPath (path: IpfsPath): string {
  return ['/ipfs', path.root.toString(), ...path.segments].join('/')
}
