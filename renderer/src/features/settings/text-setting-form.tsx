/**
 * A typed setting with its own Save (and Enter), shared by the node's
 * settings and this device's: the text is checked before it is sent and
 * what is wrong is said under the field; while it saves the input is
 * marked aria-disabled and read-only (not `disabled`, which would throw
 * the keyboard focus off it). The caller brings the store's pieces and
 * the status line.
 */
import { useId, useState } from 'react'
import { settings as texts } from '../../texts/settings.ts'
import type { ReactNode } from 'react'
import type { Checked } from './validate.ts'

export interface TextSettingFormProps<T> {
  /** Names the test ids: `setting-…`, `save-…`, `invalid-…`. */
  testKey: string
  label: string
  help: string
  /** The saved value as text (`''` when there is none). */
  stored: string
  loaded: boolean
  busy: boolean
  /** Turns the text into the value to send, or says what is wrong. */
  check: (text: string) => Checked<T>
  /** Sends the value; resolves true when it was saved. */
  save: (value: T) => Promise<boolean>
  /** Forgets the last save's outcome (called as the user types). */
  clearField: () => void
  className?: string
  inputMode?: 'text' | 'numeric'
  /** The saving status line, given the id the input is described by. */
  status: (id: string) => ReactNode
}

export function TextSettingForm<T> ({ testKey, label, help, stored, loaded, busy, check, save, clearField, className, inputMode, status }: TextSettingFormProps<T>) {
  const id = useId()
  const [text, setText] = useState<string | undefined>(undefined)
  const [invalid, setInvalid] = useState<string | undefined>(undefined)
  const shown = text ?? stored
  const submit = (event: React.FormEvent): void => {
    event.preventDefault()
    if (busy) return
    const checked = check(shown)
    if (!checked.ok) {
      setInvalid(checked.error)
      return
    }
    setInvalid(undefined)
    void save(checked.value).then((ok) => { if (ok) setText(undefined) })
  }
  return (
    <form className="setting" onSubmit={submit} noValidate>
      <label className="setting-label" htmlFor={`${id}-input`}>{label}</label>
      <p className="setting-help" id={`${id}-help`}>{help}</p>
      <div className="setting-row">
        {loaded
          ? (
            <>
              <input
                id={`${id}-input`}
                type="text"
                inputMode={inputMode}
                className={className}
                value={shown}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={invalid !== undefined}
                aria-describedby={`${id}-help ${id}-invalid ${id}-status`}
                aria-disabled={busy}
                readOnly={busy}
                data-testid={`setting-${testKey}`}
                onChange={(e) => {
                  setText(e.target.value)
                  setInvalid(undefined)
                  clearField()
                }}
              />
              <button type="submit" className="button" aria-disabled={busy} data-testid={`save-${testKey}`}>{texts.save}</button>
            </>
            )
          : <span className="control-skeleton text" aria-hidden="true" />}
      </div>
      <p className="invalid" id={`${id}-invalid`} data-testid={`invalid-${testKey}`} role="alert">{invalid === undefined ? null : <span className="error-text">{invalid}</span>}</p>
      {status(`${id}-status`)}
    </form>
  )
}
