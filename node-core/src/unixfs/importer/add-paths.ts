/**
 * `add`: import files, directories, symlinks and stdin as Kubo does.
 *
 * Walks what it is given (directories only with `recursive`, hidden names
 * only with `hidden`), imports each file through the layout the options
 * name, builds directories bottom-up, optionally wraps everything in one
 * more directory, and reports each entry. Nothing is acknowledged here:
 * the caller syncs the blockstore before it reports success.
 */
import { lstat, open, readdir, readlink, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { BlockWriter } from './block-writer.ts'
import { writeDirectory } from './directory.ts'
import { importFileBytes } from './file.ts'
import { writeSymlink } from './symlink.ts'
import { IsDirectoryError, SourceUnreadableError, UnsupportedFileTypeError } from './errors.ts'
import type { AbortOptions } from '../../abort.ts'
import type { Blockstore } from '../../block/blockstore.ts'
import type { Mtime } from '../format/unixfs-data.ts'
import type { DirEntry } from './directory.ts'
import type { EntryMeta, FilePart } from './file-node.ts'
import type { ImporterOptions } from './options.ts'
import type { CID } from 'multiformats/cid'

/** Something to add: a path on disk, or a byte stream (stdin). */
export type AddSource = { path: string } | { name: string, content: AsyncIterable<Uint8Array> }

/** How `add` treats the file tree and its metadata. */
export interface AddOptions extends AbortOptions {
  recursive?: boolean
  hidden?: boolean
  wrap?: boolean
  preserveMode?: boolean
  preserveMtime?: boolean
  /** Mode stored on every file and directory (not symlinks). */
  mode?: number
  /** Mtime stored on every entry. */
  mtime?: Mtime
  /** Called for each entry imported: files as they are added, then directories, children before parents (Kubo's order). */
  onEntry?: (entry: AddedEntry) => void
  /** Called with each chunk's size as file bytes are imported. */
  onBytes?: (n: number) => void
}

/** An imported entry: its path as Kubo prints it, CID and sizes. */
export interface AddedEntry {
  path: string
  cid: CID
  /** File content bytes (0 for directories and symlinks). */
  size: number
  /** Encoded bytes of the entry's whole DAG. */
  dagSize: number
}

const READ_SIZE = 1 << 20

/** Import every source; returns the top-level entries (or the wrapper). */
export async function addSources (store: Pick<Blockstore, 'put'>, sources: AddSource[], importer: ImporterOptions, options: AddOptions = {}): Promise<AddedEntry[]> {
  const writer = new BlockWriter(store, importer, options)
  const emit = (path: string, part: FilePart): AddedEntry => {
    const entry = { path, cid: part.cid, size: part.fileSize, dagSize: part.dagSize }
    options.onEntry?.(entry)
    return entry
  }
  // As Kubo prints them: files as they are added, then directories, children before parents.
  const dirs: Array<[string, FilePart]> = []
  const emitEntry = (path: string, part: FilePart, isDir: boolean): void => {
    if (isDir) dirs.push([path, part])
    else emit(path, part)
  }
  const tops: Array<{ name: string, part: FilePart }> = []
  for (const source of sources) {
    if ('path' in source) {
      const name = basename(resolve(source.path))
      const part = await addPath(writer, source.path, name, importer, options, emitEntry, true)
      tops.push({ name, part })
    } else {
      const part = await importFileBytes(writer, source.content, importer, fileMeta(options), options.onBytes)
      tops.push({ name: source.name, part })
      emit(source.name === '' ? part.cid.toString() : source.name, part)
    }
  }
  for (const [path, part] of dirs) emit(path, part)
  let result = tops.map((t) => ({ path: t.name, cid: t.part.cid, size: t.part.fileSize, dagSize: t.part.dagSize }))
  if (options.wrap === true) {
    const entries: DirEntry[] = tops.map((t) => ({ name: t.name, part: t.part }))
    result = [emit('', await writeDirectory(writer, entries, importer.hamt))]
  }
  await writer.drain()
  return result
}

async function addPath (writer: BlockWriter, path: string, name: string, importer: ImporterOptions, options: AddOptions, emit: (path: string, part: FilePart, isDir: boolean) => void, top: boolean): Promise<FilePart> {
  options.signal?.throwIfAborted()
  const info = await lstat(path, { bigint: true }).catch((err: unknown) => { throw unreadable(path, err) })
  if (info.isSymbolicLink()) {
    if (top && !options.recursive && (await stat(path).catch(() => undefined))?.isDirectory() === true) {
      throw new IsDirectoryError(`${path} is a directory, use the '-r' flag to specify directories`)
    }
    const mtime = options.mtime ?? (options.preserveMtime === true ? mtimeOf(info.mtimeNs) : undefined)
    const part = await writeSymlink(writer, await readlink(path), mtime)
    emit(name, part, false)
    return part
  }
  const meta = entryMeta(info, options)
  if (info.isDirectory()) {
    if (options.recursive !== true) throw new IsDirectoryError(`${path} is a directory, use the '-r' flag to specify directories`)
    const names = (await readdir(path).catch((err: unknown) => { throw unreadable(path, err) })).filter((n) => options.hidden === true || !n.startsWith('.')).sort()
    const entries: DirEntry[] = []
    for (const child of names) {
      entries.push({ name: child, part: await addPath(writer, join(path, child), `${name}/${child}`, importer, options, emit, false) })
    }
    const part = await writeDirectory(writer, entries, importer.hamt, meta)
    emit(name, part, true)
    return part
  }
  if (!info.isFile()) throw new UnsupportedFileTypeError(`${path}: unsupported file type (not a file, directory or symlink)`)
  const part = await importFileBytes(writer, readFile(path, options), importer, meta, options.onBytes)
  emit(name, part, false)
  return part
}

/** A source that vanished or cannot be read, named (the OS's words kept, as Kubo prints them). */
function unreadable (path: string, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException).code
  const words = code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : undefined
  return words === undefined ? err as Error : new SourceUnreadableError(`lstat ${path}: ${words}: ${path}`, { cause: err })
}

/** A file's bytes, read into one reused buffer (the chunker copies what it keeps). */
async function * readFile (path: string, options: AbortOptions): AsyncIterable<Uint8Array> {
  const handle = await open(path, 'r').catch((err: unknown) => { throw unreadable(path, err) })
  try {
    const buffer = new Uint8Array(READ_SIZE)
    while (true) {
      options.signal?.throwIfAborted()
      const { bytesRead } = await handle.read(buffer, 0, READ_SIZE, null)
      if (bytesRead === 0) return
      yield buffer.subarray(0, bytesRead)
    }
  } finally {
    await handle.close()
  }
}

function entryMeta (info: { mode: bigint, mtimeNs: bigint }, options: AddOptions): EntryMeta {
  const meta: EntryMeta = {}
  if (options.mode !== undefined) meta.mode = options.mode
  else if (options.preserveMode === true) meta.mode = Number(info.mode & 0o7777n)
  if (options.mtime !== undefined) meta.mtime = options.mtime
  else if (options.preserveMtime === true) meta.mtime = mtimeOf(info.mtimeNs)
  return meta
}

function fileMeta (options: AddOptions): EntryMeta {
  return {
    ...(options.mode === undefined ? {} : { mode: options.mode }),
    ...(options.mtime === undefined ? {} : { mtime: options.mtime })
  }
}

function mtimeOf (ns: bigint): Mtime {
  const secs = ns / 1_000_000_000n
  const nsecs = ns % 1_000_000_000n
  return { secs: Number(secs), nsecs: Number(nsecs) }
}
