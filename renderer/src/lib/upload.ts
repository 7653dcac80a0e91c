/**
 * A browser's import: files streamed to the daemon's `/api/v0/add` (Kubo's
 * multipart add) with XMLHttpRequest, which reads each File from disk as
 * it sends and reports the bytes sent. With `to-files`, the daemon places
 * each top-level entry in the Files folder while the add still holds the
 * GC lock, so nothing is ever pinned or left unreferenced; an aborted
 * request aborts the add, which then places nothing.
 */
import { files as t } from '../texts/files.ts'

/** One entry of an upload: a folder, or a file with its content; `path` is relative, `/`-separated. */
export type UploadEntry =
  | { kind: 'dir', path: string }
  | { kind: 'file', path: string, file: Blob }

/** Where an upload stands. */
export interface UploadProgress {
  /** Body bytes sent so far (files' bytes, multipart framing included). */
  sent: number
  /** The body's size in bytes, once the browser knows it. */
  total: number | undefined
  /** Entries the daemon has imported so far. */
  imported: number
}

/** One entry the daemon imported: its path as sent, CID and DAG size. */
export interface ImportedEntry {
  name: string
  cid: string
  size: number
}

/** Why an upload ended without success. */
export type UploadFailure = 'cancelled' | 'gone' | 'refused'

/** An upload that did not succeed: cancelled, the node unreachable, or the node's own error (its name in `nodeError`). */
export class UploadFailedError extends Error {
  static override name = 'UploadFailedError'
  override name = 'UploadFailedError'
  readonly code = 'ERR_UPLOAD_FAILED'
  readonly reason: UploadFailure
  /** The name of the node's error (`MfsExistsError`, say), when it refused the upload and said which. */
  readonly nodeError: string | undefined
  constructor (reason: UploadFailure, message: string, nodeError?: string) {
    super(message)
    this.reason = reason
    this.nodeError = nodeError
  }
}

/** The node's error: its message and, when it sent one, its name. */
export interface NodeFailure {
  message: string
  name: string | undefined
}

/** What `upload` needs. */
export interface UploadRequest {
  /** The daemon's origin (the page's own in a browser). */
  origin: string
  /** The Files folder that receives the top-level entries. */
  folder: string
  entries: UploadEntry[]
  signal?: AbortSignal
  onProgress?: (progress: UploadProgress) => void
}

/** The folder as `to-files` wants it: absolute, ending in `/`. */
export function folderWithSlash (folder: string): string {
  return folder.endsWith('/') ? folder : `${folder}/`
}

/** The add's URL: progress lines, no pin (the Files tree keeps the content), placed into `folder`. */
export function addUrl (origin: string, folder: string): string {
  return `${origin}/api/v0/add?progress=true&pin=false&to-files=${encodeURIComponent(folderWithSlash(folder))}`
}

const RESERVED_TYPES = new Set(['application/x-directory', 'application/symlink'])

/** The multipart body: one part per folder (empty, `application/x-directory`) and per file, each named by its URL-escaped path. */
export function buildForm (entries: UploadEntry[]): FormData {
  const form = new FormData()
  for (const entry of entries) {
    if (entry.kind === 'dir') {
      form.append('file', new Blob([], { type: 'application/x-directory' }), encodeURIComponent(entry.path))
    } else {
      // A file whose type would make the daemon read it as a folder or link goes as plain bytes (slicing reads nothing).
      const blob = RESERVED_TYPES.has(entry.file.type) ? entry.file.slice(0, entry.file.size, 'application/octet-stream') : entry.file
      form.append('file', blob, encodeURIComponent(entry.path))
    }
  }
  return form
}

/** What the NDJSON reply says, line by line. */
export interface ReplyReader {
  /** Feed the whole reply so far; returns entries newly imported. */
  read(text: string): ImportedEntry[]
  /** The daemon's error line, if one came. */
  error(): NodeFailure | undefined
}

/** A reader of the add's NDJSON reply: `{Name, Hash, Size}` per entry, `{Name, Bytes}` progress, `{Message, Type: 'error', Name?}`. */
export function replyReader (): ReplyReader {
  let offset = 0
  let failure: NodeFailure | undefined
  return {
    read (text) {
      const found: ImportedEntry[] = []
      let end = text.indexOf('\n', offset)
      while (end !== -1) {
        const line = text.slice(offset, end).trim()
        offset = end + 1
        end = text.indexOf('\n', offset)
        if (line === '') continue
        let value: unknown
        try {
          value = JSON.parse(line)
        } catch {
          continue
        }
        if (typeof value !== 'object' || value === null) continue
        const v = value as Record<string, unknown>
        if (v.Type === 'error') failure = { message: typeof v.Message === 'string' ? v.Message : t.upload.unknown, name: typeof v.Name === 'string' ? v.Name : undefined }
        else if (typeof v.Hash === 'string' && typeof v.Name === 'string') found.push({ name: v.Name, cid: v.Hash, size: Number(v.Size ?? 0) })
      }
      return found
    },
    error: () => failure
  }
}

function failureOf (text: string, status: number): NodeFailure {
  try {
    const body = JSON.parse(text) as { Message?: unknown, Name?: unknown }
    if (typeof body.Message === 'string') return { message: body.Message, name: typeof body.Name === 'string' ? body.Name : undefined }
  } catch {
    // Not Kubo's error shape: the status says it.
  }
  return { message: t.upload.status(status), name: undefined }
}

/** Upload `entries` into the Files `folder`; resolves with what was imported, else rejects with UploadFailedError. */
export async function upload (request: UploadRequest): Promise<ImportedEntry[]> {
  const { signal, onProgress } = request
  signal?.throwIfAborted()
  const xhr = new XMLHttpRequest()
  const reader = replyReader()
  const imported: ImportedEntry[] = []
  let sent = 0
  let total: number | undefined
  const report = (): void => { onProgress?.({ sent, total, imported: imported.length }) }
  const readReply = (): void => {
    const found = reader.read(xhr.responseText)
    if (found.length > 0) {
      imported.push(...found)
      report()
    }
  }
  return await new Promise<ImportedEntry[]>((resolve, reject) => {
    const onAbort = (): void => { xhr.abort() }
    const settle = (fn: () => void): void => {
      signal?.removeEventListener('abort', onAbort)
      fn()
    }
    xhr.upload.onprogress = (event) => {
      sent = event.loaded
      if (event.lengthComputable) total = event.total
      report()
    }
    xhr.onprogress = readReply
    xhr.onload = () => {
      readReply()
      settle(() => {
        const failure = xhr.status < 200 || xhr.status >= 300 ? failureOf(xhr.responseText, xhr.status) : reader.error()
        if (failure !== undefined) reject(new UploadFailedError('refused', failure.message, failure.name))
        else resolve(imported)
      })
    }
    xhr.onerror = () => { settle(() => { reject(new UploadFailedError('gone', t.upload.lost)) }) }
    xhr.onabort = () => { settle(() => { reject(new UploadFailedError('cancelled', t.upload.cancelled)) }) }
    signal?.addEventListener('abort', onAbort, { once: true })
    xhr.open('POST', addUrl(request.origin, request.folder))
    xhr.send(buildForm(request.entries))
  })
}
