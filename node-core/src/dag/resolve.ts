/**
 * Resolving an IPFS path to the CID it names, as Kubo's resolver does.
 *
 * dag-cbor and dag-json nodes are walked by map key and list index,
 * following CID links; segments that lead into a non-link value inside the
 * last block are returned as the remainder (`dag get` reads the value
 * there). dag-pb nodes are walked by link name through a `PbLinkLookup`:
 * plain link names here, and HAMT shards by name hash when the UnixFS layer
 * passes its own lookup (`unixfs/exporter/resolve.ts`), as Kubo's resolver
 * reifies dag-pb as UnixFS; this layer sits below UnixFS and cannot know
 * shards itself. Every block is checked against its CID before decoding.
 */
import * as dagPb from '@ipld/dag-pb'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { PathNotFoundError } from './errors.ts'
import { loadNode } from './load.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { IpfsPath } from './path.ts'
import type { PBLink, PBNode } from '@ipld/dag-pb'

/** Where a path leads: the last CID reached and the segments inside that block. */
export interface Resolved {
  cid: CID
  remainder: string[]
}

/** Finds the link `name` of a dag-pb node (`where` names it in errors); undefined if it has none. */
export type PbLinkLookup = (store: Pick<Blockstore, 'get'>, node: PBNode, name: string, where: string, options?: AbortOptions) => Promise<PBLink | undefined>

/** Options of a resolution. */
export interface ResolveOptions extends AbortOptions {
  /** How dag-pb links are found; default `plainPbLookup`. */
  pbLookup?: PbLinkLookup
  /** Told each CID the path reaches through a link, in order (shard levels walked inside one name are not). */
  onLink?: (cid: CID) => void
}

/** The first link of a dag-pb node with this name. */
export const plainPbLookup: PbLinkLookup = async (_store, node, name) => node.Links.find((l) => l.Name === name)

/** Resolve `path` against the blocks in `store`; PathNotFoundError names the first missing segment. */
export async function resolvePath (store: Pick<Blockstore, 'get'>, path: IpfsPath, options: ResolveOptions = {}): Promise<Resolved> {
  const pbLookup = options.pbLookup ?? plainPbLookup
  let cid = path.root
  let walked = cid.toString()
  let at = 0
  const segments = path.segments
  while (at < segments.length) {
    const node = await loadNode(store, cid, options)
    if (cid.code === dagPb.code) {
      const name = segments[at++] ?? ''
      const link = await pbLookup(store, node as PBNode, name, walked, options)
      if (link === undefined) throw new PathNotFoundError(`no link named "${name}" under ${walked}`)
      cid = link.Hash
      walked += `/${name}`
      options.onLink?.(cid)
      continue
    }
    if (cid.code === raw.code) throw new PathNotFoundError(`no link named "${segments[at] ?? ''}" under ${walked}: it is a raw block`)
    let value: unknown = node
    const start = at
    while (at < segments.length && CID.asCID(value) === null) {
      const segment = segments[at++] ?? ''
      value = step(value, segment, walked)
      walked += `/${segment}`
    }
    const link = CID.asCID(value)
    if (link === null) return { cid, remainder: segments.slice(start) }
    cid = link
    options.onLink?.(cid)
  }
  return { cid, remainder: [] }
}

/** One step into a decoded dag-cbor/dag-json value: a map key or a list index. */
function step (value: unknown, segment: string, where: string): unknown {
  if (Array.isArray(value)) {
    const index = /^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : -1
    if (index < 0 || index >= value.length) throw new PathNotFoundError(`no index ${segment} under ${where}`)
    return value[index]
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array) && CID.asCID(value) === null && Object.hasOwn(value, segment)) {
    return (value as Record<string, unknown>)[segment]
  }
  throw new PathNotFoundError(`no field "${segment}" under ${where}`)
}

/** The value at `remainder` inside a decoded node (what `dag get` prints). */
export function stepAll (value: unknown, remainder: readonly string[], where: string): unknown {
  let at = where
  for (const segment of remainder) {
    value = step(value, segment, at)
    at += `/${segment}`
  }
  return value
}
