/**
 * Adding a tree that arrives as a stream of entries (the multipart body of
 * an RPC `add`): files are imported as they arrive, in order; directories,
 * named or only implied by their children's paths, are written once every
 * entry is in, deepest first, children sorted as Kubo sorts them. Paths are
 * checked: relative, no `.`/`..` or empty segments, no entry twice.
 */
import { BlockWriter } from './block-writer.ts'
import { writeDirectory } from './directory.ts'
import { InvalidImportOptionsError } from './errors.ts'
import { importFileBytes } from './file.ts'
import { writeSymlink } from './symlink.ts'
import type { Blockstore } from '../../block/blockstore.ts'
import type { AddOptions, AddedEntry } from './add-paths.ts'
import type { DirEntry } from './directory.ts'
import type { EntryMeta, FilePart } from './file-node.ts'
import type { ImporterOptions } from './options.ts'

/** One entry of a streamed tree. */
export type TreeEntry =
  | { kind: 'file', path: string, content: AsyncIterable<Uint8Array>, meta?: EntryMeta }
  | { kind: 'dir', path: string, meta?: EntryMeta }
  | { kind: 'symlink', path: string, target: string, meta?: EntryMeta }

function segments (path: string): string[] {
  const parts = path.split('/')
  if (path === '' || parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\0'))) {
    throw new InvalidImportOptionsError(`entry path ${JSON.stringify(path.slice(0, 200))} must be relative, without empty, . or .. segments`)
  }
  return parts
}

/** Import `entries`; returns the top-level entries (or the wrapping directory). */
export async function addEntries (store: Pick<Blockstore, 'put'>, entries: AsyncIterable<TreeEntry>, importer: ImporterOptions, options: AddOptions = {}): Promise<AddedEntry[]> {
  const writer = new BlockWriter(store, importer, options)
  const emit = (path: string, part: FilePart): AddedEntry => {
    const entry = { path, cid: part.cid, size: part.fileSize, dagSize: part.dagSize }
    options.onEntry?.(entry)
    return entry
  }
  const parts = new Map<string, FilePart>()
  const dirs = new Map<string, EntryMeta>()
  const order: string[] = []
  const withMeta = (meta: EntryMeta | undefined): EntryMeta => ({ ...meta, ...(options.mode === undefined ? {} : { mode: options.mode }), ...(options.mtime === undefined ? {} : { mtime: options.mtime }) })
  for await (const entry of entries) {
    options.signal?.throwIfAborted()
    const path = segments(entry.path).join('/')
    if (parts.has(path) || (dirs.has(path) && entry.kind !== 'dir')) throw new InvalidImportOptionsError(`entry ${JSON.stringify(path)} appears twice`)
    const names = path.split('/')
    for (let i = 1; i < names.length; i++) {
      const parent = names.slice(0, i).join('/')
      if (parts.has(parent)) throw new InvalidImportOptionsError(`${JSON.stringify(parent)} is a file, so it cannot hold ${JSON.stringify(path)}`)
      if (!dirs.has(parent)) {
        dirs.set(parent, withMeta(undefined))
        order.push(parent)
      }
    }
    if (entry.kind === 'dir') {
      if (!dirs.has(path)) order.push(path)
      dirs.set(path, withMeta(entry.meta))
      continue
    }
    const part = entry.kind === 'file'
      ? await importFileBytes(writer, entry.content, importer, withMeta(entry.meta), options.onBytes)
      : await writeSymlink(writer, entry.target, options.mtime ?? entry.meta?.mtime)
    parts.set(path, part)
    emit(path, part)
  }
  const childDirs = new Map<string, string[]>()
  for (const dir of order) {
    const parent = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : ''
    childDirs.set(parent, [...childDirs.get(parent) ?? [], dir])
  }
  // Directories children first, siblings in name order: the order Kubo prints them in.
  const writeDir = async (dir: string): Promise<void> => {
    for (const child of (childDirs.get(dir) ?? []).sort()) await writeDir(child)
    const prefix = `${dir}/`
    const children: DirEntry[] = []
    for (const [path, part] of parts) {
      if (path.startsWith(prefix) && !path.slice(prefix.length).includes('/')) children.push({ name: path.slice(prefix.length), part })
    }
    const part = await writeDirectory(writer, children, importer.hamt, dirs.get(dir) ?? {})
    parts.set(dir, part)
    emit(dir, part)
  }
  for (const top of (childDirs.get('') ?? []).sort()) await writeDir(top)
  const tops = [...parts].filter(([path]) => !path.includes('/'))
  let result = tops.map(([path, part]) => ({ path, cid: part.cid, size: part.fileSize, dagSize: part.dagSize }))
  if (options.wrap === true) result = [emit('', await writeDirectory(writer, tops.map(([name, part]) => ({ name, part })), importer.hamt))]
  await writer.drain()
  return result
}
