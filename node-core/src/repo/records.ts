/**
 * Durable named records in the repo: pins, keys, the MFS root, IPNS state.
 *
 * Each record is one small file under `$PLANETARY_PATH/records/<namespace>/`,
 * replaced atomically and fsynced (file and directory) before a write
 * resolves, so an acknowledged record survives a crash and a crash mid-write
 * leaves the old record or the new one, never a mix. Names are restricted to
 * `[A-Za-z0-9._-]` so that none can escape the directory.
 */
import { readFile, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { syncDir, writeFileAtomic } from './atomic-file.ts'
import { diskError, makeDir, writingTo } from './disk-errors.ts'
import { InvalidRecordNameError } from './errors.ts'

const NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/

function checked (name: string): string {
  if (!NAME.test(name)) throw new InvalidRecordNameError(`record name ${JSON.stringify(name.slice(0, 100))} is not [A-Za-z0-9._-]{1,200}`)
  return name
}

/** One namespace of records. */
export class RecordStore {
  readonly #dir: string
  readonly #mode: number
  #ready: Promise<void> | undefined

  /** Records in `dir`, files created with `mode` (0o600 for secrets). */
  constructor (dir: string, mode = 0o644) {
    this.#dir = dir
    this.#mode = mode
  }

  async #open (): Promise<void> {
    // A failed mkdir (a full disk, say) is tried again by the next write.
    this.#ready ??= writingTo(this.#dir, async () => { await makeDir(this.#dir, 0o700) }).catch((err: unknown) => {
      this.#ready = undefined
      throw err
    })
    await this.#ready
  }

  /** The record `name`, or undefined. */
  async get (name: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(join(this.#dir, checked(name))))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw err
    }
  }

  /** Write `name` durably. */
  async put (name: string, data: Uint8Array | string): Promise<void> {
    await this.#open()
    await writeFileAtomic(join(this.#dir, checked(name)), data, this.#mode)
  }

  /** Remove `name` durably; false if it was not there. */
  async delete (name: string): Promise<boolean> {
    const path = join(this.#dir, checked(name))
    try {
      await rm(path)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false
      throw diskError(err, this.#dir)
    }
    await writingTo(this.#dir, async () => { await syncDir(this.#dir) })
    return true
  }

  /** Every record name (temporary files left by a crash are skipped). */
  async names (): Promise<string[]> {
    try {
      return (await readdir(this.#dir)).filter((n) => !n.startsWith('.')).sort()
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw err
    }
  }
}
