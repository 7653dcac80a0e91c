/**
 * The status page: who this node is, its storage, and its traffic and
 * peers over the last ten minutes.
 */
import { useEffect } from 'react'
import { useConnection } from '../../lib/connection-store.ts'
import { status as texts } from '../../texts/status.ts'
import { IdentityCard } from './IdentityCard.tsx'
import { StoragePanel } from './StoragePanel.tsx'
import { BandwidthChart, PeersChart } from './TrafficCharts.tsx'
import { useStatus } from './status-store.ts'
import './status.css'

/** The status page. */
export function StatusPage () {
  const connected = useConnection((s) => s.status === 'online')
  useEffect(() => {
    // Fresh numbers whenever the page is opened (the stores also load on every connection).
    if (!connected) return
    const { refreshInfo, refreshStat } = useStatus.getState()
    refreshInfo().catch(() => {})
    refreshStat().catch(() => {})
  }, [connected])
  return (
    <div className="page status-page">
      <h1>{texts.title}</h1>
      <div className="status-grid">
        <IdentityCard />
        <StoragePanel />
        <BandwidthChart />
        <PeersChart />
      </div>
    </div>
  )
}
