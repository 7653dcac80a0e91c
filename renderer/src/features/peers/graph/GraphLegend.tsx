/**
 * The network graph's legend: each kind's shape, colour and line.
 */
import { peers as t } from '../../../texts/peers.ts'

/** The legend, with the count of each kind. */
export function GraphLegend ({ counts }: { counts: { lan: number, wan: number, relayed: number } }) {
  return (
    <div className="graph-legend">
      <h2 id="graph-legend-title">{t.network.legend}</h2>
      <ul aria-labelledby="graph-legend-title">
        <li>
          <svg width="34" height="20" aria-hidden="true"><circle cx="17" cy="10" r="7" className="legend-self" /></svg>
          <span>{t.network.self}</span>
        </li>
        <li>
          <svg width="34" height="20" aria-hidden="true"><line x1="0" y1="10" x2="20" y2="10" className="legend-line lan" /><circle cx="26" cy="10" r="6" className="legend-shape lan" /></svg>
          <span>{t.network.lan}</span><span className="count-badge">{counts.lan}</span>
        </li>
        <li>
          <svg width="34" height="20" aria-hidden="true"><line x1="0" y1="10" x2="20" y2="10" className="legend-line wan" /><rect x="21" y="5" width="10" height="10" className="legend-shape wan" /></svg>
          <span>{t.network.wan}</span><span className="count-badge">{counts.wan}</span>
        </li>
        <li>
          <svg width="34" height="20" aria-hidden="true"><line x1="0" y1="10" x2="20" y2="10" className="legend-line relayed" /><path d="M26 3 L32.5 15 L19.5 15 Z" className="legend-shape relayed" /></svg>
          <span>{t.network.relayed}</span><span className="count-badge">{counts.relayed}</span>
        </li>
      </ul>
      <p className="muted">{t.network.distance}</p>
    </div>
  )
}
