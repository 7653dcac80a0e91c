/**
 * The Files slice: the folder on screen, its entries and which CIDs are
 * pinned, and the edits a user makes (new folder, rename, move, delete),
 * each followed by a reload. Loads for a folder that is no longer shown
 * are dropped when they arrive, so quick navigation never shows the wrong
 * folder. Entries are replaced as a whole; rows select what they need.
 */
import { create } from 'zustand'
import { onConnect, requireApi, useConnection } from '../../lib/connection-store.ts'
import { cidKey, cleanFolder, joinPath } from './names.ts'
import type { Output } from '../../../../node-core/src/api/contract.ts'

/** One entry of a folder. */
export type FileEntry = Output<'files.ls'>['entries'][number]

/** The Files slice's state. */
export interface FilesState {
  /** The folder shown (clean: `/` or `/a/b`). */
  folder: string
  /** Its entries; undefined until the first list of this folder arrived. */
  entries: FileEntry[] | undefined
  /** The folder's listing failed: the error (the folder is gone, say). */
  error: unknown
  /** CIDs of recursive pins, in `cidKey` form. */
  pinned: ReadonlySet<string>
  /** Show `folder` and list it. */
  show: (folder: string) => void
  /** List the folder (and the pins) again. */
  reload: () => Promise<void>
  mkdir: (name: string) => Promise<void>
  rename: (entry: FileEntry, name: string) => Promise<void>
  move: (entry: FileEntry, toFolder: string) => Promise<void>
  remove: (entry: FileEntry) => Promise<void>
  /** Save an entry to a local path (desktop window only). */
  save: (entry: FileEntry, to: string, onProgress: (bytes: number) => void, signal: AbortSignal) => Promise<void>
  /** Where Explore opens an entry: through its folder's CID, so its name (and the preview's type) comes along; its own CID if the folder cannot be read. */
  explorePath: (entry: FileEntry) => Promise<string>
}

let loadSeq = 0

function lostConnection (err: unknown): boolean {
  const name = (err as { name?: unknown } | undefined)?.name
  return name === 'TransportClosedError' || name === 'NotConnectedError'
}

/** The Files slice. */
export const useFiles = create<FilesState>()((set, get) => ({
  folder: '/',
  entries: undefined,
  error: undefined,
  pinned: new Set(),
  show: (folder) => {
    const clean = cleanFolder(folder)
    // Another folder starts empty (loading); the same one keeps its rows while it is listed again.
    if (clean !== get().folder) set({ folder: clean, entries: undefined, error: undefined })
    get().reload().catch(() => {})
  },
  explorePath: async (entry) => {
    try {
      const { cid } = await requireApi().files.stat({ path: get().folder })
      return `/ipfs/${cid}/${entry.name}`
    } catch {
      return `/ipfs/${entry.cid}`
    }
  },
  reload: async () => {
    const seq = ++loadSeq
    const folder = get().folder
    const api = useConnection.getState().api
    // Not connected yet: the listing stays loading, and runs when the connection opens.
    if (api === undefined) return
    try {
      const [{ entries }, { pins }] = await Promise.all([api.files.ls({ path: folder }), api.pins.ls({ type: 'recursive' })])
      if (seq !== loadSeq) return
      set({ entries, error: undefined, pinned: new Set(pins.map((p) => cidKey(p.cid))) })
    } catch (err) {
      if (seq !== loadSeq) return
      // The connection dropped: keep what is shown (the banner says so); the listing runs again on reconnection.
      if (lostConnection(err)) return
      set({ entries: [], error: err })
      throw err
    }
  },
  mkdir: async (name) => {
    await requireApi().files.mkdir({ path: joinPath(get().folder, name) })
    await get().reload()
  },
  rename: async (entry, name) => {
    const folder = get().folder
    await requireApi().files.mv({ from: joinPath(folder, entry.name), to: joinPath(folder, name) })
    await get().reload()
  },
  move: async (entry, toFolder) => {
    await requireApi().files.mv({ from: joinPath(get().folder, entry.name), to: joinPath(cleanFolder(toFolder), entry.name) })
    await get().reload()
  },
  remove: async (entry) => {
    await requireApi().files.rm({ path: joinPath(get().folder, entry.name), recursive: true })
    await get().reload()
  },
  save: async (entry, to, onProgress, signal) => {
    await requireApi().files.save({ path: `/ipfs/${entry.cid}`, to }, { signal, onProgress: (p) => { onProgress(p.bytes) } })
  }
}))

onConnect((api) => {
  // (Re)connected: what is shown may have changed meanwhile.
  useFiles.getState().reload().catch(() => {})
  // An edit from elsewhere (the tray, the CLI, another window) shows at once; a burst of edits reloads once.
  let timer: ReturnType<typeof setTimeout> | undefined
  const off = api.on('files:changed', () => {
    clearTimeout(timer)
    timer = setTimeout(() => { useFiles.getState().reload().catch(() => {}) }, 100)
  })
  return () => {
    clearTimeout(timer)
    off()
  }
})
