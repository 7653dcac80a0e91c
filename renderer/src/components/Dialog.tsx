/**
 * A modal dialog: labelled by its title, focus moved inside when it opens
 * (the element marked `data-autofocus`, else the first control), kept
 * inside while it is open (Tab wraps), Escape or a click on the backdrop
 * closes it, and focus goes back to where it was when it closes.
 */
import { useEffect, useId, useRef } from 'react'
import type { ReactNode } from 'react'
import './Dialog.css'
import { app } from '../texts/app.ts'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** A modal dialog titled `title`; `onClose` runs on Escape, the backdrop, or the close button. */
export function Dialog ({ title, onClose, children, footer, className }: { title: string, onClose: () => void, children: ReactNode, footer?: ReactNode, className?: string }) {
  const ref = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const closeRef = useRef(onClose)
  closeRef.current = onClose

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const box = ref.current
    const controls = Array.from(box?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])
    const first = box?.querySelector<HTMLElement>('[data-autofocus]') ?? controls.find((el) => !el.classList.contains('dialog-close')) ?? controls[0]
    first?.focus()
    return () => { if (opener?.isConnected === true) opener.focus() }
  }, [])

  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      closeRef.current()
      return
    }
    if (event.key !== 'Tab' || ref.current === null) return
    const items = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE))
    const first = items[0]
    const last = items[items.length - 1]
    if (first === undefined || last === undefined) return
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose() }}>
      <div ref={ref} className={`dialog card ${className ?? ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <div className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button dialog-close" aria-label={app.common.close} onClick={onClose}>×</button>
        </div>
        <div className="dialog-body">{children}</div>
        {footer === undefined ? null : <div className="dialog-foot">{footer}</div>}
      </div>
    </div>
  )
}
