/**
 * The transfers slice: imports into Files, one at a time in the order
 * they were asked for (later ones wait, shown as queued), and fetches
 * "from IPFS", which run at once since they wait on peers, not on this
 * disk. Each transfer has its own entry, so a progress tick re-renders its
 * own item only; ticks are coalesced to a few a second.
 *
 * In a browser an import is an HTTP upload (upload.ts) of the dropped or
 * picked Files; in the desktop window only their paths cross
 * (`files.add` with `to`). A top-level name already in the folder is
 * imported as `name (2)`, so nothing is refused after a long upload.
 */
import { create } from 'zustand'
import { requireApi } from '../../lib/connection-store.ts'
import { notify } from '../../lib/toasts.ts'
import { errorText } from '../../texts/errors.ts'
import { files as t } from '../../texts/files.ts'
import { sizeOf, topNames } from './collect.ts'
import { currentFile, freeTops, ticker } from './import-steps.ts'
import { useFiles } from './files-store.ts'
import { folderName, joinPath } from './names.ts'
import { upload, UploadFailedError } from './upload.ts'
import type { UploadEntry } from './upload.ts'
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
  error: string | undefined
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

function failure (err: unknown): Partial<Transfer> {
  if (err instanceof UploadFailedError) {
    if (err.reason === 'cancelled') return { status: 'cancelled' }
    if (err.reason === 'gone') return { status: 'failed', error: t.transfers.gone }
    return { status: 'failed', error: err.message }
  }
  const name = (err as { name?: unknown } | undefined)?.name
  if (name === 'CallCancelledError') return { status: 'cancelled' }
  if (name === 'TransportClosedError' || name === 'NotConnectedError') return { status: 'failed', error: t.transfers.gone }
  return { status: 'failed', error: errorText(err) }
}

async function runImport (id: number, job: Job): Promise<void> {
  const transfer = get(id)
  if (transfer === undefined) return
  const { folder } = transfer
  const signal = job.controller.signal
  const tick = ticker<Partial<Transfer> & { bytes: number }>((changes) => { patch(id, changes) })
  if (job.source.kind === 'paths') {
    patch(id, { status: 'running' })
    const result = await requireApi().files.add({ paths: job.source.paths, to: folder, pin: false }, { signal, onProgress: (p) => { tick({ bytes: p.bytes }) } })
    patch(id, { status: 'done', imported: result.entries.length, bytes: get(id)?.total ?? get(id)?.bytes ?? 0 })
    return
  }
  const { entries, note } = await freeTops(await job.source.entries, folder)
  signal.throwIfAborted()
  patch(id, { status: 'running', note })
  const imported = await upload({
    origin: useTransfers.getState().origin,
    folder,
    entries,
    signal,
    onProgress: (p) => {
      const done = p.total !== undefined && p.sent >= p.total
      tick({ bytes: p.sent, imported: p.imported, current: done ? undefined : currentFile(entries, p.sent, p.total), ...(done ? { status: 'finishing' } : {}) }, done)
    }
  })
  patch(id, { status: 'done', imported: imported.length, current: undefined })
}

async function pump (): Promise<void> {
  if (running) return
  const next = useTransfers.getState().transfers.find((x) => x.kind === 'import' && x.status === 'queued')
  const job = next === undefined ? undefined : jobs.get(next.id)
  if (next === undefined || job === undefined) return
  running = true
  try {
    await runImport(next.id, job)
    const done = get(next.id)
    if (done?.status === 'done') notify(t.notices.added(topCount(job.source), folderName(next.folder, t.root)), 'success')
  } catch (err) {
    patch(next.id, { ...failure(job.controller.signal.aborted ? new UploadFailedError('cancelled', 'cancelled') : err), current: undefined })
  } finally {
    jobs.delete(next.id)
    running = false
    reloadIfShown(next.folder)
    void pump()
  }
}

function topCount (source: ImportSource): number {
  return source.kind === 'paths' ? source.paths.length : Array.isArray(source.entries) ? topNames(source.entries).length : 1
}

function newTransfer (id: number, kind: Transfer['kind'], label: string, folder: string, status: TransferStatus): Transfer {
  return { id, kind, label, folder, status, files: 0, imported: 0, bytes: 0, total: undefined, speed: 0, current: undefined, blocks: 0, peers: 0, error: undefined, note: undefined }
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
      const { files, bytes } = sizeOf(list)
      jobs.set(id, { source: { kind: 'entries', entries: list }, controller })
      if (get(id)?.status !== 'preparing') return
      patch(id, { status: 'queued', label: t.transfers.uploadLabel(topNames(list), files), files, total: bytes })
      void pump()
    }, (err: unknown) => {
      jobs.delete(id)
      patch(id, { status: 'failed', error: `${t.errors.read}: ${errorText(err)}` })
    })
    return id
  },
  addFetch: (path, folder, name) => {
    const id = nextId++
    const controller = new AbortController()
    controllers.set(id, controller)
    set((s) => ({ transfers: [...s.transfers, { ...newTransfer(id, 'fetch', name, folder, 'running') }] }))
    const tick = ticker<Partial<Transfer> & { bytes: number }>((changes) => { patch(id, changes) })
    const work = async (): Promise<void> => {
      const api = requireApi()
      const { cid } = await api.pins.add({ path }, { signal: controller.signal, onProgress: (p) => { tick({ bytes: p.bytes, blocks: p.blocks, peers: p.peers ?? 0 }) } })
      patch(id, { status: 'finishing' })
      await api.files.cp({ from: `/ipfs/${cid}`, to: joinPath(folder, name) })
      patch(id, { status: 'done' })
      notify(t.notices.fetched(name), 'success')
    }
    work().catch((err: unknown) => { patch(id, failure(err)) }).finally(() => { reloadIfShown(folder) })
    return id
  },
  cancel: (id) => {
    controllers.get(id)?.abort()
    const transfer = get(id)
    if (transfer !== undefined && (transfer.status === 'queued' || transfer.status === 'preparing')) {
      jobs.delete(id)
      patch(id, { status: 'cancelled' })
    }
  },
  dismiss: (id) => {
    controllers.delete(id)
    set((s) => ({ transfers: s.transfers.filter((x) => x.id !== id) }))
  },
  clearFinished: () => {
    set((s) => ({ transfers: s.transfers.filter((x) => !finished(x.status)) }))
  }
}))
