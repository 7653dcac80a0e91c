/**
 * `cat`: a file's bytes, streamed, optionally a range of them.
 *
 * Walks the file DAG in order and skips whole subtrees that lie before the
 * range by their `blocksizes`, so a range read loads only the blocks it
 * needs. Works for raw blocks, identity CIDs, dag-pb leaves and nodes of any
 * layout. Blocksizes that disagree with the data are an InvalidUnixFSError.
 */
import * as dagPb from '@ipld/dag-pb'
import * as raw from 'multiformats/codecs/raw'
import { loadBytes, loadPbNode } from '../../dag/load.ts'
import { UnknownCodecError } from '../../block/errors.ts'
import { InvalidUnixFSError } from '../format/errors.ts'
import { decodeUnixFS } from '../format/unixfs-decode.ts'
import { InvalidRangeError, NotAFileError } from './errors.ts'
import type { AbortOptions } from '../../abort.ts'
import type { Blockstore } from '../../block/blockstore.ts'
import type { CID } from 'multiformats/cid'

/** A byte range: from `offset`, at most `length` bytes. */
export interface CatOptions extends AbortOptions {
  offset?: number
  length?: number
}

/** The bytes of the file at `cid`, in order. */
export async function * cat (store: Pick<Blockstore, 'get'>, cid: CID, options: CatOptions = {}): AsyncIterable<Uint8Array> {
  const offset = options.offset ?? 0
  const length = options.length ?? Infinity
  if (!Number.isSafeInteger(offset) || offset < 0) throw new InvalidRangeError(`offset must be a non-negative integer, got ${offset}`)
  if (length !== Infinity && (!Number.isSafeInteger(length) || length < 0)) throw new InvalidRangeError(`length must be a non-negative integer, got ${length}`)
  if (length === 0) return
  yield * walk(store, cid, offset, offset + length, options)
}

/** Yield the bytes of the subtree at `cid` that fall in [start, end) of it. */
async function * walk (store: Pick<Blockstore, 'get'>, cid: CID, start: number, end: number, options: AbortOptions): AsyncIterable<Uint8Array> {
  if (cid.code === raw.code) {
    const bytes = await loadBytes(store, cid, options)
    if (start < bytes.byteLength) yield bytes.subarray(start, Math.min(end, bytes.byteLength))
    return
  }
  if (cid.code !== dagPb.code) throw new UnknownCodecError(`${cid.toString()} is not UnixFS (codec 0x${cid.code.toString(16)})`)
  const node = await loadPbNode(store, cid, options)
  const unixfs = decodeUnixFS(node, cid.toString())
  if (unixfs.type !== 'file' && unixfs.type !== 'raw') {
    throw new NotAFileError(`${cid.toString()} is a ${unixfs.type === 'symlink' ? 'symlink' : 'directory'}, not a file`)
  }
  const sizes = unixfs.blockSizes.map(Number)
  if (sizes.length !== node.Links.length) throw new InvalidUnixFSError(`${cid.toString()}: ${node.Links.length} links but ${sizes.length} blocksizes`)
  let position = 0
  const data = unixfs.data ?? new Uint8Array(0)
  if (data.byteLength > 0) {
    if (start < data.byteLength && end > 0) yield data.subarray(start, Math.min(end, data.byteLength))
    position = data.byteLength
  }
  for (let i = 0; i < node.Links.length && position < end; i++) {
    const size = sizes[i] ?? 0
    const link = node.Links[i]
    if (link !== undefined && position + size > start) {
      let produced = 0
      for await (const bytes of walk(store, link.Hash, Math.max(0, start - position), Math.min(size, end - position), options)) {
        produced += bytes.byteLength
        yield bytes
      }
      const expected = Math.min(size, end - position) - Math.max(0, start - position)
      if (produced !== expected) throw new InvalidUnixFSError(`${link.Hash.toString()}: holds ${produced} bytes of the range, its parent says ${expected}`)
    }
    position += size
  }
}
