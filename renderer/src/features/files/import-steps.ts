/**
 * The steps of an import that are not the queue: progress ticks coalesced
 * with a smoothed speed (the latest always delivered), the file bytes in
 * the body sent, which file a byte offset of the upload has reached, and
 * free top-level names in the target folder.
 */
import { requireApi } from '../../lib/connection-store.ts'
import { files as t } from '../../texts/files.ts'
import { renameTops, topNames } from '../../lib/collect.ts'
import { freeName } from './names.ts'
import type { UploadEntry } from '../../lib/upload.ts'

/** A progress reporter (see `ticker`): call it with each tick; `stop` drops a tick still waiting. */
export interface Ticker<T> {
  (changes: T, force?: boolean): void
  stop: () => void
}

/** Ticks are applied at most this often. */
export const TICK_MS = 150

/**
 * A progress reporter: coalesces ticks to one every 150 ms and keeps a
 * smoothed speed. A tick that comes too soon is not lost: the latest one
 * (merged over those before it) is applied when the 150 ms are up, so the
 * last bytes and file count always show. `force` applies at once.
 */
export function ticker<T extends { bytes: number }> (apply: (changes: T & { speed: number }) => void, now: () => number = () => performance.now()): Ticker<T> {
  let lastAt = -1
  let lastBytes = 0
  let speed = 0
  let appliedAt = Number.NEGATIVE_INFINITY
  let pending: T | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = (): void => {
    clearTimeout(timer)
    timer = undefined
    if (pending === undefined) return
    const changes = pending
    pending = undefined
    appliedAt = now()
    apply({ ...changes, speed })
  }
  const report = (changes: T, force = false): void => {
    const at = now()
    if (lastAt < 0) {
      lastAt = at
      lastBytes = changes.bytes
    } else if (at - lastAt >= 500) {
      const rate = ((changes.bytes - lastBytes) * 1000) / (at - lastAt)
      speed = speed === 0 ? rate : speed * 0.6 + rate * 0.4
      lastAt = at
      lastBytes = changes.bytes
    }
    pending = { ...pending, ...changes }
    if (force || at - appliedAt >= TICK_MS) flush()
    else timer ??= setTimeout(flush, TICK_MS - (at - appliedAt))
  }
  return Object.assign(report, {
    stop: () => {
      clearTimeout(timer)
      timer = undefined
      pending = undefined
    }
  })
}

/**
 * The file bytes an upload has sent, from the request body's bytes sent:
 * the body also carries each part's multipart framing, which with many
 * small files is much of it, so the files' share of the body is counted
 * (in proportion, when the body's size is known). Never past `fileBytes`.
 */
export function contentBytes (sent: number, bodyTotal: number | undefined, fileBytes: number): number {
  if (bodyTotal === undefined || bodyTotal <= 0) return Math.max(0, Math.min(sent, fileBytes))
  return Math.max(0, Math.min(fileBytes, Math.round((fileBytes * sent) / bodyTotal)))
}

/** Pick free top-level names in `folder`, so the daemon refuses nothing after the upload. */
export async function freeTops (entries: UploadEntry[], folder: string): Promise<{ entries: UploadEntry[], note: string | undefined }> {
  let taken = new Set<string>()
  try {
    taken = new Set((await requireApi().files.ls({ path: folder })).entries.map((e) => e.name))
  } catch {
    // A folder that is not there yet is created by the import.
  }
  const renames = new Map<string, string>()
  for (const name of topNames(entries)) {
    const free = freeName(name, taken)
    taken.add(free)
    if (free !== name) renames.set(name, free)
  }
  const first = [...renames][0]
  return { entries: renameTops(entries, renames), note: first === undefined ? undefined : t.transfers.renamed(first[0], first[1]) }
}

/** The file being sent, and how far into it. */
export interface CurrentFile {
  path: string
  bytes: number
  size: number
}

/** Which file `sent` bytes of the body have reached (approximately: each part's framing is estimated). */
export function currentFile (entries: UploadEntry[], sent: number, total: number | undefined): CurrentFile | undefined {
  const framing = (e: UploadEntry): number => 200 + e.path.length * 3
  let estimated = 0
  for (const e of entries) estimated += framing(e) + (e.kind === 'file' ? e.file.size : 0)
  const at = total === undefined || total === 0 ? sent : (sent / total) * estimated
  let offset = 0
  for (const e of entries) {
    const start = offset + framing(e)
    offset = start + (e.kind === 'file' ? e.file.size : 0)
    if (e.kind === 'file' && offset >= at) return { path: e.path, bytes: Math.max(0, Math.min(e.file.size, Math.round(at - start))), size: e.file.size }
  }
  return undefined
}

