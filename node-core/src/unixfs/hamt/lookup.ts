/**
 * Reading HAMT-sharded directories: find one name, or list every entry.
 */
import { loadPbNode } from '../../dag/load.ts'
import { InvalidUnixFSError } from '../format/errors.ts'
import { decodeUnixFS } from '../format/unixfs-decode.ts'
import { hamtBits, hamtHash, hamtPrefix, hamtSlot } from './hash.ts'
import type { AbortOptions } from '../../abort.ts'
import type { Blockstore } from '../../block/blockstore.ts'
import type { PBLink, PBNode } from '@ipld/dag-pb'
import type { CID } from 'multiformats/cid'

const utf8 = new TextEncoder()

/** The fanout of a shard node; InvalidUnixFSError if it has none usable. */
function fanoutOf (node: PBNode, where: string): number {
  const fanout = Number(decodeUnixFS(node, where).fanout ?? 0n)
  try {
    hamtBits(fanout)
  } catch {
    throw new InvalidUnixFSError(`${where}: HAMT shard with invalid fanout ${fanout}`)
  }
  return fanout
}

/** The link of `name` in the shard `root`, or undefined. */
export async function hamtFind (store: Pick<Blockstore, 'get'>, root: PBNode, name: string, options?: AbortOptions): Promise<PBLink | undefined> {
  const fanout = fanoutOf(root, 'HAMT shard')
  const bits = hamtBits(fanout)
  const hash = hamtHash(utf8.encode(name))
  let node = root
  for (let depth = 0; depth * bits < 64; depth++) {
    const prefix = hamtPrefix(hamtSlot(hash, depth, bits), fanout)
    const link = node.Links.find((l) => l.Name === prefix || l.Name === prefix + name)
    if (link === undefined) return undefined
    if (link.Name === prefix + name) return link
    node = await loadPbNode(store, link.Hash, options)
  }
  return undefined
}

/** Every entry of the shard `root`, as `[name, cid, tsize]`, in shard order. */
export async function * hamtEntries (store: Pick<Blockstore, 'get'>, root: PBNode, options?: AbortOptions): AsyncIterable<{ name: string, cid: CID, tsize: number }> {
  const width = hamtPrefix(0, fanoutOf(root, 'HAMT shard')).length
  for (const link of root.Links) {
    const name = link.Name ?? ''
    if (name.length < width) throw new InvalidUnixFSError(`HAMT shard link "${name}" is shorter than its prefix`)
    if (name.length > width) yield { name: name.slice(width), cid: link.Hash, tsize: link.Tsize ?? 0 }
    else yield * hamtEntries(store, await loadPbNode(store, link.Hash, options), options)
  }
}
