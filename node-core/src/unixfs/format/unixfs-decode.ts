/**
 * Decoding UnixFS `Data` from a dag-pb node, with ipfs-unixfs, every
 * failure turned into InvalidUnixFSError.
 */
import { UnixFS } from 'ipfs-unixfs'
import { InvalidUnixFSError } from './errors.ts'
import type { PBNode } from '@ipld/dag-pb'

/** The UnixFS data of a dag-pb node. */
export function decodeUnixFS (node: PBNode, where: string): UnixFS {
  if (node.Data === undefined) throw new InvalidUnixFSError(`${where}: dag-pb node has no UnixFS data`)
  try {
    return UnixFS.unmarshal(node.Data)
  } catch (err) {
    throw new InvalidUnixFSError(`${where}: invalid UnixFS data: ${(err as Error).message}`)
  }
}
