/**
 * Durable, atomic replacement of a small file.
 *
 * The new content goes to a temporary file beside the target, is synced,
 * renamed over the target, and the directory is synced: after a crash the
 * target holds either the old or the new content, never a mix. A full or
 * read-only disk is a named error (disk-errors.ts).
 */
import { open, rename, rm } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import { writingTo } from './disk-errors.ts'

/** Replace `path` with `data` atomically and durably. */
export async function writeFileAtomic (path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  await writingTo(path, async () => { await replace(path, data, mode) })
}

async function replace (path: string, data: string | Uint8Array, mode: number): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const file = await open(tmp, 'wx', mode)
  try {
    await file.writeFile(data)
    await file.datasync()
  } catch (err) {
    await file.close()
    await rm(tmp, { force: true })
    throw err
  }
  await file.close()
  await rename(tmp, path)
  await syncDir(dirname(path))
}

/** fsync a directory so that renames and creations in it are durable. */
export async function syncDir (dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
