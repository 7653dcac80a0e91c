/**
 * A row's actions as a menu: opened by the row's ⋯ button, a right click
 * or the menu key; arrow keys move between items, Escape or Tab closes it
 * and focus returns to where it was. Download and open go through the
 * local gateway (its own origin, never the web UI's); when the node did
 * not report one, they are left out and the menu says why.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useConnection } from '../../lib/connection-store.ts'
import { files as t } from '../../texts/files.ts'
import type { EntryAction } from './FileList.tsx'
import type { FileEntry } from './files-store.ts'

/** The gateway URL of `cid`, named `name` (a download when `download`). */
export function gatewayLink (gateway: string, cid: string, name: string, download: boolean): string {
  return `${gateway}/ipfs/${cid}?filename=${encodeURIComponent(name)}${download ? '&download=true' : ''}`
}

interface Item { key: string, label: string, action?: EntryAction, href?: string, newTab?: boolean, danger?: boolean }

function itemsFor (entry: FileEntry, gateway: string | undefined, desktop: boolean): Item[] {
  const folder = entry.type === 'directory'
  const items: Item[] = [{ key: 'open', label: folder ? t.actions.openFolder : t.actions.openFile, ...(folder ? { action: 'open' as const } : gateway === undefined ? {} : { href: gatewayLink(gateway, entry.cid, entry.name, false), newTab: true }) }]
  if (!folder && gateway !== undefined && !desktop) items.push({ key: 'download', label: t.actions.download, href: gatewayLink(gateway, entry.cid, entry.name, true) })
  if (desktop) items.push({ key: 'save', label: t.actions.save, action: 'save' })
  items.push(
    { key: 'links', label: t.actions.links, action: 'links' },
    { key: 'explore', label: t.actions.explore, action: 'explore' },
    { key: 'rename', label: t.actions.rename, action: 'rename' },
    { key: 'move', label: t.actions.move, action: 'move' },
    { key: 'delete', label: t.actions.delete, action: 'delete', danger: true }
  )
  return items.filter((item) => item.action !== undefined || item.href !== undefined)
}

/** The actions of `entry`, shown beside `anchor`. */
export function RowMenu ({ entry, anchor, onAction, onClose }: { entry: FileEntry, anchor: HTMLElement, onAction: (action: EntryAction, entry: FileEntry) => void, onClose: () => void }) {
  const gateway = useConnection((s) => s.info?.gatewayUrl)
  const desktop = typeof window !== 'undefined' && window.planetary !== undefined
  const items = itemsFor(entry, gateway, desktop)
  const ref = useRef<HTMLDivElement>(null)
  const [place, setPlace] = useState({ top: 0, left: 0 })

  useLayoutEffect(() => {
    const rect = anchor.getBoundingClientRect()
    const height = ref.current?.offsetHeight ?? 300
    const width = ref.current?.offsetWidth ?? 220
    const top = rect.bottom + height > window.innerHeight ? Math.max(8, rect.top - height) : rect.bottom
    setPlace({ top, left: Math.max(8, Math.min(rect.right - width, window.innerWidth - width - 8)) })
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
  }, [anchor])

  useEffect(() => {
    const away = (event: MouseEvent): void => { if (!(ref.current?.contains(event.target as Node) ?? false)) onClose() }
    document.addEventListener('mousedown', away)
    return () => { document.removeEventListener('mousedown', away) }
  }, [onClose])

  const close = (refocus: boolean): void => {
    onClose()
    if (refocus && anchor.isConnected) anchor.focus()
  }
  const onKeyDown = (event: React.KeyboardEvent): void => {
    const all = Array.from(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])
    const at = all.indexOf(document.activeElement as HTMLElement)
    const go = (i: number): void => { all[(i + all.length) % all.length]?.focus() }
    if (event.key === 'ArrowDown') go(at + 1)
    else if (event.key === 'ArrowUp') go(at - 1)
    else if (event.key === 'Home') go(0)
    else if (event.key === 'End') go(all.length - 1)
    else if (event.key === 'Escape') close(true)
    else if (event.key === 'Tab') close(false)
    else return
    if (event.key !== 'Tab') event.preventDefault()
    event.stopPropagation()
  }

  return (
    <div ref={ref} className="row-menu card" role="menu" aria-label={t.actions.menu(entry.name)} style={place} onKeyDown={onKeyDown}>
      {items.map((item) => item.href !== undefined
        ? <a key={item.key} role="menuitem" tabIndex={-1} href={item.href} {...(item.newTab === true ? { target: '_blank', rel: 'noopener noreferrer' } : {})} onClick={() => { close(true) }}>{item.label}</a>
        : <button key={item.key} type="button" role="menuitem" tabIndex={-1} className={item.danger === true ? 'danger' : undefined} onClick={() => { close(true); if (item.action !== undefined) onAction(item.action, entry) }}>{item.label}</button>)}
      {gateway === undefined ? <p className="menu-note muted">{t.actions.noGateway}</p> : null}
    </div>
  )
}
