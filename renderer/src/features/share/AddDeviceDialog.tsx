/**
 * Adding a device by its address, for networks where it is not found by
 * itself: the address is checked in the page before it is sent, and the
 * node's refusal is shown under the field in words.
 */
import { Dialog } from '../../components/Dialog.tsx'
import { notify } from '../../lib/toasts.ts'
import { share as t } from '../../texts/share.ts'
import { useCheckedForm } from './checked-form.ts'
import { useShare } from './share-store.ts'
import { checkAddress } from './validate.ts'

/** The dialog; `onClose` when done or dismissed. */
export function AddDeviceDialog ({ onClose }: { onClose: () => void }) {
  const addDevice = useShare((s) => s.addDevice)
  const { id, text, setText, error, setError, busy, submit } = useCheckedForm(checkAddress, async (address) => {
    const device = await addDevice(address)
    notify(t.add.added(device.name), 'success')
    onClose()
  }, t.add.failed)
  return (
    <Dialog title={t.add.title} onClose={onClose}>
      <form className="share-form" onSubmit={(e) => { void submit(e) }} noValidate data-testid="add-device-form">
        <label htmlFor={`${id}-address`}>{t.add.label}</label>
        <p className="muted" id={`${id}-help`}>{t.add.help}</p>
        <input
          id={`${id}-address`}
          type="text"
          className="mono"
          value={text}
          placeholder={t.add.placeholder}
          spellCheck={false}
          autoComplete="off"
          data-autofocus
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={`${id}-help ${id}-error`}
          data-testid="add-device-input"
          onChange={(e) => { setText(e.target.value); setError(undefined) }}
        />
        <p id={`${id}-error`} className="error-text field-error" role="alert" data-testid="add-device-error">{error ?? ''}</p>
        <div className="dialog-foot">
          <button type="submit" className="button primary" aria-disabled={busy}>{busy ? t.add.adding : t.add.submit}</button>
        </div>
      </form>
    </Dialog>
  )
}
