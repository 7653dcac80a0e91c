/**
 * The state of a one-field share form: the typed text, its error line and
 * whether it is sending. `submit` checks the text first (saying what is
 * wrong under the field), then runs `send` with the checked value; a
 * refusal is shown as `failed` and the node's reason.
 */
import { useId, useState } from 'react'
import { shareErrorText } from '../../texts/share.ts'
import type { Checked } from './validate.ts'

export function useCheckedForm<T> (check: (text: string) => Checked<T>, send: (value: T) => Promise<void>, failed: string) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const id = useId()
  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    if (busy) return
    const checked = check(text)
    if (!checked.ok) {
      setError(checked.error)
      return
    }
    setError(undefined)
    setBusy(true)
    try {
      await send(checked.value)
    } catch (err) {
      setError(`${failed}: ${shareErrorText(err)}`)
    } finally {
      setBusy(false)
    }
  }
  return { id, text, setText, error, setError, busy, submit }
}
