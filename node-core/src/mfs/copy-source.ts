/**
 * The source of `files cp /ipfs/<cid>[/path] <dest>`: resolved through a
 * reader that may fetch (a Bitswap session), checked to be UnixFS, and
 * its whole DAG stored locally, so that once linked into the tree the
 * copy is complete and garbage collection keeps it. Kubo links the root
 * alone and fetches the rest lazily; a copy here is whole or fails.
 */
import * as dagPb from '@ipld/dag-pb'
import * as raw from 'multiformats/codecs/raw'
import { walkDag } from '../dag/walk.ts'
import { resolveEntry } from '../unixfs/exporter/resolve.ts'
import { statEntry } from '../unixfs/exporter/stat.ts'
import { InvalidUnixFSError } from '../unixfs/format/errors.ts'
import { MfsNotUnixFSError } from './errors.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { NodeRef } from './file/fs-node.ts'

/** Options of fetching a copy's source. */
export interface FetchOptions extends AbortOptions {
  /** Called as each block of the source is stored (or found stored). */
  onBlock?(blocks: number): void
}

/** True for `/ipfs/...` and `/ipns/...` sources, which are not MFS paths. */
export function isContentPath (text: string): boolean {
  return text.startsWith('/ipfs/') || text === '/ipfs' || text.startsWith('/ipns/') || text === '/ipns'
}

/** The name a content path gives its copy: its last segment, or the CID. */
export function contentPathName (text: string): string {
  return text.split('/').filter((s) => s !== '' && s !== '.').pop() ?? ''
}

/** Resolve `text`, check that it is UnixFS, and store its whole DAG in `store`. */
export async function fetchSource (reader: Pick<Blockstore, 'get'>, store: Pick<Blockstore, 'has' | 'put'>, text: string, options: FetchOptions = {}): Promise<NodeRef> {
  const cid = await resolveEntry(reader, text, options)
  if (cid.code !== dagPb.code && cid.code !== raw.code) {
    throw new MfsNotUnixFSError(`cp: source must be a valid UnixFS (dag-pb or raw codec), ${cid.toString()} has codec 0x${cid.code.toString(16)}`)
  }
  let cumulativeSize: number
  try {
    cumulativeSize = (await statEntry(reader, cid, options)).cumulativeSize
  } catch (err) {
    if (err instanceof InvalidUnixFSError) throw new MfsNotUnixFSError(`cp: source must be a valid UnixFS (dag-pb or raw codec): ${err.message}`, { cause: err })
    throw err
  }
  let blocks = 0
  for await (const block of walkDag(reader, cid, options)) {
    if (!await store.has(block.cid, options)) await store.put(block.cid, block.bytes, options)
    options.onBlock?.(++blocks)
  }
  return { cid, dagSize: cumulativeSize }
}
