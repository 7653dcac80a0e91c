/**
 * Who can download an item: the LAN devices that hold it (asked now) and
 * whether it is announced on the local and public DHTs.
 */
import { useCallback, useEffect, useState } from 'react'
import { Identicon } from '../../components/Identicon.tsx'
import { share as t, shareErrorText } from '../../texts/share.ts'
import { useShare } from './share-store.ts'
import { ago } from './time.ts'
import type { Reachability } from './share-store.ts'

/** The reachability of `cid`, asked when shown and on "Check again". */
export function Reach ({ cid }: { cid: string }) {
  const reach = useShare((s) => s.reach)
  const [result, setResult] = useState<Reachability | undefined>()
  const [error, setError] = useState<string | undefined>()
  const [round, setRound] = useState(0)
  const [busy, setBusy] = useState(true)
  useEffect(() => {
    const abort = new AbortController()
    setBusy(true)
    setError(undefined)
    reach(cid, abort.signal).then(setResult, (err: unknown) => { if (!abort.signal.aborted) setError(shareErrorText(err)) }).finally(() => { if (!abort.signal.aborted) setBusy(false) })
    return () => { abort.abort() }
  }, [cid, reach, round])
  const again = useCallback(() => { setRound((n) => n + 1) }, [])
  const dht = (label: string, when: number | undefined) => <li><span>{label}</span>: <span className={when === undefined ? 'muted' : 'success-text'}>{when === undefined ? t.details.notAnnounced : t.details.announced(ago(when))}</span></li>
  return (
    <section className="reach" aria-labelledby="reach-title" aria-busy={busy} data-testid="reach">
      <h3 id="reach-title">{t.details.reach}</h3>
      {error !== undefined
        ? <p className="error-text" role="alert">{t.details.reachFailed}: {error}</p>
        : result === undefined
          ? <p className="muted">{t.details.reachLoading}</p>
          : (
            <>
              <p>{t.details.holders(result.holders.length)}</p>
              {result.holders.length === 0
                ? null
                : <ul className="holders">{result.holders.map((h) => <li key={h.peer}><Identicon id={h.peer} size={18} /> <span>{h.deviceName}</span> <span className="muted mono">{t.fingerprint(h.peer)}</span></li>)}</ul>}
              <ul className="dht-list">
                {dht(t.details.lanDht, result.lanDht)}
                {dht(t.details.wanDht, result.wanDht)}
              </ul>
            </>
            )}
      <button type="button" className="button small" onClick={again} aria-disabled={busy}>{t.details.refresh}</button>
    </section>
  )
}
