// MFS test helpers: an Mfs over a temporary repo (reopenable), byte
// sources cut in pieces of a chosen size, and stream collection.
import { join } from 'node:path'
import { GcLock } from '../../src/gc/lock.ts'
import { Mfs } from '../../src/mfs/mfs.ts'
import { initRepo, openRepo } from '../../src/repo/repo.ts'
import { resolveImporterOptions } from '../../src/unixfs/importer/resolve-options.ts'
import { tempDir } from '../helpers/cli.ts'
import type { Repo } from '../../src/repo/repo.ts'
import type { Config } from '../../src/repo/config/schema.ts'

/** An Mfs over an open temporary repo. */
export interface MfsRepo {
  path: string
  repo: Repo
  mfs: Mfs
  lock: GcLock
  /** Close the repo and open it again, with a new Mfs. */
  reopen(): Promise<void>
  /** Close the repo and remove it. */
  cleanup(): Promise<void>
}

/** A fresh repo (test profile, `edit` applied to its config) and its Mfs. */
export async function mfsRepo (edit: (config: Config) => Config = (c) => c): Promise<MfsRepo> {
  const dir = await tempDir('planetary-mfs-')
  const path = join(dir.path, 'repo')
  await initRepo(path, 'test')
  const first = await openRepo(path)
  await first.saveConfig(edit(first.config))
  const open = (repo: Repo): { repo: Repo, mfs: Mfs, lock: GcLock } => {
    const lock = new GcLock()
    const mfs = new Mfs({ store: repo.blockstore, records: repo.records('mfs'), lock, importer: resolveImporterOptions(repo.config.Import, {}) })
    return { repo, mfs, lock }
  }
  const state: MfsRepo = {
    path,
    ...open(first),
    async reopen () {
      await state.mfs.stop()
      await state.repo.close()
      Object.assign(state, open(await openRepo(path)))
    },
    async cleanup () {
      await state.mfs.stop()
      await state.repo.close()
      await dir.cleanup()
    }
  }
  return state
}

/** `bytes` as a stream of pieces of at most `piece` bytes. */
export async function * pieces (bytes: Uint8Array | string, piece = 65536): AsyncIterable<Uint8Array> {
  const all = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes
  for (let at = 0; at < all.byteLength; at += piece) yield all.subarray(at, Math.min(all.byteLength, at + piece))
}

/** Everything a stream yields, as one Buffer. */
export async function collect (chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = []
  for await (const chunk of chunks) parts.push(chunk)
  return Buffer.concat(parts)
}
