/**
 * The transfers slice: imports into Files, one at a time in the order
 * they were asked for (later ones wait, shown as queued, even behind an
 * import still reading its folders), and fetches
 * "from IPFS", which run at once since they wait on peers, not on this
 * disk. Each transfer has its own entry, so a progress tick re-renders its
 * own item only; ticks are coalesced to a few a second.
 *
 * In a browser an import is an HTTP upload (upload.ts) of the dropped or
 * picked Files; in the desktop window only their paths cross
 * (`files.add` with `to`). A top-level name already in the folder is
 * imported as `name (2)`, so nothing is refused after a long upload.
 * Progress counts file bytes against the files' total size.
 */
import { create } from 'zustand'
import { requireApi } from '../../lib/connection-store.ts'
import { notify } from '../../lib/toasts.ts'
import { errorText } from '../../texts/errors.ts'
import { files as t } from '../../texts/files.ts'
import { sizeOf, topNames } from '../../lib/collect.ts'
import { contentBytes, currentFile, freeTops, ticker } from './import-steps.ts'
import { useFiles } from './files-store.ts'
import { folderName, joinPath } from './names.ts'
import { runFetch } from './run-fetch.ts'
import { transferFailure } from './transfer-errors.ts'
import { upload, UploadFailedError } from '../../lib/upload.ts'
import type { UploadEntry } from '../../lib/upload.ts'
import type { CurrentFile } from './import-steps.ts'

/** Where a transfer stands. */
export type TransferStatus = 'preparing' | 'queued' | 'running' | 'finishing' | 'done' | 'failed' | 'cancelled'

/** One import or fetch, as its item shows it. */
export interface Transfer {
  id: number
  kind: 'import' | 'fetch'
  label: string
  folder: string
  status: TransferStatus
  /** Files to import (imports), 0 when unknown. */
  files: number
  /** Entries imported so far. */
  imported: number
  /** Bytes sent, read or fetched so far. */
  bytes: number
  /** Bytes in all, when known. */
  total: number | undefined
  /** Bytes per second, smoothed. */
  speed: number
  /** The file being sent, and how far into it. */
  current: CurrentFile | undefined
  blocks: number
  peers: number
  /** Why it failed, in words. */
  error: string | undefined
  /** The node's own message about the failure, when it said more. */
  detail: string | undefined
  note: string | undefined
}

/** What to import: upload entries (browser), or local paths (desktop window). */
export type ImportSource =
  | { kind: 'entries', entries: UploadEntry[] | Promise<UploadEntry[]> }
  | { kind: 'paths', paths: string[], names: string[], bytes: number | undefined }

/** The transfers slice's state. */
export interface TransfersState {
  transfers: Transfer[]
  /** The daemon's origin for uploads: the page's own. */
  origin: string
  /** Import `source` into the Files `folder` (queued behind a running import). */
  addImport: (source: ImportSource, folder: string) => number
  /** Fetch `path`, pin it, and place it in `folder` as `name`. */
  addFetch: (path: string, folder: string, name: string) => number
  cancel: (id: number) => void
  dismiss: (id: number) => void
  clearFinished: () => void
}

interface Job { source: ImportSource, controller: AbortController }

const jobs = new Map<number, Job>()
const controllers = new Map<number, AbortController>()
let nextId = 1
let running = false

/** True for a transfer that has ended. */
export function finished (status: TransferStatus): boolean {
  return status === 'done' || status === 'failed' || status === 'cancelled'
}

function patch (id: number, changes: Partial<Transfer>): void {
  useTransfers.setState((s) => ({ transfers: s.transfers.map((x) => x.id === id ? { ...x, ...changes } : x) }))
}

function get (id: number): Transfer | undefined {
  return useTransfers.getState().transfers.find((x) => x.id === id)
}

function reloadIfShown (folder: string): void {
  if (useFiles.getState().folder === folder) useFiles.getState().reload().catch(() => {})
}

type Tick = Partial<Transfer> & { bytes: number }

async function runImport (id: number, job: Job, tick: (changes: Tick, force?: boolean) => void): Promise<void> {
  const transfer = get(id)
  if (transfer === undefined) return
  const { folder } = transfer
  const signal = job.controller.signal
  if (job.source.kind === 'paths') {
    const total = transfer.total
    patch(id, { status: 'running' })
    const result = await requireApi().files.add({ paths: job.source.paths, to: folder, pin: false }, { signal, onProgress: (p) => { tick({ bytes: total === undefined ? p.bytes : Math.min(total, p.bytes) }) } })
    patch(id, { status: 'done', imported: result.entries.length, bytes: total ?? get(id)?.bytes ?? 0 })
    return
  }
  const { entries, note } = await freeTops(await job.source.entries, folder)
  signal.throwIfAborted()
  const fileBytes = sizeOf(entries).bytes
  patch(id, { status: 'running', note })
  const imported = await upload({
    origin: useTransfers.getState().origin,
    folder,
    entries,
    signal,
    onProgress: (p) => {
      const done = p.total !== undefined && p.sent >= p.total
      tick({ bytes: contentBytes(p.sent, p.total, fileBytes), imported: p.imported, current: done ? undefined : currentFile(entries, p.sent, p.total), ...(done ? { status: 'finishing' } : {}) }, done)
    }
  })
  patch(id, { status: 'done', imported: imported.length, bytes: fileBytes, current: undefined })
}

