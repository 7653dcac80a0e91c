/**
 * IPFS paths from outside: `/ipfs/<cid>/a/b`, `<cid>/a/b`, or a bare CID.
 */
import { parseCid } from '../block/block.ts'
import { InvalidPathError, IpnsUnavailableError } from './errors.ts'
import type { CID } from 'multiformats/cid'

/** A parsed path: the root CID and the segments after it. */
export interface IpfsPath {
  root: CID
  segments: string[]
}

/** Parse a path; InvalidPathError (or InvalidCidError) when malformed. */
export function parsePath (text: string): IpfsPath {
  if (text.length > 4096) throw new InvalidPathError('path is longer than 4096 characters')
  if (text.startsWith('/ipns/')) throw new IpnsUnavailableError(`cannot resolve ${text}: IPNS names are not supported yet, use an /ipfs/ path`)
  let rest = text
  if (text.startsWith('/ipfs/')) rest = text.slice('/ipfs/'.length)
  else if (text.startsWith('/')) throw new InvalidPathError(`invalid path "${text.slice(0, 200)}": must start with /ipfs/ or a CID`)
  const [first = '', ...segments] = rest.split('/')
  if (first === '') throw new InvalidPathError(`invalid path "${text.slice(0, 200)}": no CID`)
  const cleaned = segments.filter((s, i) => s !== '' || i < segments.length - 1)
  if (cleaned.some((s) => s === '' || s === '.' || s === '..' || s.includes('\0'))) {
    throw new InvalidPathError(`invalid path "${text.slice(0, 200)}": empty, "." or ".." segment`)
  }
  return { root: parseCid(first), segments: cleaned }
}
