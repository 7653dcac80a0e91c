/**
 * A Blockstore on disk in Kubo's flatfs layout, built for throughput.
 *
 * `put` writes the block to a temporary file and returns; the file is not
 * yet synced. Temporary files are synced in batches (many fsyncs in flight
 * at once, which the file system commits together), then renamed into their
 * shard, so a file under a final name is always complete. `sync` flushes
 * the batch and syncs every directory a rename touched: only then is a
 * block durable, and only then does a command report success. Temporary
 * files left by a crash are removed on open. A full or read-only disk is a
 * named error (disk-errors.ts); the block it refused is not stored.
 */
import { close, fdatasync, open, statSync, write } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { BlockNotFoundError } from '../../block/errors.ts'
import { syncDir } from '../atomic-file.ts'
import { diskError, makeDir } from '../disk-errors.ts'
import { SHARDING, blockKey, cidOfFileName, shardOf } from './flatfs-key.ts'
import type { Blockstore } from '../../block/blockstore.ts'
import type { CID } from 'multiformats/cid'

/** Options of a FlatfsBlockstore. */
export interface FlatfsInit {
  /** Temporary files written before a batch is synced and renamed. */
  batchFiles?: number
}

interface Pending {
  readonly key: string
  readonly tmp: string
  readonly shard: string
  readonly final: string
  readonly fd: number
}

const openFd = promisify(open)
const writeFd = promisify(write)
const syncFd = promisify(fdatasync)
const closeFd = promisify(close)

const TEMP_DIR = '.temp'

/** Blocks as files under `dir`, laid out as Kubo's flatfs. */
export class FlatfsBlockstore implements Blockstore {
  readonly #dir: string
  readonly #batchFiles: number
  readonly #shards = new Set<string>()
  /** Written, not yet synced. */
  readonly #pending = new Map<string, Pending>()
  /** Being synced and renamed by a flush. */
  readonly #flushing = new Map<string, Pending>()
  readonly #touched = new Set<string>()
  #lastFlush: Promise<void> = Promise.resolve()
  /** A background flush that failed; the next `sync` reports it. */
  #failure: Error | undefined

  constructor (dir: string, init: FlatfsInit = {}) {
    this.#dir = dir
    this.#batchFiles = init.batchFiles ?? 64
  }

