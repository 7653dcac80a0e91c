/**
 * A transfer's details: its content ID, who can download it, and its LAN
 * link (made here, with an optional PIN checked before it is sent).
 */
import { CopyButton } from '../../components/CopyButton.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { share as t } from '../../texts/share.ts'
import { useCheckedForm } from './checked-form.ts'
import { LinkServerState, LinkView } from './LinkView.tsx'
import { Reach } from './Reach.tsx'
import { useShare } from './share-store.ts'
import { checkPin } from './validate.ts'

function MakeLink ({ cid, name }: { cid: string, name: string }) {
  const create = useShare((s) => s.linkCreate)
  const { id, text: pin, setText: setPin, error, setError, busy, submit } = useCheckedForm(checkPin, async (value) => {
    await create(cid, name, value)
    setPin('')
  }, t.links.createFailed)
  return (
    <form className="share-form" onSubmit={(e) => { void submit(e) }} noValidate data-testid="link-form">
      <label htmlFor={`${id}-pin`}>{t.links.pinLabel}</label>
      <p className="muted" id={`${id}-help`}>{t.links.pinHelp}</p>
      <div className="form-row">
        <input
          id={`${id}-pin`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="mono pin-input"
          maxLength={8}
          value={pin}
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={`${id}-help ${id}-error`}
          data-testid="link-pin"
          onChange={(e) => { setPin(e.target.value); setError(undefined) }}
        />
        <button type="submit" className="button primary" aria-disabled={busy} data-testid="link-create">{busy ? t.links.creating : t.links.make}</button>
      </div>
      <p id={`${id}-error`} className="error-text field-error" role="alert" data-testid="link-error">{error ?? ''}</p>
    </form>
  )
}

/** The details of the transfer `id`. */
export function ItemDetails ({ id, onClose }: { id: string, onClose: () => void }) {
  const item = useShare((s) => s.items[id])
  const link = useShare((s) => s.links?.links.find((l) => l.cid === item?.root))
  const linksKnown = useShare((s) => s.links !== undefined)
  if (item === undefined) return null
  return (
    <Dialog title={t.details.title(item.name)} onClose={onClose} className="item-details">
      <p className="cid-line">
        <span className="muted">{t.details.cid}</span> <code className="mono" data-testid="item-cid">{item.root}</code> <CopyButton text={item.root} label={t.details.cid} />
      </p>
      {item.direction === 'out' ? <Reach cid={item.root} /> : null}
      <section className="item-link" aria-labelledby={`link-title-${id}`}>
        <h3 id={`link-title-${id}`}>{t.links.make}</h3>
        <p className="muted">{t.links.intro}</p>
        <LinkServerState />
        {!linksKnown ? null : link === undefined ? <MakeLink cid={item.root} name={item.name} /> : <LinkView link={link} qr />}
      </section>
    </Dialog>
  )
}
