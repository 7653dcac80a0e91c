/**
 * Path resolution as Kubo does it for `cat`, `ls`, `get` and `dag get`:
 * the IPLD resolver of `dag/resolve.ts`, with dag-pb nodes read as UnixFS,
 * so that a HAMT-sharded directory is walked by the hash of the name
 * through its shard levels. dag-pb without (valid) UnixFS data is walked by
 * plain link names, as Kubo's resolver falls back to for non-UnixFS nodes.
 */
import { PathNotFoundError } from '../../dag/errors.ts'
import { parsePath } from '../../dag/path.ts'
import { plainPbLookup, resolvePath as resolveDagPath } from '../../dag/resolve.ts'
import { decodeUnixFSData } from '../format/unixfs-decode.ts'
import { hamtFind } from '../hamt/lookup.ts'
import type { AbortOptions } from '../../abort.ts'
import type { Blockstore } from '../../block/blockstore.ts'
import type { IpfsPath } from '../../dag/path.ts'
import type { PbLinkLookup, ResolveOptions, Resolved } from '../../dag/resolve.ts'
import type { PBNode } from '@ipld/dag-pb'
import type { CID } from 'multiformats/cid'

export type { Resolved } from '../../dag/resolve.ts'

/** The link `name` of a dag-pb node: through the shard levels if it is a HAMT, else by link name. */
export const unixfsPbLookup: PbLinkLookup = async (store, node, name, where, options) => {
  if (isHamt(node, where)) return await hamtFind(store, node, name, options, where)
  return await plainPbLookup(store, node, name, where, options)
}

/** Resolve `path`, walking UnixFS directories and HAMT shards by name. */
export async function resolvePath (store: Pick<Blockstore, 'get'>, path: IpfsPath, options: Omit<ResolveOptions, 'pbLookup'> = {}): Promise<Resolved> {
  return await resolveDagPath(store, path, { ...options, pbLookup: unixfsPbLookup })
}

/** The UnixFS entry a path names (`/ipfs/<cid>/a/b` or a bare CID); PathNotFoundError if it ends inside a node. */
export async function resolveEntry (store: Pick<Blockstore, 'get'>, text: string, options: AbortOptions = {}): Promise<CID> {
  const { cid, remainder } = await resolvePath(store, parsePath(text), options)
  if (remainder.length > 0) throw new PathNotFoundError(`${text}: "${remainder.join('/')}" is inside a node, not a UnixFS entry`)
  return cid
}

/** True for a UnixFS HAMT shard; dag-pb without valid UnixFS data is plain dag-pb, as in Kubo. */
function isHamt (node: PBNode, where: string): boolean {
  if (node.Data === undefined) return false
  try {
    return decodeUnixFSData(node.Data, where).type === 'hamt-sharded-directory'
  } catch {
    return false
  }
}