/** The next import to start: the first one asked for that has not ended, if it is ready (queued). */
function nextImport (): Transfer | undefined {
  const first = useTransfers.getState().transfers.find((x) => x.kind === 'import' && !finished(x.status))
  // One still reading its folders holds the line: imports start strictly in the order they were asked for.
  return first?.status === 'queued' ? first : undefined
}

async function pump (): Promise<void> {
  if (running) return
  const next = nextImport()
  const job = next === undefined ? undefined : jobs.get(next.id)
  if (next === undefined || job === undefined) return
  running = true
  const tick = ticker<Tick>((changes) => { patch(next.id, changes) })
  try {
    await runImport(next.id, job, tick)
    const done = get(next.id)
    if (done?.status === 'done') notify(t.notices.added(topCount(job.source), folderName(next.folder, t.root)), 'success')
  } catch (err) {
    tick.stop()
    patch(next.id, { ...transferFailure(job.controller.signal.aborted ? new UploadFailedError('cancelled', t.upload.cancelled) : err), current: undefined })
  } finally {
    tick.stop()
    jobs.delete(next.id)
    controllers.delete(next.id)
    running = false
    reloadIfShown(next.folder)
    void pump()
  }
}

/** Drop what is kept for ended transfers. */
function forget (ids: number[]): void {
  for (const id of ids) {
    jobs.delete(id)
    controllers.delete(id)
  }
}

function topCount (source: ImportSource): number {
  return source.kind === 'paths' ? source.paths.length : Array.isArray(source.entries) ? topNames(source.entries).length : 1
}

function newTransfer (id: number, kind: Transfer['kind'], label: string, folder: string, status: TransferStatus): Transfer {
  return { id, kind, label, folder, status, files: 0, imported: 0, bytes: 0, total: undefined, speed: 0, current: undefined, blocks: 0, peers: 0, error: undefined, detail: undefined, note: undefined }
}

/** The transfers slice. */
export const useTransfers = create<TransfersState>()((set) => ({
  transfers: [],
  origin: typeof location === 'undefined' ? '' : location.origin,
  addImport: (source, folder) => {
    const id = nextId++
    const controller = new AbortController()
    jobs.set(id, { source, controller })
    controllers.set(id, controller)
    if (source.kind === 'paths') {
      set((s) => ({ transfers: [...s.transfers, { ...newTransfer(id, 'import', t.transfers.uploadLabel(source.names, source.names.length), folder, 'queued'), total: source.bytes }] }))
      void pump()
      return id
    }
    const entries = source.entries
    set((s) => ({ transfers: [...s.transfers, newTransfer(id, 'import', '…', folder, 'preparing')] }))
    Promise.resolve(entries).then((list) => {
      // Cancelled (or dismissed) while its folders were read: nothing to queue.
      if (get(id)?.status !== 'preparing') return
      const { files, bytes } = sizeOf(list)
      jobs.set(id, { source: { kind: 'entries', entries: list }, controller })
      patch(id, { status: 'queued', label: t.transfers.uploadLabel(topNames(list), files), files, total: bytes })
      void pump()
    }, (err: unknown) => {
      jobs.delete(id)
      controllers.delete(id)
      if (get(id)?.status !== 'preparing') return
      patch(id, { status: 'failed', error: `${t.errors.read}: ${errorText(err)}` })
      void pump()
    })
    return id
  },
  addFetch: (path, folder, name) => {
    const id = nextId++
    const controller = new AbortController()
    controllers.set(id, controller)
    set((s) => ({ transfers: [...s.transfers, { ...newTransfer(id, 'fetch', name, folder, 'running') }] }))
    const update = (changes: Partial<Transfer>): void => { patch(id, changes) }
    void runFetch(path, joinPath(folder, name), controller.signal, update).then((placed) => {
      if (placed) notify(t.notices.fetched(name), 'success')
    }).finally(() => {
      controllers.delete(id)
      reloadIfShown(folder)
    })
    return id
  },
  cancel: (id) => {
    controllers.get(id)?.abort()
    const transfer = get(id)
    if (transfer !== undefined && (transfer.status === 'queued' || transfer.status === 'preparing')) {
      jobs.delete(id)
      controllers.delete(id)
      patch(id, { status: 'cancelled' })
      // It may have held the line for imports asked for after it.
      void pump()
    }
  },
  dismiss: (id) => {
    if (!finished(get(id)?.status ?? 'done')) return
    forget([id])
    set((s) => ({ transfers: s.transfers.filter((x) => x.id !== id) }))
  },
  clearFinished: () => {
    forget(useTransfers.getState().transfers.filter((x) => finished(x.status)).map((x) => x.id))
    set((s) => ({ transfers: s.transfers.filter((x) => !finished(x.status)) }))
  }
}))
