/**
 * The repo's storage: how much of the cap is used, and collecting garbage
 * with its progress and result. While a collection runs its button is
 * aria-disabled (the slice runs one at a time), not `disabled`, so the
 * keyboard focus stays on it.
 */
import { Meter } from '../../components/Meter.tsx'
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { useConnection } from '../../lib/connection-store.ts'
import { formatBytes } from '../../lib/format.ts'
import { status as texts } from '../../texts/status.ts'
import { useStatus } from './status-store.ts'

/** What the last collection did, in words. */
export function gcResultText (result: { removed: number, bytes: number }): string {
  return result.removed === 0 ? texts.storage.nothing : texts.storage.freed(formatBytes(result.bytes), result.removed)
}

/** The storage card. */
export function StoragePanel () {
  const stat = useStatus((s) => s.stat)
  const statFailed = useStatus((s) => s.statFailed)
  const running = useStatus((s) => s.gcRunning)
  const result = useStatus((s) => s.gcResult)
  const collect = useStatus((s) => s.collectGarbage)
  const connected = useConnection((s) => s.status === 'online')
  const used = stat === undefined ? '' : texts.storage.used(formatBytes(stat.size), formatBytes(stat.storageMax))
  return (
    <section className="card storage-card" aria-labelledby="storage-heading" aria-busy={stat === undefined}>
      <h2 id="storage-heading">{texts.storage.heading}</h2>
      <div className="storage-numbers">
        {stat === undefined
          ? <p className="muted">{statFailed ? texts.storage.statFailed : texts.storage.loading}</p>
          : (
            <>
              <p className="storage-used" data-testid="repo-size">{used}</p>
              <Meter value={stat.size} max={stat.storageMax} label={texts.storage.meterLabel} valueText={used} testId="repo-meter" />
              <p className="muted" data-testid="repo-blocks">{texts.storage.blocks(stat.blocks)}</p>
            </>
            )}
      </div>
      <div className="gc-row">
        <button type="button" className="button" data-testid="gc-button" disabled={!connected} aria-disabled={running !== undefined} onClick={() => { void collect() }}>
          {running === undefined ? texts.storage.gc : texts.storage.gcRunning}
        </button>
        <span className="muted">{texts.storage.gcHint}</span>
      </div>
      <div className="gc-status" role="status">
        {running === undefined
          ? result === undefined ? null : <p data-testid="gc-result">{gcResultText(result)}</p>
          : (
            <>
              <ProgressBar value={running.removed} label={texts.storage.gcRunning} />
              <p className="muted" data-testid="gc-progress">{texts.storage.gcProgress(running.removed, formatBytes(running.bytes))}</p>
            </>
            )}
      </div>
    </section>
  )
}
