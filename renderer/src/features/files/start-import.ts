/**
 * Starting an import from what a user dropped or picked. In a browser the
 * Files themselves are uploaded; in the desktop window only their local
 * paths cross (the preload's `pathsOf`), and the node reads the disk.
 */
import { notify } from '../../lib/toasts.ts'
import { files as t } from '../../texts/files.ts'
import { entriesFromDrop, entriesFromFiles } from '../../lib/collect.ts'
import { useTransfers } from './transfers-store.ts'
import type { DropRoots } from '../../lib/collect.ts'

function pathsOf (): ((files: File[]) => string[]) | undefined {
  return typeof window === 'undefined' ? undefined : window.planetary?.pathsOf
}

function importPaths (paths: string[], folder: string, bytes: number | undefined): void {
  const names = paths.map((p) => p.split(/[\\/]/).filter((s) => s !== '').pop() ?? p)
  useTransfers.getState().addImport({ kind: 'paths', paths, names, bytes }, folder)
}

/** Import files from a picker (`folderPick`: the folder picker, whose files carry relative paths). */
export function importPicked (files: File[], folder: string, folderPick: boolean): void {
  if (files.length === 0) {
    notify(t.notices.emptyPick)
    return
  }
  const toPaths = pathsOf()
  if (toPaths !== undefined) {
    const paths = toPaths(files)
    if (!folderPick) {
      importPaths(paths, folder, files.reduce((sum, f) => sum + f.size, 0))
      return
    }
    // The picked folder's own path: a file's path without its relative path below that folder.
    const first = files[0]
    const path = paths[0] ?? ''
    const below = (first?.webkitRelativePath ?? '').split('/').slice(1).join('/')
    const root = below === '' ? path : path.slice(0, path.length - below.length - 1)
    importPaths([root], folder, files.reduce((sum, f) => sum + f.size, 0))
    return
  }
  useTransfers.getState().addImport({ kind: 'entries', entries: entriesFromFiles(files) }, folder)
}

/** Import a drop's roots (taken during the drop event). */
export function importDropped (roots: DropRoots, folder: string): void {
  const toPaths = pathsOf()
  if (toPaths !== undefined && roots.files.length > 0) {
    importPaths(toPaths(roots.files), folder, undefined)
    return
  }
  if (roots.entries.length === 0 && roots.files.length === 0) return
  useTransfers.getState().addImport({ kind: 'entries', entries: entriesFromDrop(roots) }, folder)
}
