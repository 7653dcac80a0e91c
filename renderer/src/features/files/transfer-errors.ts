/**
 * Why a transfer ended without success, in the Files page's words: known
 * failures (cancelled, the node gone, the name taken, the folder gone,
 * content not found) get their own sentence; the node's own message is
 * kept only as a detail under it.
 */
import { errorText } from '../../texts/errors.ts'
import { files as t } from '../../texts/files.ts'
import { UploadFailedError } from '../../lib/upload.ts'

/** How a failed or cancelled transfer is shown. */
export interface TransferFailure {
  status: 'failed' | 'cancelled'
  /** What happened, in words. */
  error: string | undefined
  /** The node's own message, when it said more. */
  detail: string | undefined
}

const CANCELLED = new Set(['CallCancelledError', 'AbortError'])
const GONE = new Set(['TransportClosedError', 'NotConnectedError'])
const EXISTS = new Set(['MfsExistsError', 'FileExistsError', 'AlreadyExistsError'])
const FOLDER_GONE = new Set(['MfsNotFoundError', 'MfsNotADirectoryError', 'NotADirectoryError'])
const NOT_FOUND = new Set(['BlockNotFoundError', 'PathNotFoundError', 'NotFoundError'])

function failed (error: string, detail?: string): TransferFailure {
  return { status: 'failed', error, detail: detail === undefined || detail === '' ? undefined : detail.slice(0, 300) }
}

/** The failure shown for `err`, thrown by an upload (UploadFailedError) or a call to the node. */
export function transferFailure (err: unknown): TransferFailure {
  const cancelled: TransferFailure = { status: 'cancelled', error: undefined, detail: undefined }
  if (err instanceof UploadFailedError) {
    if (err.reason === 'cancelled') return cancelled
    if (err.reason === 'gone') return failed(t.transfers.gone)
  }
  const { name: rawName, message: rawMessage } = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown, message?: unknown }
  const name = err instanceof UploadFailedError ? err.nodeError : typeof rawName === 'string' ? rawName : undefined
  const message = typeof rawMessage === 'string' ? rawMessage : undefined
  if (name !== undefined && CANCELLED.has(name)) return cancelled
  if (name !== undefined && GONE.has(name)) return failed(t.transfers.gone)
  // An older node sends no error name: its message says a place is taken.
  if ((name !== undefined && EXISTS.has(name)) || (name === undefined && /already exists/i.test(message ?? ''))) return failed(t.transfers.exists, message)
  if (name !== undefined && FOLDER_GONE.has(name)) return failed(t.transfers.folderGone, message)
  if (name !== undefined && NOT_FOUND.has(name)) return failed(t.transfers.notFound, message)
  if (err instanceof UploadFailedError) return failed(t.transfers.refused, message)
  return failed(errorText(err))
}
