/**
 * Sending what a user dropped onto a device's card or picked for it. In the
 * desktop window only local paths cross (`share.send {to, paths}`); in a
 * browser the files are uploaded first (`/api/v0/add`, unpinned, into
 * `/Shared/` in Files, several wrapped into one folder named for them),
 * then offered by CID (`share.send {to, cid, name, wrapped}`): either way
 * the receiver saves several dropped items side by side.
 */
import { freeName } from '../../lib/free-name.ts'
import { entriesFromDrop, entriesFromFiles, renameTops, sizeOf, topNames } from '../../lib/collect.ts'
import { preloadPaths } from '../../lib/preload.ts'
import { notify } from '../../lib/toasts.ts'
import { notifyShareError } from './share-notify.ts'
import { upload } from '../../lib/upload.ts'
import { share as t } from '../../texts/share.ts'
import { useShare } from './share-store.ts'
import type { DropRoots } from '../../lib/collect.ts'
import type { UploadEntry } from '../../lib/upload.ts'
import type { ShareItem } from './merge.ts'

/** The Files folder browser uploads go to before they are offered. */
export const SHARED_FOLDER = '/Shared'

/** The name of the folder several top-level entries are wrapped in: `a.txt and 2 more`. */
export function bundleName (tops: readonly string[]): string {
  const first = (tops[0] ?? 'files').replace(/[/\\]/g, '_').slice(0, 200)
  return tops.length <= 1 ? first : `${first} and ${tops.length - 1} more`
}

/** One top-level entry: several are wrapped into a folder named for them (`wrapped`: the receiver saves its entries side by side, as dropped). */
export function wrapEntries (entries: UploadEntry[]): { entries: UploadEntry[], name: string, wrapped: boolean } {
  const tops = topNames(entries)
  if (tops.length <= 1) return { entries, name: tops[0] ?? '', wrapped: false }
  const name = bundleName(tops)
  return { entries: [{ kind: 'dir', path: name }, ...entries.map((e) => ({ ...e, path: `${name}/${e.path}` }))], name, wrapped: true }
}

/** Upload `entries` into /Shared and offer the result to `peer`; resolves with the item. */
export async function sendEntries (peer: string, entries: UploadEntry[]): Promise<ShareItem> {
  const store = useShare.getState()
  const wrapped = wrapEntries(entries)
  const id = store.startSend(peer)
  try {
    const stored = freeName(wrapped.name, await store.namesIn(SHARED_FOLDER))
    const renamed = stored === wrapped.name ? wrapped.entries : renameTops(wrapped.entries, new Map([[wrapped.name, stored]]))
    const imported = await upload({
      origin: store.origin,
      folder: SHARED_FOLDER,
      entries: renamed,
      onProgress: (p) => { store.updateSend(id, { bytes: p.sent, total: p.total }) }
    })
    const root = imported.find((e) => e.name === stored) ?? imported.at(-1)
    if (root === undefined) throw new Error(t.devices.nothingToSend)
    store.updateSend(id, { phase: 'offering' })
    return await store.sendCid(peer, root.cid, wrapped.name, wrapped.wrapped)
  } finally {
    store.endSend(id)
  }
}

/** Offer local `paths` to `peer` (the desktop window). */
export async function sendLocalPaths (peer: string, paths: string[]): Promise<ShareItem> {
  const store = useShare.getState()
  const id = store.startSend(peer)
  store.updateSend(id, { phase: 'offering' })
  try {
    return await store.sendPaths(peer, paths)
  } finally {
    store.endSend(id)
  }
}

async function run (device: string, start: () => Promise<ShareItem>): Promise<void> {
  try {
    const item = await start()
    notify(t.devices.sent(item.name, device), 'success')
  } catch (err) {
    notifyShareError(t.devices.sendFailed(device), err)
  }
}

/** Send a drop's roots (taken during the drop event) to `peer`, called `device`. */
export function sendDropped (peer: string, device: string, roots: DropRoots): void {
  const paths = roots.files.length > 0 ? preloadPaths(roots.files) : undefined
  if (paths !== undefined) {
    void run(device, async () => await sendLocalPaths(peer, paths))
    return
  }
  void run(device, async () => {
    const entries = await entriesFromDrop(roots)
    if (entries.length === 0) throw new Error(t.devices.nothingToSend)
    return await sendEntries(peer, entries)
  })
}

/** Send picked files to `peer` (`folderPick`: the folder picker, whose files carry relative paths). */
export function sendPicked (peer: string, device: string, files: File[], folderPick: boolean): void {
  if (files.length === 0) return
  const paths = preloadPaths(files)
  if (paths !== undefined) {
    void run(device, async () => await sendLocalPaths(peer, folderPick ? [folderOf(files, paths)] : paths))
    return
  }
  const entries = entriesFromFiles(files)
  if (sizeOf(entries).files === 0) {
    notify(t.devices.nothingToSend)
    return
  }
  void run(device, async () => await sendEntries(peer, entries))
}

/** A folder pick's own path: the first file's path without its path below that folder. */
function folderOf (files: File[], paths: string[]): string {
  const path = paths[0] ?? ''
  const below = (files[0]?.webkitRelativePath ?? '').split('/').slice(1).join('/')
  return below === '' ? path : path.slice(0, path.length - below.length - 1)
}
