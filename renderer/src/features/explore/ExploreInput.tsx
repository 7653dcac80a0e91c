/**
 * The field to open a CID or path: Enter or the button goes to it (or, for
 * the path already shown, loads it again: after a cancel, say); text that
 * cannot be a path is refused here, with how to write one.
 */
import { useEffect, useId, useState } from 'react'
import { navigate } from '../../lib/route.ts'
import { toIpfsPath } from './explore-path.ts'
import { explore as t } from '../../texts/explore.ts'
import type { FormEvent } from 'react'

/** The form, showing `current` (the page's path) until the user types; `onReopen` loads `current` again. */
export function ExploreInput ({ current, onReopen }: { current: string, onReopen: () => void }) {
  const [text, setText] = useState(current)
  const [invalid, setInvalid] = useState(false)
  const id = useId()
  useEffect(() => {
    setText(current)
    setInvalid(false)
  }, [current])
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const path = toIpfsPath(text)
    if (path === undefined) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    // The same path changes no hash: nothing would load.
    if (path === current) onReopen()
    else navigate('explore', path)
  }
  return (
    <form className="explore-form" onSubmit={submit} noValidate role="search">
      <label htmlFor={`${id}-path`}>{t.input.label}</label>
      <div className="explore-row">
        <input
          id={`${id}-path`}
          type="text"
          className="mono"
          value={text}
          placeholder={t.input.placeholder}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${id}-invalid` : undefined}
          onChange={(e) => { setText(e.target.value) }}
          data-testid="explore-input"
        />
        <button type="submit" className="button primary">{t.input.button}</button>
      </div>
      {invalid ? <p id={`${id}-invalid`} className="error-text" role="alert" data-testid="explore-error">{t.input.invalid}</p> : null}
    </form>
  )
}
