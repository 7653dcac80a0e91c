/**
 * One transfer in the Inbox or Sent list, at a fixed height so the list
 * never jumps: name, the other device, size and state in words, and while
 * it moves a progress bar with bytes, speed and sources; then where it was
 * saved (received) or whether it was delivered (sent); its message; and
 * the actions its state allows.
 */
import { memo, useState } from 'react'
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { formatBytes, formatSpeed } from '../../lib/format.ts'
import { routeHash } from '../../lib/route.ts'
import { share as t } from '../../texts/share.ts'
import { isActive, isFinished } from './merge.ts'
import { notifyShareError } from './share-notify.ts'
import { useShare } from './share-store.ts'
import { ago } from './time.ts'
import type { ShareItem } from './merge.ts'

/** A row's height in pixels (the list's virtualiser counts on it). */
export const ROW_HEIGHT = 96

type Action = 'accept' | 'decline' | 'cancel' | 'remove'

function Outcome ({ item }: { item: ShareItem }) {
  if (item.state === 'transferring' || item.state === 'paused') {
    const parts = [t.transfers.bytes(formatBytes(item.bytes), formatBytes(item.totalBytes))]
    if (item.state === 'transferring' && item.speed > 0) parts.push(formatSpeed(item.speed))
    if (item.sources.length > 0) parts.push(t.transfers.sources(item.sources.length))
    return (
      <div className="row-progress" data-testid="item-progress" data-bytes={item.bytes} data-total={item.totalBytes}>
        <ProgressBar value={item.bytes} total={item.totalBytes > 0 ? item.totalBytes : 1} label={t.transfers.progressLabel(item.name)} />
        <span className="muted">{parts.join(' · ')}</span>
      </div>
    )
  }
  if (item.error !== undefined && item.state === 'failed') return <p className="error-text row-line" title={item.error.message}>{item.error.message}</p>
  if (item.state === 'done' && item.direction === 'in') {
    return (
      <p className="row-line">
        {item.savedTo !== undefined && item.savedTo.length > 0 ? <span className="saved-to" title={item.savedTo.join('\n')}>{t.transfers.savedTo(item.savedTo[0] ?? '')}</span> : null}
        {item.filesPath === undefined ? null : <a href={routeHash('files', item.filesPath)} data-testid="item-files-link">{t.transfers.showInFiles}</a>}
      </p>
    )
  }
  if (item.state === 'done' && item.receipt !== undefined) return <p className="row-line success-text">{t.transfers.delivered(ago(item.receipt.receivedAt))}</p>
  return null
}

/** The transfer `id`, at position `index` of `count`, `top` pixels down the list; `onDetails` opens its details. */
export const TransferRow = memo(function TransferRow ({ id, index, count, top, onDetails }: { id: string, index: number, count: number, top: number, onDetails: (id: string) => void }) {
  const item = useShare((s) => s.items[id])
  const [busy, setBusy] = useState<Action | undefined>()
  if (item === undefined) return null
  const run = (action: Action): void => {
    setBusy(action)
    useShare.getState()[action](id).catch((err: unknown) => { notifyShareError(t.transfers.failed(t.transfers.actions[action]), err) }).finally(() => { setBusy(undefined) })
  }
  const button = (action: Action, label: string, aria: string, primary = false) => (
    <button type="button" className={`button small${primary ? ' primary' : ''}`} aria-label={aria} aria-disabled={busy !== undefined} data-testid={`item-${action}`} onClick={() => { if (busy === undefined) run(action) }}>{label}</button>
  )
  const other = item.direction === 'in' ? t.transfers.from(item.deviceName) : t.transfers.to(item.deviceName)
  return (
    <div className={`share-row state-${item.state}`} role="listitem" aria-posinset={index + 1} aria-setsize={count} aria-label={`${item.name}, ${other}, ${t.transfers.state(item.direction, item.state)}`} data-testid="share-item" data-id={id} data-state={item.state} style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}>
      <div className="row-main">
        <p className="row-line row-head">
          <span className="row-name" title={item.name}>{item.name}</span>
          <span className="muted row-other" title={item.peer}>{other}</span>
          <span className="muted">{formatBytes(item.totalBytes)}{item.fileCount > 1 ? ` · ${t.transfers.files(item.fileCount)}` : ''}</span>
        </p>
        <p className="row-line">
          <span className={`state-tag ${item.state}`} data-testid="item-state">{t.transfers.state(item.direction, item.state)}</span>
          {item.verified ? <span className="verified" title={t.transfers.verifiedHint}>✓ {t.transfers.verified}</span> : null}
          <span className="muted">{ago(item.updatedAt)}</span>
          {item.message === undefined || item.message === '' ? null : <span className="row-message" title={item.message}>{t.transfers.message(item.message)}</span>}
        </p>
        <Outcome item={item} />
      </div>
      <div className="row-actions">
        {item.direction === 'in' && item.state === 'waiting'
          ? <>{button('accept', t.transfers.accept, t.transfers.acceptLabel(item.name), true)}{button('decline', t.transfers.decline, t.transfers.declineLabel(item.name))}</>
          : isActive(item) ? button('cancel', t.transfers.cancel, t.transfers.cancelLabel(item.name)) : null}
        {item.direction === 'out' || item.state === 'done'
          ? <button type="button" className="button small" aria-label={t.transfers.detailsLabel(item.name)} data-testid="item-details" onClick={() => { onDetails(id) }}>{t.transfers.details}</button>
          : null}
        {isFinished(item) ? button('remove', t.transfers.remove, t.transfers.removeLabel(item.name)) : null}
      </div>
    </div>
  )
})
