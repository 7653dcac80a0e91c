/**
 * The `repo` namespace: how big the repo is, and collecting garbage.
 */
import { repoStat } from '../../repo/stat.ts'
import type { PlanetaryNode } from '../../node.ts'
import type { Implementation } from '../dispatch.ts'

type RepoMethods = Pick<Implementation, 'repo.stat' | 'repo.gc'>

/** The `repo` methods over `node`. */
export function repoMethods (node: PlanetaryNode): RepoMethods {
  return {
    'repo.stat': async (_input, { signal }) => {
      const stat = await repoStat(node.repo, { signal })
      return { path: stat.RepoPath, size: stat.RepoSize, blocks: stat.NumObjects, storageMax: stat.StorageMax }
    },
    'repo.gc': async (_input, { signal, progress }) => {
      let removed = 0
      let bytes = 0
      for await (const block of node.gc({ signal })) {
        removed++
        bytes += block.bytes
        progress({ removed, bytes })
      }
      return { removed, bytes }
    }
  }
}
