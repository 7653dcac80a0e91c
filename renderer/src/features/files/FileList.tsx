/**
 * A folder's entries as a virtualised table: only the rows in view (and a
 * few around) are in the DOM, so 10,000 entries scroll smoothly. The
 * table keeps real headers (sortable by name or size, folders first);
 * rows are reached with one Tab and moved through with the arrow keys,
 * Home/End and Page Up/Down. Enter opens, F2 renames, Delete deletes,
 * the menu key (or Shift+F10) shows a row's actions.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { defaultRangeExtractor, observeElementRect, useVirtualizer } from '@tanstack/react-virtual'
import { files as t } from '../../texts/files.ts'
import { FileRow } from './FileRow.tsx'
import { cidKey } from './names.ts'
import { RowMenu } from './RowMenu.tsx'
import { sortEntries } from './sort.ts'
import type { FileEntry } from './files-store.ts'
import type { SortOrder } from './sort.ts'
import type { Range, VirtualItem } from '@tanstack/react-virtual'

/** What a row action asks the page to do. */
export type EntryAction = 'open' | 'rename' | 'move' | 'delete' | 'links' | 'save' | 'explore'

const ROW_HEIGHT = 40
const FALLBACK_RECT = { width: 900, height: 480 }

/** The scroll box's size; a box not laid out (hidden, or a test's DOM) counts as a usual one, so rows still render. */
const observeRect: typeof observeElementRect = (instance, report) => observeElementRect(instance, (rect) => { report(rect.height === 0 ? FALLBACK_RECT : rect) })

/** What identifies an entry of a folder across reloads: its name and type. */
function entryKey (entry: FileEntry): string {
  return `${entry.name}\u0000${entry.type}`
}

/** The rendered rows with spacer rows for the space of those not rendered (before, between and after). */
function withSpacers (items: VirtualItem[], total: number): Array<VirtualItem | { key: string, gap: number }> {
  const out: Array<VirtualItem | { key: string, gap: number }> = []
  let end = 0
  for (const item of items) {
    if (item.start > end) out.push({ key: `gap-${end}`, gap: item.start - end })
    out.push(item)
    end = item.end
  }
  if (total > end) out.push({ key: `gap-${end}`, gap: total - end })
  return out
}

