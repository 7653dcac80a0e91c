/**
 * One IPLD block as `dag.get` describes it: its codec and size, its value
 * in dag-json form, its links, and what UnixFS says of a dag-pb node.
 *
 * The value is bounded: every bytes value (a raw block, a dag-pb node's
 * Data, bytes inside dag-cbor) shows its first MAX_BYTES_SHOWN bytes only
 * (the block's `size` tells how big it really is), and a node whose
 * dag-json text is still over MAX_VALUE_TEXT, or nested deeper than
 * MAX_DEPTH, is a DagNodeTooLargeError rather than a reply of any size.
 */
import * as dagJson from '@ipld/dag-json'
import * as dagPb from '@ipld/dag-pb'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { codecByCode, decodeWith } from '../../block/codecs.ts'
import { DagEncodeError } from '../../dag/errors.ts'
import { decodeUnixFSData } from '../../unixfs/format/unixfs-decode.ts'
import { DagNodeTooLargeError } from '../errors.ts'
import type { Output } from '../contract.ts'
import type { UnixFSNode } from '../../unixfs/format/unixfs-decode.ts'

/** Bytes of each bytes value shown. */
export const MAX_BYTES_SHOWN = 1024
/** Characters of dag-json text a value may have. */
export const MAX_VALUE_TEXT = 256 * 1024
/** Levels of lists and maps a value may have. */
export const MAX_DEPTH = 256

/** What `dag.get` returns. */
export type DagNodeOutput = Output<'dag.get'>
type DagLinkOutput = DagNodeOutput['links'][number]

/** Describe the verified block `bytes` of `cid` (BlockDecodeError if its codec cannot decode it). */
export function describeNode (cid: CID, bytes: Uint8Array): DagNodeOutput {
  const codec = codecByCode(cid.code)
  const node = cid.code === raw.code ? bytes : decodeWith(cid.code, bytes)
  const unixfs = cid.code === dagPb.code ? unixfsOf(node as dagPb.PBNode) : undefined
  return {
    cid: cid.toString(),
    codec: codec.name,
    size: bytes.byteLength,
    // A dag-pb node's Links are `links`; its value keeps Data alone, so a flat directory of thousands of entries stays under the bound.
    value: dagJsonValue(cid.code === dagPb.code ? pbValue(node as dagPb.PBNode) : node, cid),
    links: cid.code === dagPb.code ? pbLinks(node as dagPb.PBNode) : cid.code === raw.code ? [] : fieldLinks(node),
    ...(unixfs === undefined ? {} : { unixfs })
  }
}

/** The value as dag-json prints it, bytes shortened; DagNodeTooLargeError past the bounds. */
function dagJsonValue (node: unknown, cid: CID): DagNodeOutput['value'] {
  let text: string
  try {
    text = new TextDecoder().decode(dagJson.encode(shortened(node, 0)))
  } catch (err) {
    if (err instanceof DagNodeTooLargeError) throw err
    throw new DagEncodeError(`cannot show ${cid.toString()} as dag-json: ${(err as Error).message}`)
  }
  if (text.length > MAX_VALUE_TEXT) throw new DagNodeTooLargeError(`${cid.toString()} is ${text.length} characters of dag-json, over the ${MAX_VALUE_TEXT} a reply may carry`)
  return JSON.parse(text) as DagNodeOutput['value']
}

/** `value` with every bytes value cut to MAX_BYTES_SHOWN; DagNodeTooLargeError deeper than MAX_DEPTH. */
function shortened (value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new DagNodeTooLargeError(`the node is nested more than ${MAX_DEPTH} levels deep`)
  if (value instanceof Uint8Array) return value.byteLength > MAX_BYTES_SHOWN ? value.subarray(0, MAX_BYTES_SHOWN) : value
  if (CID.asCID(value) !== null || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((item) => shortened(item, depth + 1))
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shortened(item, depth + 1)]))
}

/** A dag-pb node's value without its Links (which `links` carries). */
function pbValue (node: dagPb.PBNode): unknown {
  return node.Data === undefined ? {} : { Data: node.Data }
}

/** A dag-pb node's links: name, CID and Tsize as stored. */
function pbLinks (node: dagPb.PBNode): DagLinkOutput[] {
  return node.Links.map((link) => ({ name: link.Name ?? '', cid: link.Hash.toString(), ...(link.Tsize === undefined ? {} : { size: link.Tsize }) }))
}

/** Every CID inside a dag-cbor or dag-json value, named by its field path (`a/b/0`). */
function fieldLinks (node: unknown): DagLinkOutput[] {
  const links: DagLinkOutput[] = []
  const walk = (value: unknown, path: string[]): void => {
    const cid = CID.asCID(value)
    if (cid !== null) links.push({ name: path.join('/'), cid: cid.toString() })
    else if (Array.isArray(value)) value.forEach((item, index) => { walk(item, [...path, String(index)]) })
    else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key])
    }
  }
  walk(node, [])
  return links
}

/** The UnixFS type and file size of a dag-pb node; undefined without (valid) UnixFS data. */
function unixfsOf (node: dagPb.PBNode): DagNodeOutput['unixfs'] {
  if (node.Data === undefined) return undefined
  let data: UnixFSNode
  try {
    data = decodeUnixFSData(node.Data, 'dag.get')
  } catch {
    return undefined
  }
  return { type: data.type, fileSize: fileSizeOf(data) }
}

/** As ipfs-unixfs counts it: 0 for directories, else the stored size or the data and block sizes summed. */
function fileSizeOf (data: UnixFSNode): number {
  if (data.type === 'directory' || data.type === 'hamt-sharded-directory') return 0
  return data.fileSize ?? (data.data?.byteLength ?? 0) + data.blockSizes.reduce((sum, size) => sum + size, 0)
}
