/**
 * A meter: how much of something is used (storage, quota), as a bar with
 * its value in words for assistive technology. Styled inline from the
 * theme's variables, so it needs no stylesheet of its own.
 */
import { percent } from '../lib/format.ts'

/** `value` of `max`, named `label`, read out as `valueText`; the bar turns to the danger colour at `high` percent. */
export function Meter ({ value, max, label, valueText, high = 90, testId }: { value: number, max: number, label: string, valueText: string, high?: number, testId?: string }) {
  const pct = percent(value, max)
  const top = max > 0 ? max : 1
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={top}
      aria-valuenow={Math.min(Math.max(value, 0), top)}
      aria-valuetext={valueText}
      data-testid={testId}
      style={{ height: 10, borderRadius: 5, background: 'var(--surface-2)', border: '1px solid var(--border)', overflow: 'hidden' }}
    >
      <div style={{ height: '100%', width: `${pct}%`, background: pct >= high ? 'var(--danger)' : 'var(--accent)', transition: 'width 200ms ease-out' }} />
    </div>
  )
}
