/**
 * The editing verbs, each a function from a root to a new root:
 * `mkdir`, `write`, `cp` (of a node already local), `mv`, `rm`, `chcid`.
 * Checks and messages follow Kubo's `files` commands.
 */
import * as raw from 'multiformats/codecs/raw'
import { statEntry } from '../unixfs/exporter/stat.ts'
import { MfsExistsError, MfsIsADirectoryError, MfsInvalidTargetError, MfsNotAFileError, MfsNotFoundError } from './errors.ts'
import { writeEmptyDir } from './dir-write.ts'
import { createEmptyFile, writeFile } from './file/write.ts'
import { isWithin } from './path.ts'
import { prefixOf } from './prefix.ts'
import { editAt, lookup } from './tree.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { NodeRef } from './file/fs-node.ts'
import type { MfsPath } from './path.ts'
import type { CidPrefix } from './prefix.ts'
import type { EditContext } from './tree.ts'
import type { CID } from 'multiformats/cid'

/** How `write` changes a file. */
export interface WriteSpec extends AbortOptions {
  create: boolean
  parents: boolean
  truncate: boolean
  offset: number
  count?: number
  rawLeaves?: boolean
  prefix?: CidPrefix
}

/** `files mkdir [-p] <path>`; with `-p` an existing directory is fine. */
export async function mkdirOp (ctx: EditContext, root: CID, path: MfsPath, parents: boolean, prefix?: CidPrefix): Promise<CID> {
  const name = path.segments[path.segments.length - 1]
  if (name === undefined) {
    if (parents) return root
    throw new MfsExistsError("cannot create directory '/': Already exists")
  }
  return await editAt(ctx, root, path.segments.slice(0, -1), async (edit) => {
    const existing = await edit.get(name)
    if (existing !== undefined) {
      if (parents && await isDirectory(ctx.batch, existing.cid)) return
      throw new MfsExistsError(`cannot create directory '${path.text}': file already exists`)
    }
    edit.set(name, await writeEmptyDir(ctx.batch, prefix ?? edit.dir.prefix, ctx.hamt))
  }, { parents, ...(prefix === undefined ? {} : { prefix }) })
}

/** `files write`: open (or create) the file, then apply the write (file/write.ts). */
export async function writeOp (ctx: EditContext, root: CID, path: MfsPath, source: AsyncIterable<Uint8Array>, spec: WriteSpec): Promise<CID> {
  const name = path.segments[path.segments.length - 1]
  if (name === undefined) throw new MfsNotAFileError('/ was not a file')
  return await editAt(ctx, root, path.segments.slice(0, -1), async (edit) => {
    const existing = await edit.get(name)
    let file: NodeRef
    if (existing !== undefined) {
      if (await typeOf(ctx.batch, existing.cid) !== 'file') throw new MfsNotAFileError(`${path.text} was not a file`)
      file = { cid: existing.cid, dagSize: existing.tsize }
    } else if (spec.create) {
      file = await createEmptyFile(ctx.batch, spec.prefix ?? edit.dir.prefix)
    } else {
      throw new MfsNotFoundError(`${path.text}: file does not exist`)
    }
    const rawLeaves = spec.rawLeaves ?? prefixOf(file.cid).version === 1
    edit.set(name, await writeFile(ctx.batch, file, source, { ...spec, rawLeaves }))
  }, { parents: spec.parents, ...(spec.prefix === undefined ? {} : { prefix: spec.prefix }) })
}

/** Link `node` at `to` (which must not exist). */
export async function putOp (ctx: EditContext, root: CID, to: MfsPath, node: NodeRef, parents: boolean): Promise<CID> {
  const name = to.segments[to.segments.length - 1]
  if (name === undefined) throw new MfsExistsError("cannot copy onto '/': it already exists")
  return await editAt(ctx, root, to.segments.slice(0, -1), async (edit) => {
    if (await edit.get(name) !== undefined) throw new MfsExistsError(`${to.text}: directory already has entry by that name`)
    edit.set(name, node)
  }, { parents })
}

/**
 * `mv`: onto a file, replace it; onto a directory (or `dir/`), move into
 * it under the same name. Moving onto itself changes nothing; into itself
 * is refused.
 */
export async function mvOp (ctx: EditContext, root: CID, from: MfsPath, to: MfsPath): Promise<CID> {
  const srcName = from.segments[from.segments.length - 1]
  if (srcName === undefined) throw new MfsInvalidTargetError('cannot move the root')
  const src = await lookup(ctx.batch, root, from.segments)
  const into = to.trailingSlash || to.segments.length === 0
  let dstDir = into ? to.segments : to.segments.slice(0, -1)
  let dstName = into ? srcName : to.segments[to.segments.length - 1] ?? srcName
  if (sameSegments([...dstDir, dstName], from.segments)) return root
  let replace = false
  const existing = await lookup(ctx.batch, root, [...dstDir, dstName]).catch((err: unknown) => {
    if (err instanceof MfsNotFoundError) return undefined
    throw err
  })
  if (existing !== undefined) {
    if (await isDirectory(ctx.batch, existing.cid)) {
      dstDir = [...dstDir, dstName]
      dstName = srcName
    } else {
      replace = true
    }
  }
  const dst = [...dstDir, dstName]
  if (sameSegments(dst, from.segments)) return root
  if (isWithin(dst, from.segments)) throw new MfsInvalidTargetError(`cannot move ${from.text} into itself`)
  const added = await editAt(ctx, root, dstDir, async (edit) => {
    if (!replace && await edit.get(dstName) !== undefined) throw new MfsExistsError(`${edit.pathOf(dstName)}: directory already has entry by that name`)
    edit.set(dstName, { cid: src.cid, dagSize: src.tsize })
  })
  return await editAt(ctx, added, from.segments.slice(0, -1), async (edit) => { edit.remove(srcName) })
}

/** `files rm [-r] [--force] <path>`. */
export async function rmOp (ctx: EditContext, root: CID, path: MfsPath, recursive: boolean, force: boolean): Promise<CID> {
  const name = path.segments[path.segments.length - 1]
  if (name === undefined) throw new MfsInvalidTargetError('cannot delete root')
  return await editAt(ctx, root, path.segments.slice(0, -1), async (edit) => {
    const existing = await edit.get(name)
    if (existing === undefined) throw new MfsNotFoundError(`${path.text}: file does not exist`)
    if (!recursive && !force && await isDirectory(ctx.batch, existing.cid)) {
      throw new MfsIsADirectoryError(`${path.text} is a directory, use -r to remove directories`)
    }
    edit.remove(name)
  })
}

/** Re-address the directory at `path` (and only it) with `prefix`. */
export async function chcidOp (ctx: EditContext, root: CID, path: MfsPath, prefix: CidPrefix): Promise<CID> {
  return await editAt(ctx, root, path.segments, async (edit) => { edit.prefix = prefix })
}

/** The type of the entry `cid`: file, directory or symlink. */
export async function typeOf (store: Pick<Blockstore, 'get'>, cid: CID): Promise<'file' | 'directory' | 'symlink'> {
  if (cid.code === raw.code) return 'file'
  const stat = await statEntry(store, cid)
  return stat.type === 'hamt-directory' ? 'directory' : stat.type
}

async function isDirectory (store: Pick<Blockstore, 'get'>, cid: CID): Promise<boolean> {
  return await typeOf(store, cid) === 'directory'
}

function sameSegments (a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => b[i] === s)
}
