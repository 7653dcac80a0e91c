/**
 * The Settings page's "This device" group: the name other devices see,
 * where received files are saved (an absolute path, checked before it is
 * sent), and the LAN link server's switch.
 */
import { useId } from 'react'
import { settings as texts } from '../../texts/settings.ts'
import { useDeviceSettings } from './device-store.ts'
import { TextSettingForm } from './text-setting-form.tsx'
import { checkDeviceName, checkFolder } from './validate.ts'
import type { DeviceField } from './device-store.ts'
import type { Checked } from './validate.ts'

function Status ({ field, id }: { field: DeviceField, id: string }) {
  const state = useDeviceSettings((s) => s.fields[field])
  let text: React.ReactNode = null
  if (state?.saving === true) text = <span className="muted">{texts.saving}</span>
  else if (state?.error !== undefined) text = <span className="error-text" data-testid={`error-${field}`}>{state.error}</span>
  else if (state?.saved !== undefined) text = <span className="saved">{texts.saved}</span>
  return <p className="save-status" id={id} role="status" data-testid={`status-${field}`}>{text}</p>
}

function TextField ({ field, label, help, check }: { field: 'deviceName' | 'inboxFolder', label: string, help: string, check: (text: string) => Checked<string> }) {
  const stored = useDeviceSettings((s) => s[field])
  const loaded = useDeviceSettings((s) => s.loaded)
  const busy = useDeviceSettings((s) => s.fields[field]?.saving === true)
  const configure = useDeviceSettings((s) => s.configure)
  const clearField = useDeviceSettings((s) => s.clearField)
  return (
    <TextSettingForm
      testKey={field}
      label={label}
      help={help}
      stored={stored ?? ''}
      loaded={loaded}
      busy={busy}
      check={check}
      save={(value) => configure(field, value)}
      clearField={() => { clearField(field) }}
      className={field === 'inboxFolder' ? 'wide mono' : undefined}
      status={(id) => <Status field={field} id={id} />}
    />
  )
}

function LinkServerSwitch () {
  const id = useId()
  const on = useDeviceSettings((s) => s.linkServer)
  const origin = useDeviceSettings((s) => s.linkOrigin)
  const loaded = useDeviceSettings((s) => s.loaded)
  const busy = useDeviceSettings((s) => s.fields.linkServer?.saving === true)
  const setLinkServer = useDeviceSettings((s) => s.setLinkServer)
  return (
    <div className="setting check">
      <div className="setting-row">
        {loaded && on !== undefined
          ? <input id={`${id}-input`} type="checkbox" role="switch" checked={on} aria-describedby={`${id}-help ${id}-status`} aria-disabled={busy} data-testid="setting-linkServer" onChange={(e) => { if (!busy) void setLinkServer(e.target.checked) }} />
          : <span className="control-skeleton check" aria-hidden="true" />}
        <label className="setting-label" htmlFor={`${id}-input`}>{texts.device.linkServer}</label>
      </div>
      <p className="setting-help" id={`${id}-help`}>
        {loaded && on === undefined ? texts.device.linkServerUnavailable : texts.device.linkServerHelp}
        {on === true && origin !== undefined ? <> {texts.device.linkServerOn(origin)}</> : null}
      </p>
      <Status field="linkServer" id={`${id}-status`} />
    </div>
  )
}

/** The This device group. */
export function DeviceSection () {
  const loadError = useDeviceSettings((s) => s.loadError)
  return (
    <fieldset className="settings-group" data-testid="device-settings">
      <legend>{texts.device.legend}</legend>
      {loadError === undefined ? null : <p className="error-text">{texts.loadFailed}: {loadError}</p>}
      <TextField field="deviceName" label={texts.device.name} help={texts.device.nameHelp} check={checkDeviceName} />
      <TextField field="inboxFolder" label={texts.device.inbox} help={texts.device.inboxHelp} check={checkFolder} />
      <LinkServerSwitch />
    </fieldset>
  )
}
