/**
 * The transfers: Inbox (received) and Sent as two tabs, each a virtualised
 * list. The tab is part of the route (`#/devices/sent`), so a link can
 * open either one.
 */
import { useId } from 'react'
import { routeHash } from '../../lib/route.ts'
import { share as t } from '../../texts/share.ts'
import { TransferList } from './TransferList.tsx'
import { useShare } from './share-store.ts'

type Tab = 'inbox' | 'sent'

/** The panel showing `tab`; `onDetails` opens an item's details. */
export function TransfersPanel ({ tab, onDetails }: { tab: Tab, onDetails: (id: string) => void }) {
  const counts = { inbox: useShare((s) => s.inbox.length), sent: useShare((s) => s.sent.length) }
  const waiting = useShare((s) => s.waiting)
  const id = useId()
  const go = (to: Tab): void => {
    location.hash = routeHash('devices', to === 'sent' ? '/sent' : '/')
    document.getElementById(`${id}-${to}`)?.focus()
  }
  const tabButton = (value: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`${id}-${value}`}
      className="tab"
      aria-selected={tab === value}
      aria-controls={`${id}-panel`}
      tabIndex={tab === value ? 0 : -1}
      data-testid={`tab-${value}`}
      onClick={() => { go(value) }}
      onKeyDown={(e) => { if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') go(value === 'inbox' ? 'sent' : 'inbox') }}
    >
      {label} <span className="muted">({t.transfers.count(counts[value])})</span>
      {value === 'inbox' && waiting > 0 ? <span className="share-badge" title={t.offer.waiting(waiting)}><span aria-hidden="true">{waiting}</span><span className="visually-hidden">{t.offer.waiting(waiting)}</span></span> : null}
    </button>
  )
  return (
    <section className="card transfers-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.transfers.label}</h2>
      <div role="tablist" aria-label={t.transfers.tabsLabel} className="tabs">
        {tabButton('inbox', t.transfers.inbox)}
        {tabButton('sent', t.transfers.sent)}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
        <TransferList key={tab} which={tab} onDetails={onDetails} />
      </div>
    </section>
  )
}
