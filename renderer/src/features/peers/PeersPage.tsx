/**
 * The Peers page: where the connected peers are (World), how they are
 * reached (Network), and all of them in a sortable table below; with no
 * peers, how peers arrive and how to connect one by hand.
 */
import { ConnectForm } from './ConnectForm.tsx'
import { usePeers } from './peers-store.ts'
import { ViewTabs, tabIds } from './ViewTabs.tsx'
import { WorldMap } from './map/WorldMap.tsx'
import { NetworkGraph } from './graph/NetworkGraph.tsx'
import { PeersTable } from './table/PeersTable.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'
import { useConnection } from '../../lib/connection-store.ts'
import { peers as t } from '../../texts/peers.ts'
import './peers.css'

/** The peers page. */
export function PeersPage () {
  const peers = usePeers((s) => s.peers)
  const loaded = usePeers((s) => s.loaded)
  const view = usePeers((s) => s.view)
  const self = useConnection((s) => s.info?.peerId) ?? ''
  const ids = tabIds(view)
  return (
    <div className="page peers-page">
      <div className="peers-head">
        <h1>{t.title}</h1>
        <p className="muted" role="status" data-testid="peers-summary">{loaded ? t.summary(peers.length) : '\u00a0'}</p>
      </div>
      <ViewTabs />
      <div className="card view-panel" role="tabpanel" id={ids.panel} aria-labelledby={ids.tab}>
        {view === 'world' ? <WorldMap peers={peers} /> : <NetworkGraph self={self} peers={peers} />}
      </div>
      <section className="peers-list" aria-label={t.table.label}>
        {!loaded
          ? <div className="table-placeholder" aria-busy="true" />
          : peers.length === 0
            ? (
              <div className="card" data-testid="peers-empty">
                <EmptyState title={t.empty.title}>{t.empty.body}</EmptyState>
                <ConnectForm />
              </div>
              )
            : (
              <>
                <PeersTable peers={peers} />
                <details className="connect-more card">
                  <summary>{t.connect.title}</summary>
                  <ConnectForm />
                </details>
              </>
              )}
      </section>
    </div>
  )
}
