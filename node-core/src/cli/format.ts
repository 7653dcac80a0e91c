/**
 * How the CLI prints CIDs: as they are, or in the `--cid-base` asked for
 * (a CIDv0 is shown as CIDv1 in any base but base58btc, as Kubo does).
 */
import { BASE_NAMES, baseByName } from '../block/multibase.ts'
import { UsageError } from './errors.ts'
import type { CID } from 'multiformats/cid'

/** Check a `--cid-base` value early, before any work is done. */
export function checkCidBase (name: string | undefined): void {
  if (name !== undefined && baseByName(name) === undefined) {
    throw new UsageError(`unknown --cid-base "${name}" (known: ${BASE_NAMES.join(', ')})`)
  }
}

/** A CID as text in `base` (its default form when undefined). */
export function formatCid (cid: CID, base: string | undefined): string {
  if (base === undefined) return cid.toString()
  const encoder = baseByName(base)?.encoder
  if (encoder === undefined) throw new UsageError(`unknown --cid-base "${base}"`)
  if (cid.version === 0) return base === 'base58btc' ? cid.toString() : cid.toV1().toString(encoder)
  return cid.toString(encoder)
}
