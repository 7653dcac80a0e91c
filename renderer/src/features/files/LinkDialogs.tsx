/**
 * Getting content out: the links to an entry (its CID, `ipfs://`, the
 * local gateway, a public gateway), each with a copy button, and in the
 * desktop window, saving it to a local path with progress.
 */
import { useRef, useState } from 'react'
import { CopyButton } from '../../components/CopyButton.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { useConnection } from '../../lib/connection-store.ts'
import { formatBytes } from '../../lib/format.ts'
import { notify } from '../../lib/toasts.ts'
import { errorText } from '../../texts/errors.ts'
import { files as t } from '../../texts/files.ts'
import { useFiles } from './files-store.ts'
import { displayName } from './names.ts'
import { gatewayLink } from './RowMenu.tsx'
import type { FileEntry } from './files-store.ts'

/** A public gateway, for links that work for anyone once peers can fetch the content. */
export const PUBLIC_GATEWAY = 'https://dweb.link'

function LinkRow ({ label, value }: { label: string, value: string }) {
  return (
    <div className="link-row">
      <div className="link-label muted">{label}</div>
      <div className="link-value">
        <code className="mono">{value}</code>
        <CopyButton text={value} label={t.dialogs.copy(label)} />
      </div>
    </div>
  )
}

/** The links to `entry`. */
export function LinksDialog ({ entry, onClose }: { entry: FileEntry, onClose: () => void }) {
  const gateway = useConnection((s) => s.info?.gatewayUrl)
  return (
    <Dialog title={t.dialogs.linksTitle(displayName(entry.name))} onClose={onClose} className="links-dialog" footer={<button type="button" className="button" onClick={onClose}>{t.dialogs.close}</button>}>
      <LinkRow label={t.dialogs.linksCid} value={entry.cid} />
      <LinkRow label={t.dialogs.linksIpfs} value={`ipfs://${entry.cid}`} />
      {gateway === undefined ? <p className="muted">{t.actions.noGateway}</p> : <LinkRow label={t.dialogs.linksLocal} value={gatewayLink(gateway, entry.cid, entry.name, false)} />}
      <LinkRow label={t.dialogs.linksPublic} value={`${PUBLIC_GATEWAY}/ipfs/${entry.cid}?filename=${encodeURIComponent(entry.name)}`} />
    </Dialog>
  )
}

/** Save `entry` to a path on this computer (desktop window). */
export function SaveDialog ({ entry, onClose }: { entry: FileEntry, onClose: () => void }) {
  const [to, setTo] = useState('')
  const [bytes, setBytes] = useState<number | undefined>()
  const [error, setError] = useState<string | undefined>()
  const controller = useRef<AbortController | undefined>(undefined)
  const submit = (event: React.FormEvent): void => {
    event.preventDefault()
    controller.current = new AbortController()
    setBytes(0)
    setError(undefined)
    useFiles.getState().save(entry, to.trim(), setBytes, controller.current.signal).then(() => {
      notify(t.notices.saved(to.trim()), 'success')
      onClose()
    }, (err: unknown) => {
      setBytes(undefined)
      setError(errorText(err))
    })
  }
  const close = (): void => {
    controller.current?.abort()
    onClose()
  }
  return (
    <Dialog title={t.dialogs.saveTitle(displayName(entry.name))} onClose={close} footer={<>
      <button type="button" className="button" onClick={close}>{t.dialogs.cancel}</button>
      <button type="submit" form="save-dialog-form" className="button primary" disabled={bytes !== undefined}>{t.dialogs.saveButton}</button>
    </>}>
      <form id="save-dialog-form" onSubmit={submit} className="dialog-form">
        <label htmlFor="save-dialog-input">{t.dialogs.saveLabel}</label>
        <input id="save-dialog-input" type="text" data-autofocus value={to} onChange={(e) => { setTo(e.target.value) }} required />
        {bytes === undefined ? null : <><ProgressBar value={bytes} total={entry.type === 'file' ? entry.size : undefined} label={t.transfers.progressLabel(entry.name)} /><p className="muted">{formatBytes(bytes)}</p></>}
        {error === undefined ? null : <p className="error-text" role="alert">{error}</p>}
      </form>
    </Dialog>
  )
}
