/**
 * The body of an RPC `add`, as Kubo's CLI sends it: one multipart part per
 * file, directory and symlink, depth first with directory entries sorted,
 * hidden names skipped unless asked, `mode`/`mtime` headers when they are
 * to be kept. File bytes stream from disk; nothing is held in memory.
 */
import { createReadStream } from 'node:fs'
import { lstat, readdir, readlink } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { UsageError } from './errors.ts'
import type { Readable } from 'node:stream'

/** What is uploaded: paths on disk, or stdin under a name. */
export interface UploadOptions {
  recursive: boolean
  hidden: boolean
  preserveMode: boolean
  preserveMtime: boolean
}

/** Plain inputs (`block put`, `dag put`, `dag import`): files only, no metadata. */
export const PLAIN_UPLOAD: UploadOptions = { recursive: false, hidden: true, preserveMode: false, preserveMtime: false }

const encoder = new TextEncoder()

/** A multipart body and its content type. */
export function multipartBody (paths: string[], stdin: Readable | undefined, stdinName: string, options: UploadOptions): { contentType: string, body: AsyncIterable<Uint8Array> } {
  const boundary = `planetary-${randomBytes(12).toString('hex')}`
  const head = (name: string, type: string, headers: Record<string, string>): Uint8Array => encoder.encode([
    `--${boundary}`,
    `Content-Disposition: form-data; name="file"; filename="${encodeURIComponent(name)}"`,
    `Content-Type: ${type}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    '', ''
  ].join('\r\n'))
  const crlf = encoder.encode('\r\n')
  async function * walk (path: string, name: string, top: boolean): AsyncIterable<Uint8Array> {
    const info = await lstat(path, { bigint: true })
    const meta: Record<string, string> = {}
    if (options.preserveMode && !info.isSymbolicLink()) meta.mode = (info.mode & 0o7777n).toString(8).padStart(4, '0')
    if (options.preserveMtime) {
      meta.mtime = String(info.mtimeNs / 1_000_000_000n)
      meta['mtime-nsecs'] = String(info.mtimeNs % 1_000_000_000n)
    }
    if (info.isSymbolicLink()) {
      yield head(name, 'application/symlink', meta)
      yield encoder.encode(await readlink(path))
      yield crlf
    } else if (info.isDirectory()) {
      if (!options.recursive) throw new UsageError(`${path} is a directory, use the '-r' flag to specify directories`)
      yield head(name, 'application/x-directory', meta)
      yield crlf
      const names = (await readdir(path)).filter((n) => options.hidden || !n.startsWith('.')).sort()
      for (const child of names) yield * walk(join(path, child), `${name}/${child}`, false)
    } else if (info.isFile()) {
      yield head(name, 'application/octet-stream', meta)
      yield * createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Uint8Array>
      yield crlf
    } else if (top) {
      throw new UsageError(`${path}: unsupported file type (not a file, directory or symlink)`)
    }
  }
  async function * body (): AsyncIterable<Uint8Array> {
    if (paths.length === 0 && stdin !== undefined) {
      yield head(stdinName, 'application/octet-stream', {})
      yield * stdin as AsyncIterable<Uint8Array>
      yield crlf
    }
    for (const path of paths) yield * walk(path, basename(resolve(path)), true)
    yield encoder.encode(`--${boundary}--\r\n`)
  }
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: body() }
}
