/**
 * `/api/v0/repo/stat` and `repo/version`, in Kubo's shapes (`repo/gc` is
 * with the pins, in pin.ts).
 */
import { CONFIG_VERSION } from '../../../repo/config/schema.ts'
import { repoStat } from '../../../repo/stat.ts'
import { flag } from '../handler.ts'
import type { RpcHandler } from '../handler.ts'

/** `repo/stat [size-only]`: every field always present, as Kubo's JSON has them (zero with `size-only`). */
export const repoStatHandler: RpcHandler = async (request) => {
  const stat = await repoStat(request.node.repo, { signal: request.signal })
  if (!flag(request, 'size-only')) return stat
  return { RepoSize: stat.RepoSize, StorageMax: stat.StorageMax, NumObjects: 0, RepoPath: '', Version: '' }
}

/** `repo/version`: the repo format version, as Kubo's fs-repo number. */
export const repoVersion: RpcHandler = async () => ({ Version: String(CONFIG_VERSION) })
