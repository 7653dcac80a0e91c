/**
 * File names that arrive from another device: an offer's paths and the
 * names it is saved under must stay inside the inbox folder on every
 * system, so each segment is refused if it is empty, `.` or `..`, holds a
 * separator, NUL or control character, a character Windows forbids, ends
 * in a dot or space, or is a Windows device name (`CON`, `com1.txt`, ...).
 * And a name taken in the inbox folder gets " (1)", " (2)"... before its
 * extension, as a file manager does.
 */
import { UnsafeFileNameError } from './errors.ts'
import { MAX_NAME_BYTES, MAX_PATH_BYTES } from './limits.ts'

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f<>:"/\\|?*]/

/** Whether `text` holds a control character (C0, DEL, C1) or a bidirectional control that can disguise a name (`report\u202Efdp.exe`). */
export function hasControlCharacter (text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c) return true
  }
  return false
}

/** `name` if it is one safe path segment; UnsafeFileNameError saying why otherwise. */
export function safeSegment (name: string): string {
  const why = unsafeBecause(name)
  if (why !== undefined) throw new UnsafeFileNameError(`${JSON.stringify(name.slice(0, 100))} ${why}`)
  return name
}

function unsafeBecause (name: string): string | undefined {
  if (name === '' || name === '.' || name === '..') return 'is not a file name'
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) return `is longer than ${MAX_NAME_BYTES} bytes`
  if (FORBIDDEN.test(name) || hasControlCharacter(name)) return 'holds a separator, a control character or a character Windows forbids'
  if (/[. ]$/.test(name)) return 'ends in a dot or a space'
  if (WINDOWS_DEVICE.test(name)) return 'is a Windows device name'
  return undefined
}

/** A `/`-separated relative path whose every segment is safe. */
export function safeRelativePath (path: string): string {
  if (Buffer.byteLength(path) > MAX_PATH_BYTES) throw new UnsafeFileNameError(`a path is longer than ${MAX_PATH_BYTES} bytes`)
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) throw new UnsafeFileNameError(`${JSON.stringify(path.slice(0, 100))} is absolute`)
  for (const segment of path.split('/')) safeSegment(segment)
  return path
}

/** The first of `name`, `name (1)`, `name (2)`... (the number before the extension) that `taken` says is free. */
export async function freeName (name: string, taken: (candidate: string) => Promise<boolean>): Promise<string> {
  const dot = name.lastIndexOf('.')
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, '']
  for (let n = 0; n < 10_000; n++) {
    const suffix = n === 0 ? '' : ` (${n})`
    // The number must fit in a name's bytes: the stem gives way (whole characters).
    let cut = stem
    while (cut !== '' && Buffer.byteLength(cut + suffix + ext) > MAX_NAME_BYTES) cut = [...cut].slice(0, -1).join('')
    const candidate = n === 0 && cut === stem ? name : `${cut}${suffix}${ext}`
    if (!await taken(candidate)) return candidate
  }
  throw new UnsafeFileNameError(`no free name like ${JSON.stringify(name)} in the inbox folder`)
}
