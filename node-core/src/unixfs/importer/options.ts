/**
 * What shapes a UnixFS import: the settings Kubo's `add` flags and
 * `Import.*` config keys map to.
 */
import type { SyncHasher } from '../../block/hashers.ts'
import type { ChunkerFactory } from '../chunker/chunker.ts'

/** When a directory becomes a HAMT shard, as Kubo decides. */
export interface HamtOptions {
  /** Shard once the estimated size is strictly greater than this (bytes). */
  threshold: number
  /** `links`: sum of name and CID lengths (unixfs-v0-2015); `block`: encoded node size (unixfs-v1-2025). */
  estimation: 'links' | 'block'
  fanout: number
}

/** Everything an import needs to know, resolved from flags and config. */
export interface ImporterOptions {
  cidVersion: 0 | 1
  rawLeaves: boolean
  hasher: SyncHasher
  chunker: ChunkerFactory
  layout: 'balanced' | 'trickle'
  /** Links per file node (Kubo's `--max-file-links`, default 174). */
  maxLinks: number
  /** Blocks whose encoding is at most this many bytes get an identity CID. */
  inlineLimit?: number
  hamt: HamtOptions
}

/** Trickle DAGs repeat each depth this many times (Kubo's layerRepeat). */
export const TRICKLE_LAYER_REPEAT = 4
