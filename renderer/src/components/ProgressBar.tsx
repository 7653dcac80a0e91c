/**
 * A progress bar with its label: determinate when `total` is known, else an
 * indeterminate stripe.
 */

/** `value` of `total` (bytes, blocks…), labelled for assistive technology. */
export function ProgressBar ({ value, total, label }: { value: number, total?: number, label: string }) {
  const known = total !== undefined && total > 0
  const pct = known ? Math.min(100, (value / total) * 100) : undefined
  return (
    <div className={known ? 'progress' : 'progress indeterminate'} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={known ? 100 : undefined} aria-valuenow={pct === undefined ? undefined : Math.round(pct)}>
      <div className="progress-fill" style={pct === undefined ? undefined : { width: `${pct}%` }} />
    </div>
  )
}
