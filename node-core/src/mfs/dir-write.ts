/**
 * Writing a changed MFS directory, basic or HAMT exactly when Kubo's MFS
 * (boxo's DynamicDirectory) would make it one.
 *
 * The new node is built by the importer's `writeDirectory` from the full
 * entry list, so a basic node and a shard come out byte for byte as `add`
 * writes them. What kind it becomes follows boxo per operation:
 * - a basic directory that gains or replaces an entry becomes a shard once
 *   its estimated size passes `Import.UnixFSHAMTDirectorySizeThreshold`;
 *   one that only loses entries stays basic;
 * - a shard becomes basic again only when the operation shrinks its
 *   estimate and the result is at or under the threshold; otherwise it
 *   stays a shard, even under the threshold (as one loaded from elsewhere).
 * The estimate is Kubo's: names plus CID bytes (`links`), or the encoded
 * link sizes (`block`).
 */
import { varint } from 'multiformats'
import { writeDirectory } from '../unixfs/importer/directory.ts'
import { allLinks } from './dir.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { DirEntry } from '../unixfs/importer/directory.ts'
import type { HamtOptions } from '../unixfs/importer/options.ts'
import type { Batch } from './batch.ts'
import type { Dir } from './dir.ts'
import type { NodeRef } from './file/fs-node.ts'
import type { CidPrefix } from './prefix.ts'
import type { CID } from 'multiformats/cid'

/** Entries to set (a node) or remove (null), by name. */
export type Changes = Map<string, NodeRef | null>

const utf8 = new TextEncoder()

/** Store `dir` with `changes` applied (and re-addressed with `prefix`); returns the new node. */
export async function writeDir (batch: Batch, store: Pick<Blockstore, 'get'>, dir: Dir, changes: Changes, hamt: HamtOptions, prefix: CidPrefix = dir.prefix): Promise<NodeRef> {
  const links = await allLinks(store, dir)
  let sizeChange = 0
  let adds = false
  for (const [name, next] of changes) {
    const old = links.get(name)
    if (old !== undefined) sizeChange -= linkSize(name, old.cid, old.tsize, hamt)
    if (next === null) {
      links.delete(name)
    } else {
      sizeChange += linkSize(name, next.cid, next.dagSize, hamt)
      links.set(name, { cid: next.cid, tsize: next.dagSize })
      adds = true
    }
  }
  const mayChange = dir.hamt ? sizeChange < 0 : adds
  const threshold = mayChange ? hamt.threshold : dir.hamt ? -1 : Infinity
  const entries: DirEntry[] = [...links].map(([name, l]) => ({ name, part: { cid: l.cid, fileSize: 0, dagSize: l.tsize } }))
  const part = await writeDirectory(batch.writer(prefix), entries, { ...hamt, threshold }, dir.meta)
  return { cid: part.cid, dagSize: part.dagSize }
}

/** An empty directory, stored. */
export async function writeEmptyDir (batch: Batch, prefix: CidPrefix, hamt: HamtOptions): Promise<NodeRef> {
  const part = await writeDirectory(batch.writer(prefix), [], { ...hamt, threshold: Infinity })
  return { cid: part.cid, dagSize: part.dagSize }
}

/** What one link adds to a directory's size estimate. */
function linkSize (name: string, cid: CID, tsize: number, hamt: HamtOptions): number {
  const nameLength = utf8.encode(name).byteLength
  const cidLength = cid.bytes.byteLength
  if (hamt.estimation === 'links') return nameLength + cidLength
  const link = 1 + varint.encodingLength(cidLength) + cidLength + 1 + varint.encodingLength(nameLength) + nameLength + 1 + varint.encodingLength(tsize)
  return 1 + varint.encodingLength(link) + link
}
