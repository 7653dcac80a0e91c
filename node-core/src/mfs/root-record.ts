/**
 * The durable record of the MFS root: the root CID's text, in the record
 * `root` of the repo's `mfs` namespace (replaced atomically and fsynced by
 * RecordStore).
 *
 * A root is committed only after the blockstore is synced, so the record
 * never names a tree whose blocks could be lost; a record that cannot be
 * read, or names no readable directory, is an MfsCorruptRootError rather
 * than silently an empty tree.
 */
import { CID } from 'multiformats/cid'
import { loadDir } from './dir.ts'
import { MfsCorruptRootError } from './errors.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { RecordStore } from '../repo/records.ts'

/** The name of the root record in the `mfs` record namespace. */
export const ROOT_RECORD = 'root'

/** The recorded root, checked to be a readable directory; undefined when none was ever recorded. */
export async function readRoot (store: Pick<Blockstore, 'get'>, records: RecordStore): Promise<CID | undefined> {
  const stored = await records.get(ROOT_RECORD)
  if (stored === undefined) return undefined
  let root: CID
  try {
    root = CID.parse(new TextDecoder().decode(stored).trim())
  } catch (err) {
    throw new MfsCorruptRootError(`the MFS root record is not a CID: ${(err as Error).message}`, { cause: err })
  }
  try {
    await loadDir(store, root, '/')
  } catch (err) {
    throw new MfsCorruptRootError(`the MFS root ${root.toString()} cannot be read as a directory: ${(err as Error).message}`, { cause: err })
  }
  return root
}

/** Make every block written so far durable, then record `root`. */
export async function commitRoot (store: Pick<Blockstore, 'sync'>, records: RecordStore, root: CID): Promise<void> {
  await store.sync()
  await records.put(ROOT_RECORD, root.toString())
}
