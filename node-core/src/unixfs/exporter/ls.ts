/**
 * `ls`: the entries of a UnixFS directory (HAMT shards included), each
 * with its CID, type and size, as Kubo's `ipfs ls` shows them.
 */
import { hamtEntries } from '../hamt/lookup.ts'
import { NotADirectoryError } from './errors.ts'
import { statEntry } from './stat.ts'
import type { AbortOptions } from '../../abort.ts'
import type { Blockstore } from '../../block/blockstore.ts'
import type { EntryStat } from './stat.ts'
import type { CID } from 'multiformats/cid'

/** One directory entry. */
export interface DirEntryInfo {
  name: string
  cid: CID
  type: EntryStat['type']
  /** File size for files; 0 otherwise. */
  size: number
  /** The link's cumulative size. */
  tsize: number
}

/** The links of the directory at `cid`, in the DAG's order. */
export async function * directoryLinks (store: Pick<Blockstore, 'get'>, cid: CID, options?: AbortOptions): AsyncIterable<{ name: string, cid: CID, tsize: number }> {
  const stat = await statEntry(store, cid, options)
  if (stat.node === undefined || stat.type === 'symlink') throw new NotADirectoryError(`${cid.toString()} is a ${stat.type}, not a directory`)
  if (stat.type === 'hamt-directory') {
    yield * hamtEntries(store, stat.node, options)
    return
  }
  for (const link of stat.node.Links) yield { name: link.Name ?? '', cid: link.Hash, tsize: link.Tsize ?? 0 }
}

/** The entries of the directory at `cid`, each stat'ed. */
export async function * ls (store: Pick<Blockstore, 'get'>, cid: CID, options?: AbortOptions): AsyncIterable<DirEntryInfo> {
  for await (const link of directoryLinks(store, cid, options)) {
    const stat = await statEntry(store, link.cid, options)
    yield { name: link.name, cid: link.cid, type: stat.type, size: stat.size, tsize: link.tsize }
  }
}
