/**
 * Options of the MFS verbs: Kubo's `files` flags.
 */
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { FetchOptions } from './copy-source.ts'
import type { PrefixOptions } from './prefix.ts'

/** Options of `mkdir`. */
export interface MfsMkdirOptions extends AbortOptions, PrefixOptions {
  parents?: boolean
}

/** Options of `write`, Kubo's flags. */
export interface MfsWriteOptions extends AbortOptions, PrefixOptions {
  /** Create the file if it does not exist (`-e`). */
  create?: boolean
  /** Create missing parent directories (`-p`). */
  parents?: boolean
  /** Cut the file to zero bytes first (`-t`). */
  truncate?: boolean
  /** Where the bytes go (`-o`); past the end, the gap is zeros. */
  offset?: number
  /** Write at most this many bytes (`-n`). */
  count?: number
  /** Raw leaves for new leaves; default: when the file's CID is v1. */
  rawLeaves?: boolean
}

/** Options of `cp`. */
export interface MfsCpOptions extends FetchOptions {
  parents?: boolean
  /** Reader for an `/ipfs/` source, instead of the one given at construction. */
  reader?: Pick<Blockstore, 'get'>
}

/** Options of `put`. */
export interface MfsPutOptions extends AbortOptions {
  /** Create missing parent directories. */
  parents?: boolean
  /**
   * The caller holds the GC lock shared for the whole call (an add placing
   * its roots before it lets go), so the edit does not take it again: a
   * second shared hold could wait behind a waiting GC, which waits for the
   * caller.
   */
  lockHeld?: boolean
}

/** Options of `rm`. */
export interface MfsRmOptions extends AbortOptions {
  recursive?: boolean
  /** Remove whatever is there, a directory or an unreadable entry (implies `recursive`). */
  force?: boolean
}
