/**
 * The World / Network switch: tabs (role=tablist) moved between with the
 * arrow keys, Home and End, one tab in the Tab order.
 */
import { useRef } from 'react'
import { usePeers } from './peers-store.ts'
import { peers as t } from '../../texts/peers.ts'
import type { KeyboardEvent } from 'react'
import type { PeersView } from './peers-store.ts'

const VIEWS: readonly PeersView[] = ['world', 'network']

/** The id of `view`'s tab and panel. */
export function tabIds (view: PeersView): { tab: string, panel: string } {
  return { tab: `peers-tab-${view}`, panel: `peers-panel-${view}` }
}

/** The tabs. */
export function ViewTabs () {
  const view = usePeers((s) => s.view)
  const setView = usePeers((s) => s.setView)
  const buttons = useRef<Array<HTMLButtonElement | null>>([])
  const onKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = VIEWS.indexOf(view)
    const next = event.key === 'ArrowRight' ? (index + 1) % VIEWS.length
      : event.key === 'ArrowLeft' ? (index + VIEWS.length - 1) % VIEWS.length
        : event.key === 'Home' ? 0
          : event.key === 'End' ? VIEWS.length - 1
            : undefined
    if (next === undefined) return
    event.preventDefault()
    const chosen = VIEWS[next] ?? 'world'
    setView(chosen)
    buttons.current[next]?.focus()
  }
  return (
    <div className="view-tabs" role="tablist" aria-label={t.views.label} onKeyDown={onKey}>
      {VIEWS.map((v, i) => (
        <button
          key={v}
          ref={(el) => { buttons.current[i] = el }}
          type="button"
          role="tab"
          id={tabIds(v).tab}
          aria-selected={v === view}
          aria-controls={tabIds(v).panel}
          tabIndex={v === view ? 0 : -1}
          onClick={() => { setView(v) }}
          data-testid={`peers-view-${v}`}
        >
          {t.views[v]}
        </button>
      ))}
    </div>
  )
}
