/**
 * One row of the Files list: icon and name, size, short CID (the full one
 * in its title), the pin mark, and the actions button. Rows are memoised
 * and take plain values, so a list update re-renders only rows that
 * changed. Names come from content: rendered as text only.
 */
import { memo } from 'react'
import { formatBytes, shorten } from '../../lib/format.ts'
import { routeHash } from '../../lib/route.ts'
import { files as t } from '../../texts/files.ts'
import { displayName, joinPath } from './names.ts'
import type { FileEntry } from './files-store.ts'

const FOLDER_ICON = 'M3 6a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z'
const FILE_ICON = 'M6 3h8l4 4v14H6zM14 3v4h4'

/** The icon of a folder or a file, hidden from assistive technology (the row says which). */
export function EntryIcon ({ folder }: { folder: boolean }) {
  return (
    <svg className={folder ? 'entry-icon folder' : 'entry-icon'} viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path d={folder ? FOLDER_ICON : FILE_ICON} />
    </svg>
  )
}

/** Props of a row: the entry, where it is, and what the list needs back. */
export interface FileRowProps {
  entry: FileEntry
  index: number
  folder: string
  pinned: boolean
  active: boolean
  onMenu: (index: number, anchor: HTMLElement) => void
  onOpen: (index: number) => void
}

/** One entry as a table row; focusable (roving: only the active row is in the Tab order). */
export const FileRow = memo(function FileRow ({ entry, index, folder, pinned, active, onMenu, onOpen }: FileRowProps) {
  const isFolder = entry.type === 'directory'
  return (
    <tr
      className={active ? 'files-row active' : 'files-row'}
      tabIndex={active ? 0 : -1}
      data-testid="files-row"
      data-name={entry.name}
      data-index={index}
      aria-rowindex={index + 2}
      onDoubleClick={() => { onOpen(index) }}
      onContextMenu={(e) => {
        e.preventDefault()
        onMenu(index, e.currentTarget.querySelector<HTMLElement>('.row-menu-button') ?? e.currentTarget)
      }}
    >
      <td className="name-cell">
        <div className="name-wrap">
          <EntryIcon folder={isFolder} />
        <span className="visually-hidden">{isFolder ? t.folder : t.file}</span>
        {isFolder
          ? <a className="entry-name" href={routeHash('files', joinPath(folder, entry.name))} tabIndex={-1} title={entry.name}>{displayName(entry.name)}</a>
          : <span className="entry-name" title={entry.name}>{displayName(entry.name)}</span>}
        </div>
      </td>
      <td className="size-cell">{isFolder ? '—' : formatBytes(entry.size)}</td>
      <td className="cid-cell mono" title={entry.cid}>{shorten(entry.cid, 6)}</td>
      <td className="pin-cell">
        {pinned ? <span className="pin-mark" title={t.pinnedTitle}><PinIcon /><span className="visually-hidden">{t.pinnedMark}</span></span> : null}
      </td>
      <td className="actions-cell">
        <button
          type="button"
          className="icon-button row-menu-button"
          tabIndex={active ? 0 : -1}
          aria-haspopup="menu"
          aria-label={t.actions.menu(displayName(entry.name))}
          onClick={(e) => { onMenu(index, e.currentTarget) }}
        >⋯</button>
      </td>
    </tr>
  )
})

/** The pin mark. */
export function PinIcon () {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" className="pin-icon">
      <path d="M9 3h6l-1 6 4 4H6l4-4zM12 13v8" />
    </svg>
  )
}
