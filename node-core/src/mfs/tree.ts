/**
 * Walking and editing the tree under a root CID.
 *
 * Trees are immutable: an edit of one directory rewrites it and every
 * directory above it, and yields a new root; the caller decides whether
 * to commit that root. Directories on the way that do not exist are
 * created with `parents`, with the prefix asked for or their parent's.
 */
import { MfsNotADirectoryError, MfsNotFoundError } from './errors.ts'
import { findLink, loadDir, newDir } from './dir.ts'
import { writeDir } from './dir-write.ts'
import { formatMfsPath } from './path.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { HamtOptions } from '../unixfs/importer/options.ts'
import type { Batch } from './batch.ts'
import type { Dir, Link } from './dir.ts'
import type { Changes } from './dir-write.ts'
import type { NodeRef } from './file/fs-node.ts'
import type { CidPrefix } from './prefix.ts'
import type { CID } from 'multiformats/cid'

/** What an edit needs: where blocks are read and written, and how directories shard. */
export interface EditContext {
  batch: Batch
  hamt: HamtOptions
}

/** How missing directories on the way are treated. */
export interface EditOptions {
  /** Create missing directories (`-p`). */
  parents?: boolean
  /** Prefix of directories created on the way; default their parent's. */
  prefix?: CidPrefix
}

/** The entry at `segments` under `root` (the root itself for none). */
export async function lookup (store: Pick<Blockstore, 'get'>, root: CID, segments: readonly string[]): Promise<Link> {
  let link: Link = { cid: root, tsize: 0 }
  for (let i = 0; i < segments.length; i++) {
    const dir = await loadParent(store, link.cid, segments, i)
    const found = await findLink(store, dir, segments[i] ?? '')
    if (found === undefined) throw new MfsNotFoundError(`${formatMfsPath(segments.slice(0, i + 1))}: file does not exist`)
    link = found
  }
  return link
}

/** One directory being edited: its entries as changed so far. */
export class DirEdit {
  readonly dir: Dir
  readonly changes: Changes = new Map()
  readonly #store: Pick<Blockstore, 'get'>
  /** Re-address the directory with this prefix (`chcid`). */
  prefix: CidPrefix | undefined

  constructor (store: Pick<Blockstore, 'get'>, dir: Dir) {
    this.#store = store
    this.dir = dir
  }

  /** The entry `name`, with the changes made so far. */
  async get (name: string): Promise<Link | undefined> {
    const changed = this.changes.get(name)
    if (changed === null) return undefined
    if (changed !== undefined) return { cid: changed.cid, tsize: changed.dagSize }
    return await findLink(this.#store, this.dir, name)
  }

  set (name: string, node: NodeRef): void {
    this.changes.set(name, node)
  }

  remove (name: string): void {
    this.changes.set(name, null)
  }

  /** The MFS path of entry `name`. */
  pathOf (name: string): string {
    return this.dir.path === '/' ? `/${name}` : `${this.dir.path}/${name}`
  }

  get changed (): boolean {
    return this.changes.size > 0 || this.prefix !== undefined
  }
}

/**
 * Edit the directory at `segments` with `fn`, then rewrite the path up to
 * `root`; returns the new root CID (the same one if nothing changed).
 */
export async function editAt (ctx: EditContext, root: CID, segments: readonly string[], fn: (edit: DirEdit) => Promise<void>, options: EditOptions = {}): Promise<CID> {
  const rootDir = await loadDir(ctx.batch, root, '/')
  const written = await editDir(ctx, rootDir, segments, 0, fn, options)
  return written?.cid ?? root
}

async function editDir (ctx: EditContext, dir: Dir, segments: readonly string[], depth: number, fn: (edit: DirEdit) => Promise<void>, options: EditOptions): Promise<NodeRef | undefined> {
  const edit = new DirEdit(ctx.batch, dir)
  if (depth === segments.length) {
    await fn(edit)
  } else {
    const name = segments[depth] ?? ''
    const path = formatMfsPath(segments.slice(0, depth + 1))
    const link = await edit.get(name)
    let child: Dir
    if (link !== undefined) {
      child = await loadDir(ctx.batch, link.cid, path)
    } else if (options.parents === true) {
      child = newDir(options.prefix ?? dir.prefix, path)
    } else {
      throw new MfsNotFoundError(`${path}: file does not exist`)
    }
    const written = await editDir(ctx, child, segments, depth + 1, fn, options)
    if (written !== undefined) edit.set(name, written)
  }
  if (!edit.changed) return undefined
  return await writeDir(ctx.batch, ctx.batch, dir, edit.changes, ctx.hamt, edit.prefix)
}

/** The directory holding `segments[index]`; MfsNotADirectoryError when the path goes through a file. */
async function loadParent (store: Pick<Blockstore, 'get'>, cid: CID, segments: readonly string[], index: number): Promise<Dir> {
  const path = formatMfsPath(segments.slice(0, index))
  try {
    return await loadDir(store, cid, path)
  } catch (err) {
    if (err instanceof MfsNotADirectoryError) throw new MfsNotADirectoryError(`cannot access ${formatMfsPath(segments.slice(0, index + 1))}: Not a directory`)
    throw err
  }
}
