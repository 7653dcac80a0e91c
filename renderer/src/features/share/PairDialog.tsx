/**
 * Pairing with a code: this device shows a six-digit code with the time it
 * stays valid (and hears `share:pairing` when the other side used it), or
 * takes the code the other device shows and joins, phase by phase. Closing
 * while a code is shown withdraws it.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { Dialog } from '../../components/Dialog.tsx'
import { formatDuration } from '../../lib/format.ts'
import { share as t, shareErrorText } from '../../texts/share.ts'
import { useShare } from './share-store.ts'
import { checkPairingCode } from './validate.ts'
import type { PairPhase, ShareDevice } from './share-store.ts'

type Mode = 'show' | 'enter'

function useNow (running: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => { setNow(Date.now()) }, 1000)
    return () => { clearInterval(timer) }
  }, [running])
  return now
}

function ShowCode () {
  const pairStart = useShare((s) => s.pairStart)
  const pairCancel = useShare((s) => s.pairCancel)
  const pairing = useShare((s) => s.pairing)
  const [code, setCode] = useState<{ code: string, expiresAt: number } | undefined>()
  const [error, setError] = useState<string | undefined>()
  const [round, setRound] = useState(0)
  const now = useNow(code !== undefined && pairing === undefined)
  useEffect(() => {
    let gone = false
    let started = false
    setCode(undefined)
    setError(undefined)
    pairStart().then((result) => {
      started = true
      if (gone) pairCancel().catch(() => {})
      else setCode(result)
    }, (err: unknown) => { if (!gone) setError(shareErrorText(err)) })
    return () => {
      gone = true
      // A code still out (not used, not expired) is withdrawn.
      if (started && useShare.getState().pairing === undefined) pairCancel().catch(() => {})
    }
  }, [round, pairStart, pairCancel])
  const left = code === undefined ? 0 : Math.max(0, Math.ceil((code.expiresAt - now) / 1000))
  const expired = pairing?.state === 'expired' || (code !== undefined && left === 0 && pairing === undefined)
  const again = <button type="button" className="button" onClick={() => { setRound((n) => n + 1) }}>{t.pair.newCode}</button>
  if (error !== undefined) return <div className="pair-panel"><p className="error-text" role="alert">{error}</p>{again}</div>
  if (code === undefined) return <div className="pair-panel"><p className="muted" aria-busy="true">{t.pair.starting}</p></div>
  return (
    <div className="pair-panel">
      <p>{t.pair.showHelp}</p>
      <p className="pair-code mono" aria-label={`${t.pair.codeLabel}: ${code.code.split('').join(' ')}`} data-testid="pair-code">{code.code.slice(0, 3)} {code.code.slice(3)}</p>
      <p role="status" data-testid="pair-status" className={pairing?.state === 'paired' ? 'success-text' : expired || pairing?.state === 'failed' ? 'error-text' : 'muted'}>
        {pairing?.state === 'paired'
          ? t.pair.paired(pairing.device?.name ?? '')
          : pairing?.state === 'failed'
            ? t.pair.failed
            : expired ? t.pair.expired : t.pair.expiresIn(formatDuration(left))}
      </p>
      {expired || pairing?.state === 'failed' ? again : null}
    </div>
  )
}

function EnterCode ({ onPaired }: { onPaired: (device: ShareDevice) => void }) {
  const pairJoin = useShare((s) => s.pairJoin)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [phase, setPhase] = useState<PairPhase | undefined>()
  const [busy, setBusy] = useState(false)
  const abort = useRef<AbortController | undefined>(undefined)
  const id = useId()
  useEffect(() => () => { abort.current?.abort() }, [])
  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    if (busy) return
    const checked = checkPairingCode(text)
    if (!checked.ok) {
      setError(checked.error)
      return
    }
    setError(undefined)
    setBusy(true)
    abort.current = new AbortController()
    try {
      onPaired(await pairJoin(checked.value, setPhase, abort.current.signal))
    } catch (err) {
      if (!abort.current.signal.aborted) setError(`${t.pair.joinFailed}: ${shareErrorText(err)}`)
    } finally {
      setBusy(false)
      setPhase(undefined)
    }
  }
  return (
    <form className="share-form pair-panel" onSubmit={(e) => { void submit(e) }} noValidate data-testid="pair-join-form">
      <label htmlFor={`${id}-code`}>{t.pair.enterLabel}</label>
      <p className="muted" id={`${id}-help`}>{t.pair.enterHelp}</p>
      <input
        id={`${id}-code`}
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        className="mono pair-input"
        maxLength={9}
        value={text}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={`${id}-help ${id}-error`}
        data-testid="pair-join-input"
        onChange={(e) => { setText(e.target.value); setError(undefined) }}
      />
      <p id={`${id}-error`} className="error-text field-error" role="alert" data-testid="pair-join-error">{error ?? ''}</p>
      <p className="muted" role="status" data-testid="pair-phase">{phase === undefined ? '\u00a0' : t.pair.phases[phase]}</p>
      <div className="dialog-foot">
        <button type="submit" className="button primary" aria-disabled={busy}>{t.pair.join}</button>
      </div>
    </form>
  )
}

/** The pairing dialog. */
export function PairDialog ({ onClose }: { onClose: () => void }) {
  const [mode, setMode] = useState<Mode>('show')
  const [paired, setPaired] = useState<ShareDevice | undefined>()
  const id = useId()
  const tab = (value: Mode, label: string) => (
    <button
      type="button"
      role="tab"
      id={`${id}-${value}`}
      aria-selected={mode === value}
      aria-controls={`${id}-panel`}
      tabIndex={mode === value ? 0 : -1}
      className="tab"
      data-testid={`pair-tab-${value}`}
      onClick={() => { setMode(value) }}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
        const next: Mode = mode === 'show' ? 'enter' : 'show'
        setMode(next)
        document.getElementById(`${id}-${next}`)?.focus()
      }}
    >{label}</button>
  )
  return (
    <Dialog title={t.pair.title} onClose={onClose} className="pair-dialog">
      <p className="muted">{t.pair.intro}</p>
      {paired !== undefined
        ? (
          <>
            <p role="status" className="success-text" data-testid="pair-done">{t.pair.paired(paired.name)}</p>
            <div className="dialog-foot"><button type="button" className="button primary" data-autofocus onClick={onClose}>{t.pair.done}</button></div>
          </>
          )
        : (
          <>
            <div role="tablist" aria-label={t.pair.tabsLabel} className="tabs">
              {tab('show', t.pair.showTab)}
              {tab('enter', t.pair.enterTab)}
            </div>
            <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${mode}`}>
              {mode === 'show' ? <ShowCode /> : <EnterCode onPaired={setPaired} />}
            </div>
          </>
          )}
    </Dialog>
  )
}
