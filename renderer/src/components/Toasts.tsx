/**
 * The toasts, announced politely to screen readers (errors assertively).
 */
import { useToasts } from '../lib/toasts.ts'
import { app } from '../texts/app.ts'

/** The toast stack. */
export function Toasts () {
  const toasts = useToasts((s) => s.toasts)
  const dismiss = useToasts((s) => s.dismiss)
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span>{t.text}</span>
          <button type="button" className="icon-button" aria-label={app.common.dismiss} onClick={() => { dismiss(t.id) }}>×</button>
        </div>
      ))}
    </div>
  )
}
