/**
 * Connecting to a peer by hand: a multiaddr ending in /p2p/<peer ID>,
 * checked before it is sent; the node's refusal shown under the field.
 */
import { useId, useState } from 'react'
import { usePeers } from './peers-store.ts'
import { notify } from '../../lib/toasts.ts'
import { shorten } from '../../lib/format.ts'
import type { FormEvent } from 'react'
import { errorText } from '../../texts/errors.ts'
import { peers as t } from '../../texts/peers.ts'

/** True when `text` looks like a multiaddr naming a peer (the node checks the rest). */
export function looksLikePeerAddress (text: string): boolean {
  return /^\/\S+\/p2p\/[A-Za-z0-9]+$/.test(text.trim())
}

/** The form: a labelled field, its button, and the error under it. */
export function ConnectForm () {
  const connect = usePeers((s) => s.connect)
  const [address, setAddress] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const id = useId()
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const text = address.trim()
    if (!looksLikePeerAddress(text)) {
      setError(t.connect.badInput)
      return
    }
    setError(undefined)
    setBusy(true)
    try {
      const peer = await connect(text)
      setAddress('')
      notify(t.connect.connected(shorten(peer, 6)), 'success')
    } catch (err) {
      setError(`${t.connect.failed}: ${errorText(err)}`)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="connect-form" onSubmit={(e) => { void submit(e) }} noValidate data-testid="connect-form">
      <label htmlFor={`${id}-address`}>{t.connect.label}</label>
      <div className="connect-row">
        <input
          id={`${id}-address`}
          type="text"
          className="mono"
          value={address}
          placeholder={t.connect.placeholder}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={error === undefined ? undefined : `${id}-error`}
          onChange={(e) => { setAddress(e.target.value) }}
          data-testid="connect-input"
        />
        <button type="submit" className="button primary" disabled={busy}>{busy ? t.connect.connecting : t.connect.button}</button>
      </div>
      <p id={`${id}-error`} className="error-text connect-error" role="alert" data-testid="connect-error">{error ?? ''}</p>
    </form>
  )
}
