/**
 * A repo on disk: `init` creates one, `openRepo` takes its lock and opens
 * its config, blockstore and datastore. What a command may not need (the
 * datastore, key generation) is loaded on first use: start-up time is
 * part of every command's time.
 */
import { access, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { IdentityBlockstore } from '../block/identity-blockstore.ts'
import { FlatfsBlockstore } from './blockstore/flatfs.ts'
import { defaultConfig } from './config/defaults.ts'
import { applyProfiles } from './config/profiles.ts'
import { readConfig, writeConfig } from './config/store.ts'
import { lockRepo } from './lock.ts'
import { RepoExistsError, RepoNotFoundError } from './errors.ts'
import { makeDir, writingTo } from './disk-errors.ts'
import { repoLayout } from './paths.ts'
import { RecordStore } from './records.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { Config } from './config/schema.ts'
import type { Datastore } from 'interface-datastore'
import type { RepoDatastore } from './datastore.ts'

/** An open repo, owned by this process until `close`. */
export interface Repo {
  readonly path: string
  readonly config: Config
  readonly blockstore: Blockstore
  /** The key-value datastore, opened on first use. */
  datastore(): Promise<Datastore>
  /** Durable named records of one kind (`pins`, `keys`, `mfs`, ...); `secret` ones are readable by the owner only. */
  records(namespace: string, secret?: boolean): RecordStore
  /** Validate and persist a new config. */
  saveConfig(config: Config): Promise<void>
  close(): Promise<void>
}

/** Create a repo at `dir` with a new identity and the profiles given; a disk that refuses is a named error (disk-errors.ts). */
export async function initRepo (dir: string, profiles = ''): Promise<Config> {
  if (await repoExists(dir)) throw new RepoExistsError(`a repo already exists at ${dir}`)
  return await writingTo(dir, async () => await create(dir, profiles))
}

async function create (dir: string, profiles: string): Promise<Config> {
  const layout = repoLayout(dir)
  await makeDir(dir, 0o700)
  const leftovers = (await readdir(dir)).filter((name) => !name.startsWith('.'))
  if (leftovers.length > 0) throw new RepoExistsError(`${dir} is not empty and holds no repo: refusing to init there`)
  const lock = await lockRepo(dir)
  try {
    const { createIdentity } = await import('./identity.ts')
    const config = applyProfiles(defaultConfig(await createIdentity()), profiles)
    const blocks = new FlatfsBlockstore(layout.blocks)
    await blocks.open()
    await mkdir(layout.datastore, { recursive: true })
    await writeConfig(layout.config, config)
    return config
  } finally {
    await lock.release()
  }
}

/** True when `dir` holds a repo (its config). */
export async function repoExists (dir: string): Promise<boolean> {
  return await exists(repoLayout(dir).config)
}

/** Open the repo at `dir`, taking its lock; a disk that refuses is a named error (disk-errors.ts). */
export async function openRepo (dir: string): Promise<Repo> {
  if (!await repoExists(dir)) {
    throw new RepoNotFoundError(`no repo at ${dir}: run 'planetary init' (or set PLANETARY_PATH to an existing repo)`)
  }
  return await writingTo(dir, async () => await openExisting(dir))
}

async function openExisting (dir: string): Promise<Repo> {
  const layout = repoLayout(dir)
  const lock = await lockRepo(dir)
  try {
    let config = await readConfig(layout.config)
    const flatfs = new FlatfsBlockstore(layout.blocks)
    await flatfs.open()
    let datastore: Promise<RepoDatastore> | undefined
    const records = new Map<string, RecordStore>()
    const openDatastore = async (): Promise<RepoDatastore> => {
      const { RepoDatastore } = await import('./datastore.ts')
      const store = new RepoDatastore(layout.datastore)
      await store.open()
      return store
    }
    return {
      path: dir,
      get config () { return config },
      blockstore: new IdentityBlockstore(flatfs),
      datastore: async () => await (datastore ??= openDatastore()),
      records: (namespace, secret = false) => {
        let store = records.get(namespace)
        if (store === undefined) {
          store = new RecordStore(join(layout.records, namespace), secret ? 0o600 : 0o644)
          records.set(namespace, store)
        }
        return store
      },
      saveConfig: async (next) => {
        await writeConfig(layout.config, next)
        config = next
      },
      close: async () => {
        try {
          await flatfs.sync()
          if (datastore !== undefined) await (await datastore).close()
        } finally {
          await lock.release()
        }
      }
    }
  } catch (err) {
    await lock.release()
    throw err
  }
}

async function exists (path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}
