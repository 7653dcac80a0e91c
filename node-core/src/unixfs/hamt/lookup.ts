/**
 * Reading HAMT-sharded directories: find one name by its hash, or list
 * every entry.
 *
 * A shard's links are named `<HEX slot>` (a child shard) or `<HEX slot><name>`
 * (an entry). Every shard read is checked to be a HAMT shard with the
 * murmur3 hash and its parent's fanout, and no deeper than the 64 hash bits
 * allow, so a malformed shard is an InvalidUnixFSError, not a wrong answer.
 */
import * as dagPb from '@ipld/dag-pb'
import { loadPbNode } from '../../dag/load.ts'
import { InvalidUnixFSError } from '../format/errors.ts'
import { decodeUnixFS } from '../format/unixfs-decode.ts'
import { HAMT_HASH_CODE, hamtBits, hamtHashName, hamtPrefix, hamtSlot } from './hash.ts'
import type { AbortOptions } from '../../abort.ts'
import type { Blockstore } from '../../block/blockstore.ts'
import type { PBLink, PBNode } from '@ipld/dag-pb'
import type { CID } from 'multiformats/cid'

/** A shard's checked parameters. */
export interface ShardParams {
  fanout: number
  /** Hash bits per level. */
  bits: number
  /** Characters of the hex slot prefix on every link name. */
  width: number
}

/** One entry of a sharded directory. */
export interface HamtEntry {
  name: string
  cid: CID
  tsize: number
}

/** The parameters of a shard node; InvalidUnixFSError unless it is a usable HAMT shard. */
export function shardParams (node: PBNode, where: string): ShardParams {
  const unixfs = decodeUnixFS(node, where)
  if (unixfs.type !== 'hamt-sharded-directory') throw new InvalidUnixFSError(`${where}: expected a HAMT shard, found a ${unixfs.type} node`)
  if (unixfs.hashType !== HAMT_HASH_CODE) throw new InvalidUnixFSError(`${where}: HAMT hash type ${unixfs.hashType ?? 'missing'}, only murmur3-x64-64 (0x22) is supported`)
  const fanout = unixfs.fanout ?? 0
  let bits: number
  try {
    bits = hamtBits(fanout)
  } catch {
    throw new InvalidUnixFSError(`${where}: HAMT shard with invalid fanout ${fanout}`)
  }
  return { fanout, bits, width: hamtPrefix(0, fanout).length }
}

/** Load the child shard behind `link`, checked against its parent's parameters. */
async function childShard (store: Pick<Blockstore, 'get'>, link: PBLink, parent: ShardParams, depth: number, where: string, options?: AbortOptions): Promise<PBNode> {
  if ((depth + 2) * parent.bits > 64) throw new InvalidUnixFSError(`${where}: HAMT deeper than its 64 hash bits allow`)
  if (link.Hash.code !== dagPb.code) throw new InvalidUnixFSError(`${where}: HAMT child shard ${link.Hash.toString()} is not dag-pb`)
  const node = await loadPbNode(store, link.Hash, options)
  const params = shardParams(node, `${where} (shard ${link.Hash.toString()})`)
  if (params.fanout !== parent.fanout) throw new InvalidUnixFSError(`${where}: HAMT child shard fanout ${params.fanout} differs from its parent's ${parent.fanout}`)
  return node
}

/** The link of `name` in the shard `root`, or undefined if the shard has no such entry. */
export async function hamtFind (store: Pick<Blockstore, 'get'>, root: PBNode, name: string, options?: AbortOptions, where = 'HAMT shard'): Promise<PBLink | undefined> {
  if (name === '') return undefined
  const params = shardParams(root, where)
  const hash = hamtHashName(name)
  let node = root
  for (let depth = 0; (depth + 1) * params.bits <= 64; depth++) {
    const prefix = hamtPrefix(hamtSlot(hash, depth, params.bits), params.fanout)
    const link = node.Links.find((l) => l.Name === prefix || l.Name === prefix + name)
    if (link === undefined) return undefined
    if (link.Name !== prefix) return link
    node = await childShard(store, link, params, depth, where, options)
  }
  return undefined
}

/** Every entry of the shard `root`, in shard order (slot by slot, depth first). */
export async function * hamtEntries (store: Pick<Blockstore, 'get'>, root: PBNode, options?: AbortOptions, where = 'HAMT shard'): AsyncIterable<HamtEntry> {
  yield * entriesAt(store, root, shardParams(root, where), 0, where, options)
}

async function * entriesAt (store: Pick<Blockstore, 'get'>, node: PBNode, params: ShardParams, depth: number, where: string, options?: AbortOptions): AsyncIterable<HamtEntry> {
  for (const link of node.Links) {
    options?.signal?.throwIfAborted()
    const name = link.Name ?? ''
    if (name.length < params.width || !/^[0-9A-F]+$/.test(name.slice(0, params.width))) {
      throw new InvalidUnixFSError(`${where}: HAMT link name ${JSON.stringify(name)} does not start with a ${params.width}-digit slot`)
    }
    if (name.length > params.width) yield { name: name.slice(params.width), cid: link.Hash, tsize: link.Tsize ?? 0 }
    else yield * entriesAt(store, await childShard(store, link, params, depth, where, options), params, depth + 1, where, options)
  }
}
