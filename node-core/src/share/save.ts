/**
 * Saving a received item: its files are written into the inbox folder
 * (each top-level entry under a free name, as a file manager names a copy)
 * through a hidden partial name (`.planetary-part-<id>`) renamed at the end, so a crash never leaves
 * a half file under a real name; and the same entries are linked into the
 * Files tree under `/Inbox`.
 */
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { getToDisk } from '../unixfs/exporter/get.ts'
import { directoryLinks } from '../unixfs/exporter/ls.ts'
import { statEntry } from '../unixfs/exporter/stat.ts'
import { newId } from './ids.ts'
import { freeName, safeSegment } from './names.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { GcLock } from '../gc/lock.ts'
import type { Mfs } from '../mfs/mfs.ts'
import type { CID } from 'multiformats/cid'

/** The hidden name an entry is written under until it is complete (a crash's leftovers are removed at the next start). */
export const PARTIAL_PREFIX = '.planetary-part-'

/** Where the Files tree keeps received items. */
export const INBOX_DIR = '/Inbox'

/** What saving needs. */
export interface SaveTarget {
  store: Pick<Blockstore, 'get'>
  mfs: Mfs
  lock: GcLock
  folder: string
}

/** Where an item was saved. */
export interface Saved {
  savedTo: string[]
  filesPath: string
}

/** Save the item at `root` (its entries when `wrapped`, else itself as `name`). */
export async function saveItem (target: SaveTarget, root: CID, name: string, wrapped: boolean, options: AbortOptions = {}): Promise<Saved> {
  const entries: Array<{ name: string, cid: CID }> = []
  if (wrapped) for await (const link of directoryLinks(target.store, root, options)) entries.push({ name: safeSegment(link.name), cid: link.cid })
  else entries.push({ name: safeSegment(name), cid: root })
  await mkdir(target.folder, { recursive: true })
  const savedTo: string[] = []
  for (const entry of entries) {
    const final = await freeName(entry.name, async (candidate) => await exists(join(target.folder, candidate)))
    const partial = join(target.folder, `${PARTIAL_PREFIX}${newId()}`)
    try {
      await getToDisk(target.store, entry.cid, partial, options)
      const to = join(target.folder, await freeName(final, async (candidate) => await exists(join(target.folder, candidate))))
      await rename(partial, to)
      savedTo.push(to)
    } catch (err) {
      // Nothing half-written stays behind in the user's folder (cancelled, disk full).
      await rm(partial, { recursive: true, force: true }).catch(() => {})
      throw err
    }
  }
  const inMfs = new Set((await target.mfs.ls(INBOX_DIR).catch(() => [])).map((e) => e.name))
  const places: Array<{ to: string, node: { cid: CID, dagSize: number } }> = []
  for (const entry of entries) {
    const free = await freeName(entry.name, async (candidate) => inMfs.has(candidate))
    inMfs.add(free)
    places.push({ to: `${INBOX_DIR}/${free}`, node: { cid: entry.cid, dagSize: (await statEntry(target.store, entry.cid, options)).cumulativeSize } })
  }
  await target.lock.withShared(async () => {
    await target.mfs.putAll(places, { parents: true, lockHeld: true, ...options })
  })
  return { savedTo, filesPath: places.length === 1 ? places[0]?.to ?? INBOX_DIR : INBOX_DIR }
}

async function exists (path: string): Promise<boolean> {
  return await stat(path).then(() => true, () => false)
}
