/**
 * Offers waiting for an answer, prompted anywhere in the app: a
 * non-modal alert dialog per offer ("<device> wants to send you <name>
 * (<size>)") with Accept, Decline and Later. It takes no focus (typing
 * elsewhere goes on), sits early in the Tab order, and leaves when the
 * offer is answered here, in the Inbox, or expires. Auto-accepted offers
 * are only a toast (share-store.ts).
 */
import { memo, useId, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { formatBytes } from '../../lib/format.ts'
import { notify } from '../../lib/toasts.ts'
import { share as t } from '../../texts/share.ts'
import { notifyShareError } from './share-notify.ts'
import { useShare } from './share-store.ts'
import './share.css'

const Prompt = memo(function Prompt ({ id }: { id: string }) {
  const item = useShare((s) => s.items[id])
  const [busy, setBusy] = useState(false)
  const labelId = useId()
  if (item === undefined || item.state !== 'waiting') return null
  const answer = (accept: boolean): void => {
    if (busy) return
    setBusy(true)
    const store = useShare.getState()
    ;(accept ? store.accept(id) : store.decline(id))
      .then(() => { if (accept) notify(t.offer.accepted(item.name), 'success') })
      .catch((err: unknown) => { notifyShareError(t.transfers.failed(accept ? t.transfers.actions.accept : t.transfers.actions.decline), err) })
      .finally(() => { setBusy(false) })
  }
  return (
    <div className="offer-prompt card" role="alertdialog" aria-modal="false" aria-labelledby={`${labelId}-title`} aria-describedby={`${labelId}-what`} data-testid="offer-prompt" data-id={id}>
      <p className="offer-title" id={`${labelId}-title`}><strong>{t.offer.title(item.deviceName)}</strong></p>
      <p className="offer-what" id={`${labelId}-what`}>
        <span className="offer-name" title={item.name}>{t.offer.what(item.name, formatBytes(item.totalBytes))}</span>
        {item.fileCount > 1 ? <span className="muted"> · {t.offer.files(item.fileCount)}</span> : null}
        {item.message === undefined || item.message === '' ? null : <span className="offer-message">{t.transfers.message(item.message)}</span>}
      </p>
      <div className="offer-actions">
        <button type="button" className="button primary small" aria-disabled={busy} data-testid="offer-accept" onClick={() => { answer(true) }}>{t.offer.accept}</button>
        <button type="button" className="button small" aria-disabled={busy} data-testid="offer-decline" onClick={() => { answer(false) }}>{t.offer.decline}</button>
        <button type="button" className="button small" aria-label={t.offer.laterLabel} title={t.offer.laterLabel} onClick={() => { useShare.getState().dismissPrompt(id) }}>{t.offer.later}</button>
      </div>
    </div>
  )
})

/** The prompts; nothing when no offer waits. */
export function OfferPrompts () {
  const prompts = useShare(useShallow((s) => s.prompts.filter((id) => s.items[id]?.state === 'waiting')))
  if (prompts.length === 0) return null
  return (
    <section className="offer-prompts" aria-label={t.offer.label} data-testid="offer-prompts">
      {prompts.map((id) => <Prompt key={id} id={id} />)}
    </section>
  )
}

/** How many received offers wait for an answer, as the navigation's badge. */
export function WaitingBadge () {
  const waiting = useShare((s) => s.waiting)
  if (waiting === 0) return null
  return <span className="share-badge nav-badge" data-testid="waiting-badge" title={t.offer.waiting(waiting)}><span aria-hidden="true">{waiting}</span><span className="visually-hidden">{t.offer.waiting(waiting)}</span></span>
}
