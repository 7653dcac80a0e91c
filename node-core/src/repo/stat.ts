/**
 * `repo stat`: the repo's blocks counted and sized, with its path, format
 * version and storage limit, as Kubo's `ipfs repo stat` reports them
 * (`RepoSize` here is the bytes of the stored blocks).
 */
import { BlockNotFoundError } from '../block/errors.ts'
import { parseSize } from './config/size.ts'
import type { AbortOptions } from '../abort.ts'
import type { Repo } from './repo.ts'

/** Kubo's `repo stat` fields. */
export interface RepoStat {
  RepoSize: number
  StorageMax: number
  NumObjects: number
  RepoPath: string
  /** `fs-repo@<version>`. */
  Version: string
}

/** Count and size every stored block of `repo`. */
export async function repoStat (repo: Pick<Repo, 'blockstore' | 'config' | 'path'>, options: AbortOptions = {}): Promise<RepoStat> {
  let objects = 0
  let size = 0
  for await (const cid of repo.blockstore.list(options)) {
    try {
      size += await repo.blockstore.size(cid, options)
      objects++
    } catch (err) {
      // removed since it was listed (a GC running beside the count)
      if (!(err instanceof BlockNotFoundError)) throw err
    }
  }
  return {
    RepoSize: size,
    StorageMax: parseSize(repo.config.Datastore.StorageMax),
    NumObjects: objects,
    RepoPath: repo.path,
    Version: `fs-repo@${repo.config.Version}`
  }
}
