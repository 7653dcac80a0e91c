/**
 * The live charts: bandwidth in and out, and connected peers, over the last
 * ten minutes, each with its numbers as text and a summary for screen
 * readers (the charts themselves are canvas).
 */
import { formatBytes, formatSpeed } from '../../lib/format.ts'
import { status as texts } from '../../texts/status.ts'
import { TimeChart } from './TimeChart.tsx'
import { bandwidthHistory, HISTORY_SECONDS, peerHistory, useTraffic } from './traffic-store.ts'
import type { ChartSpec } from './chart-options.ts'

const BANDWIDTH: ChartSpec = {
  lines: [
    { label: texts.bandwidth.in, color: 'accent', fill: true },
    { label: texts.bandwidth.out, color: 'success', dashed: true }
  ],
  format: formatSpeed,
  minTop: 1000,
  windowSeconds: HISTORY_SECONDS
}

const PEERS: ChartSpec = {
  lines: [{ label: texts.peers.series, color: 'accent', fill: true }],
  format: (v) => String(Math.round(v)),
  minTop: 4,
  integer: true,
  windowSeconds: HISTORY_SECONDS
}

const since = (): number => Date.now() / 1000 - HISTORY_SECONDS

/** Bandwidth in and out. */
export function BandwidthChart () {
  const version = useTraffic((s) => s.bandwidthVersion)
  const totals = useTraffic((s) => s.totals)
  const rates = useTraffic((s) => s.rates)
  const peakIn = bandwidthHistory.extent(0, since())?.max ?? 0
  const peakOut = bandwidthHistory.extent(1, since())?.max ?? 0
  return (
    <section className="card chart-card" aria-labelledby="bandwidth-heading">
      <h2 id="bandwidth-heading">{texts.bandwidth.heading}</h2>
      <dl className="chart-numbers" data-testid="bandwidth-totals">
        <div><dt><span className="swatch accent" aria-hidden="true" />{texts.bandwidth.in}</dt><dd>{rates === undefined ? '—' : formatSpeed(rates.in)}</dd></div>
        <div><dt><span className="swatch success dashed" aria-hidden="true" />{texts.bandwidth.out}</dt><dd>{rates === undefined ? '—' : formatSpeed(rates.out)}</dd></div>
        <div><dt>{texts.bandwidth.received}</dt><dd data-testid="total-in">{totals === undefined ? '—' : formatBytes(totals.in)}</dd></div>
        <div><dt>{texts.bandwidth.sent}</dt><dd data-testid="total-out">{totals === undefined ? '—' : formatBytes(totals.out)}</dd></div>
      </dl>
      <figure className="chart-figure" aria-label={texts.bandwidth.chartLabel}>
        <TimeChart series={bandwidthHistory} version={version} spec={BANDWIDTH} testId="chart-bandwidth" />
        <figcaption className="visually-hidden" data-testid="bandwidth-summary">
          {totals === undefined || rates === undefined
            ? texts.bandwidth.waiting
            : texts.bandwidth.summary({
              rateIn: formatSpeed(rates.in),
              rateOut: formatSpeed(rates.out),
              totalIn: formatBytes(totals.in),
              totalOut: formatBytes(totals.out),
              peakIn: formatSpeed(peakIn),
              peakOut: formatSpeed(peakOut)
            })}
        </figcaption>
      </figure>
    </section>
  )
}

/** Connected peers. */
export function PeersChart () {
  const version = useTraffic((s) => s.peersVersion)
  const count = useTraffic((s) => s.peerCount)
  const extent = peerHistory.extent(0, since())
  return (
    <section className="card chart-card" aria-labelledby="peers-heading">
      <h2 id="peers-heading">{texts.peers.heading}</h2>
      <dl className="chart-numbers">
        <div><dt><span className="swatch accent" aria-hidden="true" />{texts.bandwidth.now}</dt><dd data-testid="peer-count">{count === undefined ? '—' : texts.peers.count(count)}</dd></div>
      </dl>
      <figure className="chart-figure" aria-label={texts.peers.chartLabel}>
        <TimeChart series={peerHistory} version={version} spec={PEERS} testId="chart-peers" />
        <figcaption className="visually-hidden">
          {count === undefined || extent === undefined ? texts.peers.waiting : texts.peers.summary({ now: count, min: extent.min, max: extent.max })}
        </figcaption>
      </figure>
    </section>
  )
}
