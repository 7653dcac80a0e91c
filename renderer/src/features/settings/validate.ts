/**
 * Checking typed values before they are sent, by the rules the node's
 * config schema applies (so a bad value never leaves the page), with the
 * message to show beside the field.
 */
import { settings as texts } from '../../texts/settings.ts'

/** A value ready to send, or what is wrong with the text. */
export type Checked<T> = { ok: true, value: T } | { ok: false, error: string }

const SIZE = /^(\d+(?:\.\d+)?)\s*([KMGT]i?B|B)?$/i

const UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KIB: 2 ** 10, MIB: 2 ** 20, GIB: 2 ** 30, TIB: 2 ** 40 }

/** Bytes in a size like `10GB` or `256 KiB` (the node's rule), or undefined. */
export function sizeBytes (text: string): number | undefined {
  const match = SIZE.exec(text.trim())
  if (match === null) return undefined
  const unit = UNITS[(match[2] ?? 'B').toUpperCase()]
  return unit === undefined ? undefined : Math.floor(Number(match[1]) * unit)
}

/** `Datastore.StorageMax`: a size above zero, sent as typed (trimmed). */
export function checkStorageMax (text: string): Checked<string> {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, error: texts.storage.sizeEmpty }
  const bytes = sizeBytes(trimmed)
  if (bytes === undefined) return { ok: false, error: texts.storage.sizeBad(trimmed.slice(0, 40)) }
  if (bytes <= 0) return { ok: false, error: texts.storage.sizeZero }
  return { ok: true, value: trimmed }
}

/** `Datastore.StorageGCWatermark`: a whole number from 1 to 100. */
export function checkWatermark (text: string): Checked<number> {
  const trimmed = text.trim().replace(/%$/, '').trim()
  if (!/^\d{1,3}$/.test(trimmed)) return { ok: false, error: texts.storage.percentBad }
  const n = Number(trimmed)
  return n >= 1 && n <= 100 ? { ok: true, value: n } : { ok: false, error: texts.storage.percentBad }
}

/** A device name: 1 to 64 characters, no control characters (trimmed). */
export function checkDeviceName (text: string): Checked<string> {
  const name = text.trim()
  if (name === '') return { ok: false, error: texts.device.nameEmpty }
  if (name.length > 64) return { ok: false, error: texts.device.nameLong }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return { ok: false, error: texts.device.nameControl }
  return { ok: true, value: name }
}

/** The inbox folder: an absolute path on the node's computer (`/…`, `C:\\…`, `\\\\server\\…`), no NUL. */
export function checkFolder (text: string): Checked<string> {
  const path = text.trim()
  if (path === '') return { ok: false, error: texts.device.folderEmpty }
  if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path) || path.includes('\0')) return { ok: false, error: texts.device.folderRelative }
  if (path.length > 4096) return { ok: false, error: texts.device.folderRelative }
  return { ok: true, value: path }
}
