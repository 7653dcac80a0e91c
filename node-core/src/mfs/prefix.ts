/**
 * The CID prefix of MFS nodes: CID version and hash function.
 *
 * Every directory and file keeps the prefix of its own CID when it is
 * rewritten (Kubo's CidBuilder), new entries take their parent directory's
 * unless `--cid-version` / `--hash` say otherwise, and `chcid` changes a
 * directory's. As in Kubo's `files` verbs, a hash given without a CID
 * version (or with version 0) means CIDv1, and a CID version given without a
 * hash means sha2-256.
 */
import { sha256 } from 'multiformats/hashes/sha2'
import { hasherByCode, hasherByName } from '../block/hashers.ts'
import { MfsInvalidOptionError } from './errors.ts'
import type { SyncHasher } from '../block/hashers.ts'
import type { CID } from 'multiformats/cid'

/** How new nodes are addressed. */
export interface CidPrefix {
  version: 0 | 1
  hasher: SyncHasher
}

/** The `--cid-version` and `--hash` flags of the `files` verbs; absent = not given. */
export interface PrefixOptions {
  cidVersion?: number
  hash?: string
}

/** The prefix of an existing node. */
export function prefixOf (cid: CID): CidPrefix {
  return { version: cid.version === 0 ? 0 : 1, hasher: hasherByCode(cid.multihash.code) }
}

/** The prefix the flags ask for, or undefined when neither is given. */
export function prefixFromOptions (options: PrefixOptions): CidPrefix | undefined {
  if (options.cidVersion === undefined && options.hash === undefined) return undefined
  let version: 0 | 1
  const asked = options.cidVersion ?? 0
  if (asked === 0 || asked === 1) version = asked
  else throw new MfsInvalidOptionError(`unknown CID version ${String(asked)} (use 0 or 1)`)
  let hasher = sha256 as SyncHasher
  if (options.hash !== undefined) {
    try {
      hasher = hasherByName(options.hash.toLowerCase())
    } catch {
      throw new MfsInvalidOptionError(`unrecognized hash function: ${options.hash}`)
    }
    version = 1
  }
  return { version, hasher }
}