/** The table of `entries` in `folder`. */
export const FileList = memo(function FileList ({ folder, entries, pinned, onAction }: {
  folder: string
  entries: readonly FileEntry[]
  pinned: ReadonlySet<string>
  onAction: (action: EntryAction, entry: FileEntry) => void
}) {
  const [order, setOrder] = useState<SortOrder>({ key: 'name', direction: 1 })
  const rows = useMemo(() => sortEntries(entries, order), [entries, order])
  // The focused row and the open menu follow their entry (by name and type), not a position: a reload
  // (an import ending, a rename) shifts rows, and keys must act on the entry the user is on.
  const [active, setActive] = useState<{ key: string | undefined, index: number }>({ key: undefined, index: 0 })
  const [menu, setMenu] = useState<{ key: string, anchor: HTMLElement } | undefined>()
  const scrollRef = useRef<HTMLDivElement>(null)
  const focusWanted = useRef(false)
  const found = active.key === undefined ? -1 : rows.findIndex((e) => entryKey(e) === active.key)
  // An active entry that is gone (deleted, renamed) leaves the row now at its place active.
  const current = found >= 0 ? found : Math.min(active.index, Math.max(0, rows.length - 1))
  const menuEntry = menu === undefined ? undefined : rows.find((e) => entryKey(e) === menu.key)
  const activate = useCallback((index: number) => {
    const entry = rows[index]
    setActive({ key: entry === undefined ? undefined : entryKey(entry), index })
  }, [rows])
  // The active row stays rendered when scrolled out of view, so focus is never lost to virtualisation.
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range)
    if (range.count > 0 && !indexes.includes(current)) indexes.push(current)
    return indexes.sort((a, b) => a - b)
  }, [current])
  const virtualizer = useVirtualizer({
    count: rows.length,
    rangeExtractor,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeRect
  })

  useEffect(() => {
    setActive({ key: undefined, index: 0 })
    setMenu(undefined)
  }, [folder])
  // The menu's entry is gone (deleted, renamed by a reload): the menu closes.
  useEffect(() => { if (menu !== undefined && menuEntry === undefined) setMenu(undefined) }, [menu, menuEntry])

  useEffect(() => {
    if (!focusWanted.current) return
    focusWanted.current = false
    scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${current}"]`)?.focus({ preventScroll: true })
  })

  const move = useCallback((index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index))
    focusWanted.current = true
    activate(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }, [rows.length, virtualizer, activate])

  const openMenu = useCallback((index: number, anchor: HTMLElement) => {
    const entry = rows[index]
    if (entry === undefined) return
    activate(index)
    setMenu({ key: entryKey(entry), anchor })
  }, [rows, activate])
  const open = useCallback((index: number) => {
    const entry = rows[index]
    if (entry !== undefined) onAction('open', entry)
  }, [rows, onAction])

  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (!(event.target instanceof HTMLTableRowElement)) return
    const entry = rows[current]
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1)
    const keys: Record<string, () => void> = {
      ArrowDown: () => { move(current + 1) },
      ArrowUp: () => { move(current - 1) },
      Home: () => { move(0) },
      End: () => { move(rows.length - 1) },
      PageDown: () => { move(current + page) },
      PageUp: () => { move(current - page) },
      Enter: () => { open(current) },
      Delete: () => { if (entry !== undefined) onAction('delete', entry) },
      F2: () => { if (entry !== undefined) onAction('rename', entry) },
      ContextMenu: () => { openMenu(current, event.target as HTMLElement) }
    }
    const key = event.key === 'F10' && event.shiftKey ? 'ContextMenu' : event.key
    const handler = keys[key]
    if (handler === undefined) return
    event.preventDefault()
    handler()
  }

  const items = virtualizer.getVirtualItems()
  const sortButton = (key: SortOrder['key'], label: string) => (
    <th scope="col" aria-sort={order.key === key ? (order.direction === 1 ? 'ascending' : 'descending') : 'none'} className={`${key}-cell`}>
      <button type="button" className="sort-button" onClick={() => { setOrder((o) => ({ key, direction: o.key === key ? (o.direction === 1 ? -1 : 1) : 1 })) }}>
        {label}<span aria-hidden="true">{order.key === key ? (order.direction === 1 ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  )

  return (
    <div className="files-scroll" ref={scrollRef} data-testid="files-list">
      <table className="data files-table" aria-label={t.listLabel(folder)} aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {sortButton('name', t.columns.name)}
            {sortButton('size', t.columns.size)}
            <th scope="col" className="cid-cell">{t.columns.cid}</th>
            <th scope="col" className="pin-cell" title={t.legend}>{t.columns.pinned}</th>
            <th scope="col" className="actions-cell"><span className="visually-hidden">{t.columns.actions}</span></th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown} onFocus={(e) => {
          const index = Number((e.target as HTMLElement).closest('tr')?.dataset.index)
          const entry = Number.isInteger(index) ? rows[index] : undefined
          if (entry !== undefined && entryKey(entry) !== active.key) activate(index)
        }}>
          {withSpacers(items, virtualizer.getTotalSize()).map((item) => {
            if ('gap' in item) return <tr key={item.key} className="spacer" aria-hidden="true" style={{ height: item.gap }}><td colSpan={5} /></tr>
            const entry = rows[item.index]
            if (entry === undefined) return null
            return <FileRow key={entryKey(entry)} entry={entry} index={item.index} folder={folder} pinned={pinned.has(cidKey(entry.cid))} active={item.index === current} onMenu={openMenu} onOpen={open} />
          })}
        </tbody>
      </table>
      {menu !== undefined && menuEntry !== undefined
        ? <RowMenu entry={menuEntry} anchor={menu.anchor} onAction={onAction} onClose={() => { setMenu(undefined) }} />
        : null}
    </div>
  )
})
