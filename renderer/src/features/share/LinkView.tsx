/**
 * A LAN link: its URL with a copy button, its QR code, its downloads, and
 * Revoke. Without a URL (the server is off) it says how to turn it on.
 */
import { useState } from 'react'
import { CopyButton } from '../../components/CopyButton.tsx'
import { share as t } from '../../texts/share.ts'
import { QrCode } from './QrCode.tsx'
import { notifyShareError } from './share-notify.ts'
import { useShare } from './share-store.ts'
import type { ShareLink } from './share-store.ts'

/** The link `link`, with its QR code when `qr`. */
export function LinkView ({ link, qr }: { link: ShareLink, qr: boolean }) {
  const revoke = useShare((s) => s.linkRevoke)
  const [busy, setBusy] = useState(false)
  const onRevoke = (): void => {
    setBusy(true)
    revoke(link.id).catch((err: unknown) => { notifyShareError(t.links.revokeFailed, err) }).finally(() => { setBusy(false) })
  }
  return (
    <div className="link-view" data-testid="link-view" data-id={link.id}>
      <div className="link-line">
        <strong className="link-name" title={link.name}>{link.name}</strong>
        {link.hasPin ? <span className="tag">{t.links.pinned}</span> : null}
        <span className="muted">{t.links.downloads(link.downloads)}</span>
      </div>
      {link.url === undefined
        ? <p className="muted">{t.links.noUrl}</p>
        : (
          <div className="link-line">
            <a className="mono link-url" href={link.url} target="_blank" rel="noreferrer noopener" data-testid="link-url">{link.url}</a>
            <CopyButton text={link.url} label={t.links.copy} />
          </div>
          )}
      {qr && link.url !== undefined ? <QrCode text={link.url} label={t.links.qr(link.url)} /> : null}
      <div><button type="button" className="button small danger" aria-label={t.links.revokeLabel(link.name)} aria-disabled={busy} data-testid="link-revoke" onClick={() => { if (!busy) onRevoke() }}>{t.links.revoke}</button></div>
    </div>
  )
}

/** Whether the LAN link server runs, and the switch to turn it on (or off, with `canTurnOff`). */
export function LinkServerState ({ canTurnOff = false }: { canTurnOff?: boolean }) {
  const links = useShare((s) => s.links)
  const error = useShare((s) => s.linksError)
  const setServer = useShare((s) => s.linkServer)
  const [busy, setBusy] = useState(false)
  if (links === undefined) return error === undefined ? null : <p className="muted" data-testid="links-unavailable">{t.links.unavailable}</p>
  const turn = (enabled: boolean): void => {
    setBusy(true)
    setServer(enabled).catch((err: unknown) => { notifyShareError(t.links.serverFailed, err) }).finally(() => { setBusy(false) })
  }
  if (links.enabled) {
    return (
      <p className="link-server on" data-testid="link-server">
        <span>{t.links.serverOn(links.origin ?? '')}</span>
        {canTurnOff ? <button type="button" className="button small" aria-disabled={busy} onClick={() => { if (!busy) turn(false) }}>{t.links.turnOff}</button> : null}
      </p>
    )
  }
  return (
    <p className="link-server off" data-testid="link-server">
      <span>{t.links.serverOff}</span>
      <button type="button" className="button small primary" aria-disabled={busy} data-testid="link-server-on" onClick={() => { if (!busy) turn(true) }}>{t.links.turnOn}</button>
    </p>
  )
}
