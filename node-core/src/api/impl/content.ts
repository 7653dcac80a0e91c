/**
 * What the API's content methods share: where blocks come from (the repo,
 * then peers through a Bitswap session that also reports fetch progress),
 * and paths resolved to a CID, `/ipns/` names included.
 */
import { resolveEntry } from '../../unixfs/exporter/resolve.ts'
import type { FetchSession } from '../../exchange/bitswap.ts'
import type { PlanetaryNode } from '../../node.ts'
import type { AbortOptions } from '../../abort.ts'
import type { CID } from 'multiformats/cid'

/** Blocks and bytes a call has read, and how many distinct peers have sent its session blocks. */
export interface ReadCount {
  blocks: number
  bytes: number
  peers: number
}

/** A Bitswap session (its fetches are the node's `fetch:progress` events) whose reads are counted for `onRead`. */
export function countingSession (node: PlanetaryNode, onRead?: (count: ReadCount) => void): FetchSession {
  const count: ReadCount = { blocks: 0, bytes: 0, peers: 0 }
  // The session's own listener replaces the node-wide one, so it passes the event on.
  const session = node.bitswap.session((progress) => {
    count.peers = progress.peers
    node.events.emit('fetch:progress', progress)
  })
  return {
    get: async (cid: CID, options?: AbortOptions): Promise<Uint8Array> => {
      const bytes = await session.get(cid, options)
      count.blocks++
      count.bytes += bytes.byteLength
      onRead?.({ ...count })
      return bytes
    },
    stored: async () => { await session.stored() }
  }
}

/** The CID an `/ipfs/...` or `/ipns/...` path (or a bare CID) names, read through `reader`. */
export async function resolveContent (node: PlanetaryNode, reader: Pick<FetchSession, 'get'>, path: string, options: AbortOptions): Promise<CID> {
  const ipfs = path.startsWith('/ipns/') ? await node.ipns.resolve(path, options) : path
  return await resolveEntry(reader, ipfs, options)
}
