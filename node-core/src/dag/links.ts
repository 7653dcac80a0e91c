/**
 * The CID links of a block, in the order Kubo's traversals follow them:
 * dag-pb links as stored; in dag-cbor and dag-json nodes, depth first
 * through lists in order and maps in their canonical key order (dag-cbor:
 * shorter keys first, then bytewise; dag-json: by key). Raw blocks have none.
 */
import * as dagCbor from '@ipld/dag-cbor'
import * as dagPb from '@ipld/dag-pb'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { decodeWith } from '../block/codecs.ts'

const utf8 = new TextEncoder()

/** The CIDs that the block `bytes` of `cid` links to, in traversal order. */
export function linksOf (cid: CID, bytes: Uint8Array): CID[] {
  if (cid.code === raw.code) return []
  const node = decodeWith(cid.code, bytes)
  if (cid.code === dagPb.code) return (node as dagPb.PBNode).Links.map((l) => l.Hash)
  const links: CID[] = []
  const keyOrder = cid.code === dagCbor.code ? cborKeyOrder : jsonKeyOrder
  const walk = (value: unknown): void => {
    const asCid = CID.asCID(value)
    if (asCid !== null) links.push(asCid)
    else if (Array.isArray(value)) value.forEach(walk)
    else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
      const map = value as Record<string, unknown>
      for (const key of Object.keys(map).sort(keyOrder)) walk(map[key])
    }
  }
  walk(node)
  return links
}

function cborKeyOrder (a: string, b: string): number {
  const x = utf8.encode(a)
  const y = utf8.encode(b)
  return x.byteLength - y.byteLength || Buffer.compare(x, y)
}

function jsonKeyOrder (a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
