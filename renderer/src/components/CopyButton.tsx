/**
 * A button that copies a text to the clipboard and says so.
 */
import { useState } from 'react'
import { notify, notifyError } from '../lib/toasts.ts'
import { app } from '../texts/app.ts'

/** Copy `text`; `label` is the button's accessible name. */
export function CopyButton ({ text, label, children }: { text: string, label: string, children?: React.ReactNode }) {
  const [copied, setCopied] = useState(false)
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text)
      setCopied(true)
      notify(app.common.copiedToast, 'success')
      setTimeout(() => { setCopied(false) }, 1500)
    } catch (err) {
      notifyError(app.common.copyFailed, err)
    }
  }
  return (
    <button type="button" className="button small" aria-label={label} title={label} onClick={() => { void copy() }}>
      {children ?? (copied ? app.common.copied : app.common.copy)}
    </button>
  )
}
