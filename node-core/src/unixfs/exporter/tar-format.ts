/**
 * The bytes of a tar archive, as Go's archive/tar writes them for Kubo's
 * `get`: a USTAR header per entry (a long ASCII path split into prefix and
 * name), and a PAX extended header before it when USTAR cannot hold the
 * path, link target, size or mtime (non-ASCII or too long names, files of
 * 8 GiB and more, times before 1970).
 */

/** Bytes in a tar block. */
export const BLOCK = 512

/** One archive entry's header fields. */
export interface TarHeader {
  /** Path inside the archive, `/`-separated. */
  name: string
  type: 'file' | 'directory' | 'symlink'
  /** Permission bits. */
  mode: number
  /** File size in bytes (0 for other types). */
  size: number
  /** Modification time, whole seconds since the epoch. */
  mtime: number
  /** Symlink target. */
  linkname?: string
}

const TYPEFLAG = { file: '0', directory: '5', symlink: '2' } as const
/** The largest value an 11-digit octal field holds. */
const MAX_OCTAL_11 = 0o77777777777
const encoder = new TextEncoder()

/** The header block(s) of one entry: a PAX header first when USTAR cannot hold it. */
export function tarHeader (header: TarHeader): Uint8Array {
  const pax: Record<string, string> = {}
  const split = splitUstarPath(header.name)
  if (split === undefined) pax.path = header.name
  const linkname = header.linkname ?? ''
  if (!fitsUstar(linkname, 100)) pax.linkpath = linkname
  if (header.size > MAX_OCTAL_11) pax.size = String(header.size)
  if (header.mtime < 0 || header.mtime > MAX_OCTAL_11) pax.mtime = String(header.mtime)
  const block = ustarBlock({
    name: split?.name ?? asciiPrefix(header.name, 100),
    prefix: split?.prefix ?? '',
    typeflag: TYPEFLAG[header.type],
    mode: header.mode & 0o7777,
    size: header.size > MAX_OCTAL_11 ? 0 : header.size,
    mtime: Math.min(Math.max(header.mtime, 0), MAX_OCTAL_11),
    linkname: fitsUstar(linkname, 100) ? linkname : asciiPrefix(linkname, 100)
  })
  if (Object.keys(pax).length === 0) return block
  const records = encoder.encode(Object.entries(pax).map(([key, value]) => paxRecord(key, value)).join(''))
  const paxHeader = ustarBlock({ name: 'PaxHeaders.0/' + asciiPrefix(header.name.split('/').pop() ?? '', 80), prefix: '', typeflag: 'x', mode: 0o644, size: records.byteLength, mtime: 0, linkname: '' })
  const out = new Uint8Array(BLOCK + padded(records.byteLength) + BLOCK)
  out.set(paxHeader, 0)
  out.set(records, BLOCK)
  out.set(block, BLOCK + padded(records.byteLength))
  return out
}

/** Zero bytes that fill the last block of `size` bytes of content. */
export function tarPadding (size: number): Uint8Array {
  return new Uint8Array(padded(size) - size)
}

/** The end of an archive: two zero blocks. */
export function tarEnd (): Uint8Array {
  return new Uint8Array(2 * BLOCK)
}

/** `size` rounded up to whole blocks. */
function padded (size: number): number {
  return Math.ceil(size / BLOCK) * BLOCK
}

/** A PAX record: `<length> <key>=<value>\n`, the length counting itself. */
function paxRecord (key: string, value: string): string {
  const rest = ` ${key}=${value}\n`
  const bytes = encoder.encode(rest).byteLength
  let length = bytes + String(bytes).length
  if (String(length).length !== String(bytes).length) length = bytes + String(length).length
  return `${length}${rest}`
}

/** True when `text` is ASCII without NUL and at most `max` bytes. */
function fitsUstar (text: string, max: number): boolean {
  if (text.length > max) return false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0 || code > 0x7f) return false
  }
  return true
}

/** The first `max` characters of `text` with anything but printable ASCII replaced (USTAR's fallback name beside a PAX path). */
function asciiPrefix (text: string, max: number): string {
  return text.replace(/[^\x20-\x7e]/g, '_').slice(0, max)
}

/** USTAR's split of a path into a prefix (≤155 bytes) and a name (≤100 bytes) at a `/`; undefined if none fits. */
function splitUstarPath (path: string): { prefix: string, name: string } | undefined {
  if (!fitsUstar(path, 256)) return undefined
  if (path.length <= 100) return { prefix: '', name: path }
  for (let i = path.length - 1; i > 0; i--) {
    if (path[i] !== '/') continue
    const prefix = path.slice(0, i)
    const name = path.slice(i + 1)
    if (name.length > 100 || name === '') return undefined
    if (prefix.length <= 155) return { prefix, name }
  }
  return undefined
}

interface UstarFields {
  name: string
  prefix: string
  typeflag: string
  mode: number
  size: number
  mtime: number
  linkname: string
}

/** One 512-byte USTAR header block, checksum included. */
function ustarBlock (fields: UstarFields): Uint8Array {
  const block = new Uint8Array(BLOCK)
  const put = (offset: number, width: number, text: string): void => { block.set(encoder.encode(text).subarray(0, width), offset) }
  const octal = (offset: number, width: number, value: number): void => { put(offset, width, value.toString(8).padStart(width - 1, '0') + '\0') }
  put(0, 100, fields.name)
  octal(100, 8, fields.mode)
  octal(108, 8, 0)
  octal(116, 8, 0)
  octal(124, 12, fields.size)
  octal(136, 12, fields.mtime)
  put(148, 8, '        ')
  put(156, 1, fields.typeflag)
  put(157, 100, fields.linkname)
  put(257, 6, 'ustar\0')
  put(263, 2, '00')
  octal(329, 8, 0)
  octal(337, 8, 0)
  put(345, 155, fields.prefix)
  let sum = 0
  for (const byte of block) sum += byte
  put(148, 8, sum.toString(8).padStart(6, '0') + '\0 ')
  return block
}
