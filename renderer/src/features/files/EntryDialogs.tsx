/**
 * The dialogs of the Files page's edits: a name (rename, new folder), a
 * destination folder (move), and the delete confirmation that says what
 * happens to the space. Each checks what was typed before sending, shows
 * the node's refusal inside the dialog, and closes only on success.
 */
import { useState } from 'react'
import { Dialog } from '../../components/Dialog.tsx'
import { notify } from '../../lib/toasts.ts'
import { errorText } from '../../texts/errors.ts'
import { files as t } from '../../texts/files.ts'
import { useFiles } from './files-store.ts'
import { cidKey, cleanFolder, displayName, folderName, joinPath, nameProblem } from './names.ts'
import type { FileEntry } from './files-store.ts'

/** An async submit with its error kept for the dialog. */
function useSubmit (): { busy: boolean, error: string | undefined, setError: (e: string | undefined) => void, run: (work: () => Promise<void>) => void } {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const run = (work: () => Promise<void>): void => {
    setBusy(true)
    setError(undefined)
    work().catch((err: unknown) => { setError(errorText(err)) }).finally(() => { setBusy(false) })
  }
  return { busy, error, setError, run }
}

function Footer ({ onClose, busy, label, form, danger = false }: { onClose: () => void, busy: boolean, label: string, form: string, danger?: boolean }) {
  return (
    <>
      <button type="button" className="button" onClick={onClose}>{t.dialogs.cancel}</button>
      <button type="submit" form={form} className={danger ? 'button primary danger-fill' : 'button primary'} disabled={busy}>{label}</button>
    </>
  )
}

/** Ask for a name: rename `entry` (when given) or create a folder. */
export function NameDialog ({ entry, taken, onClose }: { entry?: FileEntry, taken: ReadonlySet<string>, onClose: () => void }) {
  const [name, setName] = useState(entry?.name ?? '')
  const { busy, error, setError, run } = useSubmit()
  const formId = 'name-dialog-form'
  const submit = (event: React.FormEvent): void => {
    event.preventDefault()
    if (entry !== undefined && name === entry.name) {
      onClose()
      return
    }
    const problem = nameProblem(name, taken)
    if (problem !== undefined) {
      setError(t.nameProblems[problem])
      return
    }
    run(async () => {
      if (entry === undefined) await useFiles.getState().mkdir(name)
      else await useFiles.getState().rename(entry, name)
      notify(entry === undefined ? t.notices.created(name) : t.notices.renamed(name), 'success')
      onClose()
    })
  }
  return (
    <Dialog title={entry === undefined ? t.dialogs.newFolderTitle : t.dialogs.renameTitle(displayName(entry.name))} onClose={onClose} footer={<Footer onClose={onClose} busy={busy} form={formId} label={entry === undefined ? t.dialogs.newFolderButton : t.dialogs.renameButton} />}>
      <form id={formId} onSubmit={submit} className="dialog-form" noValidate>
        <label htmlFor="name-dialog-input">{entry === undefined ? t.dialogs.newFolderLabel : t.dialogs.renameLabel}</label>
        <input id="name-dialog-input" type="text" data-autofocus value={name} autoComplete="off" spellCheck={false}
          aria-invalid={error === undefined ? undefined : true} aria-describedby={error === undefined ? undefined : 'name-dialog-error'}
          onChange={(e) => { setName(e.target.value); setError(undefined) }}
          onFocus={(e) => { const dot = e.target.value.lastIndexOf('.'); e.target.setSelectionRange(0, entry?.type === 'file' && dot > 0 ? dot : e.target.value.length) }} />
        {error === undefined ? null : <p id="name-dialog-error" className="error-text" role="alert">{error}</p>}
      </form>
    </Dialog>
  )
}

/** Ask where to move `entry` (a folder path in Files). */
export function MoveDialog ({ entry, folder, onClose }: { entry: FileEntry, folder: string, onClose: () => void }) {
  const [to, setTo] = useState(folder)
  const { busy, error, setError, run } = useSubmit()
  const formId = 'move-dialog-form'
  const submit = (event: React.FormEvent): void => {
    event.preventDefault()
    const target = cleanFolder(to.trim())
    const self = joinPath(folder, entry.name)
    if (!to.trim().startsWith('/')) setError(t.dialogs.movePath)
    else if (target === folder) setError(t.dialogs.moveSame)
    else if (entry.type === 'directory' && (target === self || target.startsWith(`${self}/`))) setError(t.dialogs.moveInside)
    else {
      run(async () => {
        await useFiles.getState().move(entry, target)
        notify(t.notices.moved(folderName(target, t.root)), 'success')
        onClose()
      })
    }
  }
  return (
    <Dialog title={t.dialogs.moveTitle(displayName(entry.name))} onClose={onClose} footer={<Footer onClose={onClose} busy={busy} form={formId} label={t.dialogs.moveButton} />}>
      <form id={formId} onSubmit={submit} className="dialog-form" noValidate>
        <label htmlFor="move-dialog-input">{t.dialogs.moveLabel}</label>
        <input id="move-dialog-input" type="text" data-autofocus value={to} autoComplete="off" spellCheck={false}
          aria-invalid={error === undefined ? undefined : true} aria-describedby={error === undefined ? 'move-dialog-hint' : 'move-dialog-error'}
          onChange={(e) => { setTo(e.target.value); setError(undefined) }} />
        <p id="move-dialog-hint" className="muted">{t.dialogs.moveHint}</p>
        {error === undefined ? null : <p id="move-dialog-error" className="error-text" role="alert">{error}</p>}
      </form>
    </Dialog>
  )
}

/** Confirm deleting `entry`, saying what happens to its blocks. */
export function DeleteDialog ({ entry, onClose }: { entry: FileEntry, onClose: () => void }) {
  const pinned = useFiles((s) => s.pinned.has(cidKey(entry.cid)))
  const { busy, error, run } = useSubmit()
  const formId = 'delete-dialog-form'
  const submit = (event: React.FormEvent): void => {
    event.preventDefault()
    run(async () => {
      await useFiles.getState().remove(entry)
      notify(t.notices.deleted(entry.name), 'success')
      onClose()
    })
  }
  return (
    <Dialog title={t.dialogs.deleteTitle(displayName(entry.name))} onClose={onClose} footer={<Footer onClose={onClose} busy={busy} form={formId} label={t.dialogs.deleteButton} danger />}>
      <form id={formId} onSubmit={submit} className="dialog-form" data-testid="delete-dialog">
        {entry.type === 'directory' ? <p>{t.dialogs.deleteFolder}</p> : null}
        <p>{t.dialogs.deleteBody}</p>
        {pinned ? <p className="pinned-note">{t.dialogs.deletePinned}</p> : null}
        {error === undefined ? null : <p className="error-text" role="alert">{error}</p>}
      </form>
    </Dialog>
  )
}
