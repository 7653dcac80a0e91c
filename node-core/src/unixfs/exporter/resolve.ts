/**
 * Resolving an IPFS path to the CID it names: through UnixFS directories
 * (HAMT shards too) by link name, through dag-cbor and dag-json maps and
 * lists by key and index, following CID links. Segments that lead into a
 * non-link value are returned as the remainder (for `dag get`).
 */
import * as dagPb from '@ipld/dag-pb'
import { CID } from 'multiformats/cid'
import { PathNotFoundError } from '../../dag/errors.ts'
import { loadNode } from '../../dag/load.ts'
import { decodeUnixFS } from '../format/unixfs-decode.ts'
import { hamtFind } from '../hamt/lookup.ts'
import type { AbortOptions } from '../../abort.ts'
import type { Blockstore } from '../../block/blockstore.ts'
import type { IpfsPath } from '../../dag/path.ts'

/** Where a path leads: the last CID reached and any segments past it. */
export interface Resolved {
  cid: CID
  remainder: string[]
}

/** Resolve `path` against the blocks in `store`. */
export async function resolvePath (store: Pick<Blockstore, 'get'>, path: IpfsPath, options?: AbortOptions): Promise<Resolved> {
  let cid = path.root
  const segments = [...path.segments]
  let walked = cid.toString()
  while (segments.length > 0) {
    const node = await loadNode(store, cid, options)
    if (cid.code === dagPb.code) {
      const pb = node as dagPb.PBNode
      const name = segments.shift() ?? ''
      const link = decodeUnixFS(pb, walked).type === 'hamt-sharded-directory'
        ? await hamtFind(store, pb, name, options)
        : pb.Links.find((l) => l.Name === name)
      if (link === undefined) throw new PathNotFoundError(`no link named "${name}" under ${walked}`)
      cid = link.Hash
      walked += `/${name}`
      continue
    }
    let value: unknown = node
    const inside: string[] = []
    for (const segment of segments) {
      if (value instanceof CID) break
      value = step(value, segment, walked)
      inside.push(segment)
      walked += `/${segment}`
    }
    segments.splice(0, inside.length)
    if (!(value instanceof CID)) return { cid, remainder: inside }
    cid = value
  }
  return { cid, remainder: [] }
}

/** One step into a decoded dag-cbor/dag-json value. */
export function step (value: unknown, segment: string, where: string): unknown {
  if (Array.isArray(value)) {
    const index = Number(segment)
    if (!Number.isInteger(index) || index < 0 || index >= value.length) throw new PathNotFoundError(`no index ${segment} under ${where}`)
    return value[index]
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array) && Object.hasOwn(value, segment)) {
    return (value as Record<string, unknown>)[segment]
  }
  throw new PathNotFoundError(`no field "${segment}" under ${where}`)
}
