/**
 * How the CLI prints CIDs: as they are, or in the `--cid-base` asked for
 * (a CIDv0 is shown as CIDv1 in any base but base58btc, as Kubo does).
 */
import { bases } from 'multiformats/basics'
import { UsageError } from './errors.ts'
import type { CID } from 'multiformats/cid'
import type { MultibaseEncoder } from 'multiformats/bases/interface'

const encoders = new Map<string, MultibaseEncoder<string>>(Object.values(bases).map((b) => [b.name, b.encoder]))

/** Check a `--cid-base` value early, before any work is done. */
export function checkCidBase (name: string | undefined): void {
  if (name !== undefined && !encoders.has(name)) {
    throw new UsageError(`unknown --cid-base "${name}" (known: ${[...encoders.keys()].join(', ')})`)
  }
}

/** A CID as text in `base` (its default form when undefined). */
export function formatCid (cid: CID, base: string | undefined): string {
  if (base === undefined) return cid.toString()
  const encoder = encoders.get(base)
  if (encoder === undefined) throw new UsageError(`unknown --cid-base "${base}"`)
  if (cid.version === 0) return base === 'base58btc' ? cid.toString() : cid.toV1().toString(encoder)
  return cid.toString(encoder)
}
