/**
 * `/api/v0/repo/stat`, `repo/verify` and `repo/version`, in Kubo's shapes
 * (`repo/gc` is with the pins, in pin.ts).
 */
import { verifyBlock } from '../../../block/block.ts'
import { CONFIG_VERSION } from '../../../repo/config/schema.ts'
import { RepoCorruptError } from '../../../repo/errors.ts'
import { repoStat } from '../../../repo/stat.ts'
import { flag } from '../handler.ts'
import type { AbortOptions } from '../../../abort.ts'
import type { Blockstore } from '../../../block/blockstore.ts'
import type { RpcHandler } from '../handler.ts'

/** `repo/stat [size-only]`: every field always present, as Kubo's JSON has them (zero with `size-only`). */
export const repoStatHandler: RpcHandler = async (request) => {
  const stat = await repoStat(request.node.repo, { signal: request.signal })
  if (!flag(request, 'size-only')) return stat
  return { RepoSize: stat.RepoSize, StorageMax: stat.StorageMax, NumObjects: 0, RepoPath: '', Version: '' }
}

/** One line of `repo verify`, as Kubo's VerifyProgress. */
export interface VerifyLine {
  Msg: string
  Progress: number
}

/**
 * `repo verify`: every stored block read and checked against its hash.
 * Kubo's lines: `block <cid> was corrupt (<why>)` for each bad block, the
 * count checked after each block, then `verify complete, all blocks
 * validated.`; or, when any was bad, RepoCorruptError at the end.
 */
export async function * verifyAll (store: Pick<Blockstore, 'list' | 'get'>, options: AbortOptions = {}): AsyncIterable<VerifyLine> {
  let checked = 0
  let corrupt = 0
  for await (const cid of store.list()) {
    options.signal?.throwIfAborted()
    try {
      verifyBlock(cid, await store.get(cid, options))
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err
      corrupt++
      yield { Msg: `block ${cid.toString()} was corrupt (${(err as Error).message})`, Progress: 0 }
    }
    yield { Msg: '', Progress: ++checked }
  }
  if (corrupt > 0) throw new RepoCorruptError(`verify complete, ${corrupt} of ${checked} blocks were corrupt`)
  yield { Msg: 'verify complete, all blocks validated.', Progress: 0 }
}

/** `repo/verify`: the lines of `verifyAll`, streamed. */
export const repoVerifyHandler: RpcHandler = async (request) => verifyAll(request.node.repo.blockstore, { signal: request.signal })

/** `repo/version`: the repo format version, as Kubo's fs-repo number. */
export const repoVersion: RpcHandler = async () => ({ Version: String(CONFIG_VERSION) })
