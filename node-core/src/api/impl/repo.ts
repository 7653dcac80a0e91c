/**
 * The `repo` namespace: how big the repo is, and collecting garbage.
 */
import { parseSize } from '../../repo/config/size.ts'
import type { PlanetaryNode } from '../../node.ts'
import type { Implementation } from '../dispatch.ts'

type RepoMethods = Pick<Implementation, 'repo.stat' | 'repo.gc'>

/** The `repo` methods over `node`. */
export function repoMethods (node: PlanetaryNode): RepoMethods {
  const store = node.repo.blockstore
  return {
    'repo.stat': async (_input, { signal }) => {
      let size = 0
      let blocks = 0
      for await (const cid of store.list()) {
        signal.throwIfAborted()
        size += await store.size(cid)
        blocks++
      }
      return { path: node.repo.path, size, blocks, storageMax: parseSize(node.repo.config.Datastore.StorageMax) }
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
