/**
 * `cat`: a file's bytes, streamed in order, optionally a range of them.
 *
 * The file DAG is walked depth first with an explicit stack (no recursion,
 * whatever the depth). Children wholly outside the range are never loaded:
 * their place is known from the parent's blocksizes, so a range read fetches
 * only the leaves it needs and the nodes above them. The next few blocks
 * are fetched ahead while a block is being consumed; memory stays bounded
 * by that window times the depth. Every node is checked (`file-part.ts`),
 * and a child whose size differs from what its parent says it holds is an
 * InvalidUnixFSError, so a malformed DAG never yields wrong bytes.
 */
import { InvalidUnixFSError } from '../format/errors.ts'
import { InvalidRangeError } from './errors.ts'
import { loadFilePart } from './file-part.ts'
import type { AbortOptions } from '../../abort.ts'
import type { Blockstore } from '../../block/blockstore.ts'
import type { FilePart } from './file-part.ts'
import type { CID } from 'multiformats/cid'

/** A byte range: from `offset` (default 0), at most `length` bytes (default: to the end). */
export interface CatOptions extends AbortOptions {
  offset?: number
  length?: number
}

/** Blocks fetched ahead of the one being read. */
const READ_AHEAD = 32

/** A child still to read: where its bytes start in the file, how many it holds. */
interface Pending {
  cid: CID
  start: number
  size: number
  part?: Promise<FilePart>
}

/**
 * The bytes of the file at `cid` (a UnixFS file of any layout, a raw
 * block, an identity CID) from `offset`, at most `length` of them.
 * An offset at or past the end yields nothing, as in Kubo.
 */
export async function * cat (store: Pick<Blockstore, 'get'>, cid: CID, options: CatOptions = {}): AsyncIterable<Uint8Array> {
  const offset = options.offset ?? 0
  const length = options.length ?? Infinity
  if (!Number.isSafeInteger(offset) || offset < 0) throw new InvalidRangeError(`offset must be a non-negative integer, got ${offset}`)
  if (length !== Infinity && (!Number.isSafeInteger(length) || length < 0)) throw new InvalidRangeError(`length must be a non-negative integer, got ${length}`)
  const root = await loadFilePart(store, cid, true, options)
  const end = Math.min(root.size, offset + length)
  if (offset >= end) return
  const stack: Pending[] = []
  const load = (p: Pending): Promise<FilePart> => {
    const promise = loadFilePart(store, p.cid, false, options)
    promise.catch(() => {})
    return promise
  }
  /** Push the in-range children of `part` (starting at `start`), return its own bytes in range. */
  const expand = (part: FilePart, start: number): Uint8Array | undefined => {
    let position = start + part.data.byteLength
    const children: Pending[] = []
    for (let i = 0; i < part.links.length && position < end; i++) {
      const size = part.sizes[i] ?? 0
      const link = part.links[i]
      if (link !== undefined && size > 0 && position + size > offset) children.push({ cid: link, start: position, size })
      position += size
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Pending)
    const from = Math.max(offset, start) - start
    const to = Math.min(end, start + part.data.byteLength) - start
    return from < to ? part.data.subarray(from, to) : undefined
  }
  const own = expand(root, 0)
  if (own !== undefined) yield own
  while (stack.length > 0) {
    for (let i = stack.length - 1; i >= Math.max(0, stack.length - READ_AHEAD); i--) {
      const ahead = stack[i] as Pending
      ahead.part ??= load(ahead)
    }
    const next = stack.pop() as Pending
    const part = await (next.part ?? load(next))
    if (part.size !== next.size) {
      throw new InvalidUnixFSError(`${next.cid.toString()}: holds ${part.size} bytes of the file, its parent's blocksizes say ${next.size}`)
    }
    const bytes = expand(part, next.start)
    if (bytes !== undefined) yield bytes
  }
}

/** The size in bytes of the file at `cid` (checked against its blocksizes). */
export async function fileSize (store: Pick<Blockstore, 'get'>, cid: CID, options?: AbortOptions): Promise<number> {
  return (await loadFilePart(store, cid, true, options)).size
}

/**
 * Several files one after another, as Kubo's `cat` of several paths: the
 * range applies to the concatenation, so whole files before `offset` are
 * skipped by their size without being read.
 */
export async function * catAll (store: Pick<Blockstore, 'get'>, cids: CID[], options: CatOptions = {}): AsyncIterable<Uint8Array> {
  let offset = options.offset ?? 0
  let length = options.length ?? Infinity
  for (const cid of cids) {
    if (length <= 0) return
    const size = await fileSize(store, cid, options)
    if (offset >= size) {
      offset -= size
      continue
    }
    yield * cat(store, cid, { ...options, offset, length })
    length -= Math.min(length, size - offset)
    offset = 0
  }
}
