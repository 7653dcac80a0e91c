/**
 * The order of a folder's entries: folders first, then by name (natural:
 * `file2` before `file10`, case folded as people expect) or by size.
 */
import type { FileEntry } from './files-store.ts'

/** What the list is sorted by, and which way. */
export interface SortOrder {
  key: 'name' | 'size'
  direction: 1 | -1
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** `entries` sorted by `order`, folders always first. */
export function sortEntries (entries: readonly FileEntry[], order: SortOrder): FileEntry[] {
  const byName = (a: FileEntry, b: FileEntry): number => collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  return [...entries].sort((a, b) => {
    const folders = Number(b.type === 'directory') - Number(a.type === 'directory')
    if (folders !== 0) return folders
    const primary = order.key === 'size' ? a.size - b.size || byName(a, b) : byName(a, b)
    return primary * order.direction
  })
}