  /**
   * Create the layout if missing and remove temporary files left by a crash;
   * a disk that refuses is named by the repo that opens the store (repo.ts).
   */
  async open (): Promise<void> {
    await makeDir(this.#dir)
    await rm(join(this.#dir, TEMP_DIR), { recursive: true, force: true })
    await mkdir(join(this.#dir, TEMP_DIR))
    const sharding = join(this.#dir, 'SHARDING')
    await writeFile(sharding, SHARDING, { flag: 'wx' }).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err
    })
  }

  async has (cid: CID): Promise<boolean> {
    const key = blockKey(cid)
    if (this.#unsynced(key) !== undefined) return true
    return await exists(this.#path(key))
  }

  async get (cid: CID): Promise<Uint8Array> {
    const key = blockKey(cid)
    const pending = this.#unsynced(key)
    // A block about to be fetched is absent: say so without a failed open on the thread pool.
    if (pending === undefined && !existsNow(this.#path(key))) throw new BlockNotFoundError(`block ${cid.toString()} not found`)
    try {
      return await readFile(pending?.tmp ?? this.#path(key))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      if (pending !== undefined) return await readFile(this.#path(key))
      throw new BlockNotFoundError(`block ${cid.toString()} not found`)
    }
  }

  async put (cid: CID, bytes: Uint8Array): Promise<void> {
    const key = blockKey(cid)
    if (this.#unsynced(key) !== undefined || existsNow(this.#path(key))) return
    const shard = shardOf(key)
    const tmp = join(this.#dir, TEMP_DIR, `${key}.${randomBytes(4).toString('hex')}`)
    const fd = await openFd(tmp, 'wx').catch((err: unknown) => { throw diskError(err, this.#dir) })
    try {
      for (let written = 0; written < bytes.byteLength;) {
        written += (await writeFd(fd, bytes.subarray(written))).bytesWritten
      }
    } catch (err) {
      await closeFd(fd)
      await rm(tmp, { force: true })
      throw diskError(err, this.#dir)
    }
    if (this.#unsynced(key) !== undefined) {
      await closeFd(fd)
      await rm(tmp, { force: true })
      return
    }
    this.#pending.set(key, { key, tmp, shard, final: this.#path(key), fd })
    if (this.#pending.size < this.#batchFiles) return
    const flush = this.#flush()
    if (this.#flushing.size > 4 * this.#batchFiles) await flush
    else flush.catch(() => {})
  }

  async sync (): Promise<void> {
    await this.#flush()
    const failure = this.#failure
    this.#failure = undefined
    if (failure !== undefined) throw failure
    const dirs = [...this.#touched]
    this.#touched.clear()
    await Promise.all(dirs.map(syncDir))
  }

  async delete (cid: CID): Promise<void> {
    await this.#flush()
    const key = blockKey(cid)
    try {
      await unlink(this.#path(key))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new BlockNotFoundError(`block ${cid.toString()} not found`)
      throw diskError(err, this.#dir)
    }
    this.#touched.add(join(this.#dir, shardOf(key)))
  }

  async * list (): AsyncIterable<CID> {
    await this.#flush()
    for (const shard of (await readdir(this.#dir)).sort()) {
      if (shard === TEMP_DIR || shard.length !== 2) continue
      for (const name of (await readdir(join(this.#dir, shard))).sort()) {
        const cid = cidOfFileName(name)
        if (cid !== undefined) yield cid
      }
    }
  }

  async size (cid: CID): Promise<number> {
    const key = blockKey(cid)
    try {
      return (await stat(this.#unsynced(key)?.tmp ?? this.#path(key))).size
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new BlockNotFoundError(`block ${cid.toString()} not found`)
      throw err
    }
  }

  #path (key: string): string {
    return join(this.#dir, shardOf(key), `${key}.data`)
  }

  #unsynced (key: string): Pending | undefined {
    return this.#pending.get(key) ?? this.#flushing.get(key)
  }

  /**
   * Sync and rename every pending file. Flushes run one after another, so
   * the promise of the last one settles after every earlier batch.
   */
  async #flush (): Promise<void> {
    const batch = [...this.#pending.values()]
    this.#pending.clear()
    for (const p of batch) this.#flushing.set(p.key, p)
    const current = this.#lastFlush.then(async () => { await this.#commit(batch) })
    this.#lastFlush = current.catch(() => {})
    try {
      await current
    } catch (err) {
      const failure = diskError(err, this.#dir) as Error
      this.#failure ??= failure
      throw failure
    } finally {
      for (const p of batch) this.#flushing.delete(p.key)
    }
  }

  async #commit (batch: Pending[]): Promise<void> {
    if (batch.length === 0) return
    await Promise.all(batch.map(async (p) => {
      try {
        await syncFd(p.fd)
      } finally {
        await closeFd(p.fd)
      }
    }))
    for (const shard of new Set(batch.map((p) => p.shard))) {
      if (this.#shards.has(shard)) continue
      await makeDir(join(this.#dir, shard))
      this.#shards.add(shard)
      this.#touched.add(this.#dir)
    }
    await Promise.all(batch.map(async (p) => {
      await rename(p.tmp, p.final)
      this.#touched.add(join(this.#dir, p.shard))
    }))
  }
}

/**
 * Whether a block file exists, asked synchronously: a stat that the
 * directory cache answers costs microseconds, far less than a round trip
 * through the thread pool, and `put` and `get` ask it once per block.
 */
function existsNow (path: string): boolean {
  return statSync(path, { throwIfNoEntry: false }) !== undefined
}

async function exists (path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw err
  }
}
