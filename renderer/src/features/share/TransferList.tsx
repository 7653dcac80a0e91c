/**
 * The Inbox or Sent list, virtualised: only the rows in view (and a few
 * around) are in the DOM, each at a fixed height, so 10,000 transfers
 * scroll smoothly and a progress tick re-renders one row.
 */
import { useRef } from 'react'
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual'
import { EmptyState } from '../../components/EmptyState.tsx'
import { share as t } from '../../texts/share.ts'
import { ROW_HEIGHT, TransferRow } from './TransferRow.tsx'
import { useShare } from './share-store.ts'

const FALLBACK_RECT = { width: 900, height: 480 }

/** The scroll box's size; a box not laid out (hidden, or a test's DOM) counts as a usual one, so rows still render. */
const observeRect: typeof observeElementRect = (instance, report) => observeElementRect(instance, (rect) => { report(rect.height === 0 ? FALLBACK_RECT : rect) })

/** The list of `which` (received or sent); `onDetails` opens an item's details. */
export function TransferList ({ which, onDetails }: { which: 'inbox' | 'sent', onDetails: (id: string) => void }) {
  const ids = useShare((s) => s[which])
  const loaded = useShare((s) => s.itemsLoaded)
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeRect,
    getItemKey: (index) => ids[index] ?? index
  })
  if (!loaded && ids.length === 0) return <div className="transfer-placeholder" aria-busy="true"><p className="muted">{t.transfers.loading}</p></div>
  if (ids.length === 0) return <div className="transfer-placeholder" data-testid={`${which}-empty`}><EmptyState title={which === 'inbox' ? t.transfers.emptyInbox : t.transfers.emptySent} /></div>
  const label = which === 'inbox' ? t.transfers.inbox : t.transfers.sent
  return (
    // As tall as its rows, up to the stylesheet's cap: a short list leaves no empty box, a long one scrolls.
    <div className="transfer-scroll" ref={scrollRef} data-testid={`${which}-list`} style={{ height: ids.length * ROW_HEIGHT + 2 }}>
      <div role="list" aria-label={t.transfers.listLabel(label, ids.length)} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const id = ids[row.index]
          if (id === undefined) return null
          return <TransferRow key={id} id={id} index={row.index} count={ids.length} top={row.start} onDetails={onDetails} />
        })}
      </div>
    </div>
  )
}
