/**
 * What a drop or a file picker carries, as upload entries: folders walked
 * through `webkitGetAsEntry()` (every level read until it is empty, so
 * empty folders and 0-byte files come along), else rebuilt from
 * `webkitRelativePath` (a folder picker), else the files as they are.
 * Folders come before what they hold. Nothing is read into memory: a
 * file entry keeps the File, which the upload reads as it sends.
 */
import type { UploadEntry } from './upload.ts'

/** The roots of a drop, taken while the drop event runs (the browser empties the DataTransfer after it). */
export interface DropRoots {
  entries: FileSystemEntry[]
  files: File[]
}

/** Take a drop's roots now; `entries` is empty when the browser offers no entries. */
export function dropRoots (data: DataTransfer): DropRoots {
  const entries: FileSystemEntry[] = []
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null
    if (entry !== null) entries.push(entry)
  }
  return { entries, files: Array.from(data.files) }
}

function isDirectory (entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory
}

function isFile (entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile
}

async function fileOf (entry: FileSystemFileEntry): Promise<File> {
  return await new Promise((resolve, reject) => { entry.file(resolve, reject) })
}

/** Every child of a folder: `readEntries` gives them in batches, until an empty one. */
async function childrenOf (dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader()
  const all: FileSystemEntry[] = []
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => { reader.readEntries(resolve, reject) })
    if (batch.length === 0) return all
    all.push(...batch)
  }
}

/** Walk dropped entries into upload entries, folders first. */
export async function walkEntries (roots: FileSystemEntry[]): Promise<UploadEntry[]> {
  const out: UploadEntry[] = []
  const walk = async (entry: FileSystemEntry, path: string): Promise<void> => {
    if (isDirectory(entry)) {
      out.push({ kind: 'dir', path })
      for (const child of await childrenOf(entry)) await walk(child, `${path}/${child.name}`)
    } else if (isFile(entry)) {
      out.push({ kind: 'file', path, file: await fileOf(entry) })
    }
  }
  for (const root of roots) await walk(root, root.name)
  return out
}

/** Files from a picker: their folders rebuilt from `webkitRelativePath` when set, else flat. */
export function entriesFromFiles (files: File[]): UploadEntry[] {
  const out: UploadEntry[] = []
  const dirs = new Set<string>()
  for (const file of files) {
    const relative = file.webkitRelativePath
    const path = relative === '' ? file.name : relative
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/')
      if (!dirs.has(dir)) {
        dirs.add(dir)
        out.push({ kind: 'dir', path: dir })
      }
    }
    out.push({ kind: 'file', path, file })
  }
  return out
}

/** A drop's upload entries: walked entries when the browser gives them, else its files. */
export async function entriesFromDrop (roots: DropRoots): Promise<UploadEntry[]> {
  if (roots.entries.length > 0) return await walkEntries(roots.entries)
  return entriesFromFiles(roots.files)
}

/** How many files and bytes `entries` hold. */
export function sizeOf (entries: UploadEntry[]): { files: number, bytes: number } {
  let files = 0
  let bytes = 0
  for (const entry of entries) {
    if (entry.kind === 'file') {
      files++
      bytes += entry.file.size
    }
  }
  return { files, bytes }
}

/** The top-level names of `entries`, in order. */
export function topNames (entries: UploadEntry[]): string[] {
  const names = new Set<string>()
  for (const entry of entries) names.add(entry.path.split('/')[0] ?? entry.path)
  return [...names]
}

/** `entries` with top-level names changed as `renames` says (to keep both when a name is taken). */
export function renameTops (entries: UploadEntry[], renames: Map<string, string>): UploadEntry[] {
  if (renames.size === 0) return entries
  return entries.map((entry) => {
    const slash = entry.path.indexOf('/')
    const top = slash === -1 ? entry.path : entry.path.slice(0, slash)
    const to = renames.get(top)
    return to === undefined ? entry : { ...entry, path: to + (slash === -1 ? '' : entry.path.slice(slash)) }
  })
}
