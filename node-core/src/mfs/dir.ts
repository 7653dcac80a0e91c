/**
 * Reading MFS directories: a basic UnixFS directory or a HAMT shard, its
 * metadata and CID prefix, one entry by name, or every entry.
 */
import * as dagPb from '@ipld/dag-pb'
import { makeBlock } from '../block/block.ts'
import { loadPbNode } from '../dag/load.ts'
import { UnixFSType, encodeUnixFSData } from '../unixfs/format/unixfs-data.ts'
import { decodeUnixFS } from '../unixfs/format/unixfs-decode.ts'
import { hamtEntries, hamtFind } from '../unixfs/hamt/lookup.ts'
import { MfsNotADirectoryError } from './errors.ts'
import { prefixOf } from './prefix.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { EntryMeta } from '../unixfs/importer/file-node.ts'
import type { CidPrefix } from './prefix.ts'
import type { PBNode } from '@ipld/dag-pb'
import type { CID } from 'multiformats/cid'

/** A directory of the tree, as read. */
export interface Dir {
  cid: CID
  node: PBNode
  /** A HAMT shard rather than one basic node. */
  hamt: boolean
  /** Mode and mtime it stores. */
  meta: EntryMeta
  prefix: CidPrefix
  /** Its MFS path, for messages. */
  path: string
}

/** A directory entry: where it points and the link's Tsize. */
export interface Link {
  cid: CID
  tsize: number
}

/** Load the directory `cid` at `path`; MfsNotADirectoryError when it is anything else. */
export async function loadDir (store: Pick<Blockstore, 'get'>, cid: CID, path: string): Promise<Dir> {
  if (cid.code !== dagPb.code) throw new MfsNotADirectoryError(`${path} is not a directory`)
  const node = await loadPbNode(store, cid)
  const unixfs = decodeUnixFS(node, cid.toString())
  if (unixfs.type !== 'directory' && unixfs.type !== 'hamt-sharded-directory') throw new MfsNotADirectoryError(`${path} is not a directory`)
  const meta: EntryMeta = {
    ...(unixfs.mode === undefined ? {} : { mode: unixfs.mode }),
    ...(unixfs.mtime === undefined ? {} : { mtime: unixfs.mtime })
  }
  return { cid, node, hamt: unixfs.type === 'hamt-sharded-directory', meta, prefix: prefixOf(cid), path }
}

/** A new, empty directory (not stored: it is written once it changes). */
export function newDir (prefix: CidPrefix, path: string): Dir {
  const node: PBNode = { Data: encodeUnixFSData({ type: UnixFSType.Directory }), Links: [] }
  const { cid } = makeBlock(dagPb.encode(node), dagPb.code, prefix.hasher, prefix.version)
  return { cid, node, hamt: false, meta: {}, prefix, path }
}

/** The entry `name` of `dir`, or undefined. */
export async function findLink (store: Pick<Blockstore, 'get'>, dir: Dir, name: string): Promise<Link | undefined> {
  const link = dir.hamt
    ? await hamtFind(store, dir.node, name, {}, dir.cid.toString())
    : dir.node.Links.find((l) => l.Name === name)
  return link === undefined ? undefined : { cid: link.Hash, tsize: link.Tsize ?? 0 }
}

/** Every entry of `dir`, in the DAG's order (through every shard level). */
export async function allLinks (store: Pick<Blockstore, 'get'>, dir: Dir): Promise<Map<string, Link>> {
  const links = new Map<string, Link>()
  if (dir.hamt) {
    for await (const entry of hamtEntries(store, dir.node, {}, dir.cid.toString())) links.set(entry.name, { cid: entry.cid, tsize: entry.tsize })
  } else {
    for (const link of dir.node.Links) links.set(link.Name ?? '', { cid: link.Hash, tsize: link.Tsize ?? 0 })
  }
  return links
}
