/**
 * The Files page: the node's Files tree at `path` with its breadcrumbs,
 * the add buttons (files, folder, new folder, from IPFS), the imports
 * under way, and the folder's entries with their actions. Dropping files
 * anywhere on the window is DropTarget's.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { EmptyState } from '../../components/EmptyState.tsx'
import { useConnection } from '../../lib/connection-store.ts'
import { navigate, routeHash } from '../../lib/route.ts'
import { errorText } from '../../texts/errors.ts'
import { files as t } from '../../texts/files.ts'
import { AddFromIpfs } from './AddFromIpfs.tsx'
import { Breadcrumbs } from './Breadcrumbs.tsx'
import { DeleteDialog, MoveDialog, NameDialog } from './EntryDialogs.tsx'
import { FileList } from './FileList.tsx'
import { PinIcon } from './FileRow.tsx'
import { useFiles } from './files-store.ts'
import { ImportButtons, ImportInputs, usePickers } from './ImportButtons.tsx'
import { LinksDialog, SaveDialog } from './LinkDialogs.tsx'
import { cleanFolder, joinPath } from './names.ts'
import { gatewayLink } from './RowMenu.tsx'
import { Transfers } from './Transfers.tsx'
import type { EntryAction } from './FileList.tsx'
import type { FileEntry } from './files-store.ts'
import './files.css'

type DialogState = { kind: Exclude<EntryAction, 'open' | 'explore'>, entry: FileEntry } | { kind: 'mkdir' }

function Skeleton () {
  return (
    <div className="files-scroll" aria-busy="true">
      <table className="data files-table skeleton" aria-label={t.loading}>
        <thead><tr><th scope="col">{t.columns.name}</th><th scope="col">{t.columns.size}</th><th scope="col">{t.columns.cid}</th><th scope="col">{t.columns.pinned}</th><th scope="col"><span className="visually-hidden">{t.columns.actions}</span></th></tr></thead>
        <tbody>{[0, 1, 2, 3, 4, 5].map((i) => <tr key={i} className="files-row"><td colSpan={5}><span className="skeleton-bar" /></td></tr>)}</tbody>
      </table>
    </div>
  )
}

function Summary ({ entries }: { entries: readonly FileEntry[] }) {
  const folders = entries.filter((e) => e.type === 'directory').length
  return (
    <p className="files-summary muted">
      <span>{t.summary(folders, entries.length - folders)}</span>
      <span className="legend"><PinIcon /> {t.legend}</span>
    </p>
  )
}

/** The Files tree at `path`. */
export function FilesPage ({ path, welcome }: { path: string, welcome?: React.ReactNode }) {
  const folder = cleanFolder(path)
  useEffect(() => { useFiles.getState().show(folder) }, [folder])
  const shown = useFiles((s) => s.folder)
  const entries = useFiles((s) => s.entries)
  const pinned = useFiles((s) => s.pinned)
  const error = useFiles((s) => s.error)
  const gateway = useConnection((s) => s.info?.gatewayUrl)
  const [dialog, setDialog] = useState<DialogState | undefined>()
  const [fetchOpen, setFetchOpen] = useState(false)
  const taken = useMemo(() => new Set((entries ?? []).map((e) => e.name)), [entries])
  const ready = shown === folder && entries !== undefined
  const pickers = usePickers()

  const onAction = useCallback((action: EntryAction, entry: FileEntry) => {
    if (action === 'explore') void useFiles.getState().explorePath(entry).then((path) => { navigate('explore', path) })
    else if (action !== 'open') setDialog({ kind: action, entry })
    else if (entry.type === 'directory') navigate('files', joinPath(folder, entry.name))
    else if (gateway !== undefined) window.open(gatewayLink(gateway, entry.cid, entry.name, false), '_blank', 'noopener,noreferrer')
    else setDialog({ kind: 'links', entry })
  }, [folder, gateway])
  const pageRef = useRef<HTMLDivElement>(null)
  const close = useCallback(() => {
    setDialog(undefined)
    // The row that opened the dialog may be gone (renamed, deleted): focus stays in the list, on its active row.
    requestAnimationFrame(() => {
      const lost = document.activeElement === document.body || document.activeElement === null
      if (lost) pageRef.current?.querySelector<HTMLElement>('[data-testid="files-row"][tabindex="0"]')?.focus()
    })
  }, [])

  let body
  if (!ready) body = <Skeleton />
  else if (error !== undefined) {
    const missing = /NotFound/.test(String((error as { name?: unknown }).name))
    body = (
      <div className="files-error card" role="alert">
        <p>{missing ? t.notFound(folder) : `${t.loadFailed}: ${errorText(error)}`}</p>
        {folder === '/' ? null : <a href={routeHash('files', '/')}>{t.goRoot}</a>}
      </div>
    )
  } else if (entries.length === 0) {
    body = folder === '/'
      ? <EmptyState title={t.empty.title} action={<>{welcome}<div className="empty-actions"><ImportButtons pickers={pickers} /></div></>}>{t.empty.body}</EmptyState>
      : <EmptyState title={t.empty.folderTitle}>{t.empty.folderBody}</EmptyState>
  } else {
    body = (
      <>
        <FileList folder={folder} entries={entries} pinned={pinned} onAction={onAction} />
        <Summary entries={entries} />
      </>
    )
  }

  return (
    <div className="page files-page" ref={pageRef}>
      <div className="files-header">
        <h1 className="visually-hidden">{t.title}</h1>
        <Breadcrumbs folder={folder} />
        <div className="files-toolbar">
          <ImportButtons pickers={pickers} primary={entries === undefined || entries.length > 0 || folder !== '/'} />
          <ImportInputs pickers={pickers} folder={folder} />
          <button type="button" className="button" onClick={() => { setDialog({ kind: 'mkdir' }) }}>{t.newFolder}</button>
          <button type="button" className="button" aria-expanded={fetchOpen} onClick={() => { setFetchOpen((o) => !o) }}>{t.addFromIpfs}</button>
        </div>
      </div>
      {fetchOpen ? <AddFromIpfs folder={folder} taken={taken} onDone={() => { setFetchOpen(false) }} /> : null}
      <Transfers />
      {body}
      {dialog?.kind === 'mkdir' ? <NameDialog taken={taken} onClose={close} /> : null}
      {dialog?.kind === 'rename' ? <NameDialog entry={dialog.entry} taken={new Set([...taken].filter((n) => n !== dialog.entry.name))} onClose={close} /> : null}
      {dialog?.kind === 'move' ? <MoveDialog entry={dialog.entry} folder={folder} onClose={close} /> : null}
      {dialog?.kind === 'delete' ? <DeleteDialog entry={dialog.entry} onClose={close} /> : null}
      {dialog?.kind === 'links' ? <LinksDialog entry={dialog.entry} onClose={close} /> : null}
      {dialog?.kind === 'save' ? <SaveDialog entry={dialog.entry} onClose={close} /> : null}
    </div>
  )
}
