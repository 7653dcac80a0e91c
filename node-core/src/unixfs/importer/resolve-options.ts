/**
 * From `add` flags and the `Import` config to ImporterOptions, with Kubo's
 * rules: a flag beats the config, the config beats the default; a hash
 * other than sha2-256 implies CIDv1; CIDv1 implies raw leaves unless raw
 * leaves were set either way.
 */
import { hasherByName } from '../../block/hashers.ts'
import { parseSize } from '../../repo/config/size.ts'
import { parseChunker } from '../chunker/parse.ts'
import { InvalidImportOptionsError } from './errors.ts'
import type { ImportConfig } from '../../repo/config/schema.ts'
import type { ImporterOptions } from './options.ts'
import type { z } from 'zod'

/** The `add` flags that shape the DAG; absent = not given. */
export interface ImportFlags {
  cidVersion?: number
  rawLeaves?: boolean
  hash?: string
  chunker?: string
  trickle?: boolean
  maxFileLinks?: number
  inline?: boolean
  inlineLimit?: number
}

/** Kubo's `--inline-limit` default. */
export const DEFAULT_INLINE_LIMIT = 32

/** Resolve flags over config over Kubo's defaults. */
export function resolveImporterOptions (config: z.infer<typeof ImportConfig>, flags: ImportFlags): ImporterOptions {
  const hash = flags.hash ?? config.HashFunction ?? 'sha2-256'
  let cidVersion = flags.cidVersion ?? config.CidVersion ?? 0
  let cidVersionSet = flags.cidVersion !== undefined || config.CidVersion !== null
  if (cidVersion !== 0 && cidVersion !== 1) throw new InvalidImportOptionsError(`unknown CID version ${cidVersion} (use 0 or 1)`)
  if (hash !== 'sha2-256' && cidVersion === 0) {
    if (flags.cidVersion === 0) throw new InvalidImportOptionsError(`CIDv0 only supports sha2-256, not ${hash}`)
    cidVersion = 1
    cidVersionSet = true
  }
  const rawLeaves = flags.rawLeaves ?? config.UnixFSRawLeaves ?? (cidVersionSet && cidVersion === 1)
  const maxLinks = flags.maxFileLinks ?? config.UnixFSFileMaxLinks ?? 174
  if (!Number.isInteger(maxLinks) || maxLinks < 2) throw new InvalidImportOptionsError(`max file links must be an integer of at least 2, got ${maxLinks}`)
  const inlineLimit = flags.inlineLimit ?? DEFAULT_INLINE_LIMIT
  if (flags.inline === true && (!Number.isInteger(inlineLimit) || inlineLimit < 1 || inlineLimit > 127)) {
    throw new InvalidImportOptionsError(`inline limit must be between 1 and 127 bytes, got ${inlineLimit}`)
  }
  return {
    cidVersion: cidVersion as 0 | 1,
    rawLeaves,
    hasher: hasherByName(hash),
    chunker: parseChunker(flags.chunker ?? config.UnixFSChunker ?? 'size-262144'),
    layout: flags.trickle === true ? 'trickle' : 'balanced',
    maxLinks,
    ...(flags.inline === true ? { inlineLimit } : {}),
    hamt: {
      threshold: parseSize(config.UnixFSHAMTDirectorySizeThreshold ?? '256KiB'),
      estimation: config.UnixFSHAMTDirectorySizeEstimation ?? 'links',
      fanout: config.UnixFSHAMTDirectoryMaxFanout ?? 256
    }
  }
}
