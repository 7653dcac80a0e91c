/**
 * The imports and fetches under way, queued or just finished: each item
 * its own subscriber, so a progress tick re-renders that item alone.
 */
import { memo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { formatBytes, formatDuration, formatSpeed, percent } from '../../lib/format.ts'
import { files as t } from '../../texts/files.ts'
import { displayName, folderName } from './names.ts'
import { finished, useTransfers } from './transfers-store.ts'
import type { Transfer } from './transfers-store.ts'

function statusLine (x: Transfer): string[] {
  const parts: string[] = []
  const bytes = t.transfers.bytes(formatBytes(x.bytes), x.total === undefined ? undefined : formatBytes(x.total))
  switch (x.status) {
    case 'preparing': return [t.transfers.preparing]
    case 'queued': return [t.transfers.queued, ...(x.total === undefined ? [] : [formatBytes(x.total)])]
    case 'cancelled': return [t.transfers.cancelled]
    case 'failed': return [t.transfers.failed]
    case 'done': return x.kind === 'fetch' ? [t.transfers.done, t.pinnedMark] : [t.transfers.done, ...(x.kind === 'import' && x.files > 0 ? [t.transfers.fileCount(x.files, x.files)] : []), ...(x.total === undefined ? [] : [formatBytes(x.total)])]
    case 'finishing': return [t.transfers.finishing]
    case 'running': break
  }
  if (x.kind === 'fetch') {
    parts.push(t.transfers.fetching, t.transfers.blocks(x.blocks), formatBytes(x.bytes))
    if (x.peers > 0) parts.push(t.transfers.peers(x.peers))
    if (x.speed > 0) parts.push(formatSpeed(x.speed))
    return parts
  }
  parts.push(x.total !== undefined && x.total > 0 ? `${t.transfers.sending} ${Math.floor(percent(x.bytes, x.total))}%` : t.transfers.sending, bytes)
  if (x.speed > 0) {
    parts.push(t.transfers.speed(formatSpeed(x.speed)))
    if (x.total !== undefined && x.total > x.bytes) parts.push(t.transfers.left(formatDuration((x.total - x.bytes) / x.speed)))
  }
  if (x.files > 1) parts.push(t.transfers.fileCount(x.imported, x.files))
  return parts
}

const TransferItem = memo(function TransferItem ({ id }: { id: number }) {
  const x = useTransfers((s) => s.transfers.find((item) => item.id === id))
  if (x === undefined) return null
  const ended = finished(x.status)
  const active = x.status === 'running' || x.status === 'finishing'
  return (
    <li className={`transfer ${x.status}`} data-testid="import-item" data-status={x.status} data-kind={x.kind}>
      <div className="transfer-head">
        <span className="transfer-name" title={x.label}>{displayName(x.label)}</span>
        <span className="muted transfer-into">{t.transfers.into(folderName(x.folder, t.root))}</span>
        {ended
          ? <button type="button" className="icon-button" aria-label={t.transfers.dismiss(x.label)} onClick={() => { useTransfers.getState().dismiss(id) }}>×</button>
          : x.kind === 'import' && x.status === 'finishing'
            ? null
            : <button type="button" className="button small" data-testid="import-cancel" aria-label={t.transfers.cancel(x.label)} onClick={() => { useTransfers.getState().cancel(id) }}>{t.dialogs.cancel}</button>}
      </div>
      {ended || x.status === 'queued'
        ? null
        : (
          <div data-testid="import-progress" data-bytes={x.bytes} data-total={x.total}>
            <ProgressBar value={active ? x.bytes : 0} {...(active && x.kind === 'import' && x.status === 'running' ? { total: x.total } : {})} label={t.transfers.progressLabel(x.label)} />
          </div>
          )}
      <div className="transfer-status muted">{statusLine(x).join(' · ')}</div>
      {x.current === undefined || ended || x.files < 2 ? null : <div className="transfer-current muted" title={x.current.path}>{t.transfers.current(displayName(x.current.path), t.transfers.bytes(formatBytes(x.current.bytes), formatBytes(x.current.size)))}</div>}
      {x.note === undefined ? null : <div className="transfer-note">{x.note}</div>}
      {x.error === undefined ? null : <div className="error-text" role="alert">{x.error}</div>}
      {x.detail === undefined ? null : <div className="transfer-detail muted" title={x.detail}>{t.transfers.detail(x.detail)}</div>}
    </li>
  )
})

/** The transfers panel; nothing when there are none. */
export function Transfers () {
  // Under way first (in the order they run), then finished ones, the latest first.
  const ids = useTransfers(useShallow((s) => [
    ...s.transfers.filter((x) => !finished(x.status)).map((x) => x.id),
    ...s.transfers.filter((x) => finished(x.status)).map((x) => x.id).reverse()
  ]))
  const anyFinished = useTransfers((s) => s.transfers.some((x) => finished(x.status)))
  if (ids.length === 0) return null
  return (
    <section className="transfers card" aria-label={t.transfers.label}>
      <div className="transfers-head">
        <h2>{t.transfers.label}</h2>
        {anyFinished ? <button type="button" className="button small" onClick={() => { useTransfers.getState().clearFinished() }}>{t.transfers.clear}</button> : null}
      </div>
      <ul className="transfer-list">
        {ids.map((id) => <TransferItem key={id} id={id} />)}
      </ul>
    </section>
  )
}
