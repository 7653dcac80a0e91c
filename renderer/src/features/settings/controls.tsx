/**
 * One control per config key, each saving through the settings slice: a
 * text field with its own Save (checked before sending), a select and a
 * checkbox that save on change. While a key saves, its control is marked
 * aria-disabled and ignores input (not `disabled`, which would throw the
 * keyboard focus off it); its message line says saving, saved, or the
 * node's refusal, in space reserved so nothing moves.
 */
import { useId } from 'react'
import { settings as texts } from '../../texts/settings.ts'
import { useSettings } from './settings-store.ts'
import { TextSettingForm } from './text-setting-form.tsx'
import type { ReactNode } from 'react'
import type { ConfigValue } from './settings-store.ts'
import type { SettingKey } from './setting-values.ts'
import type { Checked } from './validate.ts'

/** The saving state of `setting`, in words, announced politely. */
function SaveStatus ({ setting, id }: { setting: SettingKey, id: string }) {
  const field = useSettings((s) => s.fields[setting])
  let text: ReactNode = null
  if (field?.saving === true) text = <span className="muted">{texts.saving}</span>
  else if (field?.error !== undefined) text = <span className="error-text" data-testid={`error-${setting}`}>{field.error}</span>
  else if (field?.saved === 'restart') text = <span className="saved">{texts.savedRestart}</span>
  else if (field?.saved === 'applied') text = <span className="saved">{texts.saved}</span>
  return <p className="save-status" id={id} role="status" data-testid={`status-${setting}`}>{text}</p>
}

/** A grey block the size of a control, while the values load. */
function Skeleton ({ kind }: { kind: 'text' | 'select' | 'check' }) {
  return <span className={`control-skeleton ${kind}`} aria-hidden="true" />
}

interface Common {
  setting: SettingKey
  label: string
  help: string
}

/** A typed value with a Save button (and Enter): `check` turns the text into the value to send, or says what is wrong. */
export function TextSetting ({ setting, label, help, check, inputMode }: Common & { check: (text: string) => Checked<ConfigValue>, inputMode?: 'text' | 'numeric' }) {
  const stored = useSettings((s) => s.values[setting])
  const loaded = useSettings((s) => s.loaded)
  const busy = useSettings((s) => s.fields[setting]?.saving === true)
  const save = useSettings((s) => s.save)
  const clearField = useSettings((s) => s.clearField)
  return (
    <TextSettingForm
      testKey={setting}
      label={label}
      help={help}
      stored={stored === undefined || stored === null ? '' : String(stored)}
      loaded={loaded}
      busy={busy}
      check={check}
      save={(value) => save(setting, value)}
      clearField={() => { clearField(setting) }}
      className={inputMode === 'numeric' ? 'narrow' : undefined}
      inputMode={inputMode}
      status={(id) => <SaveStatus setting={setting} id={id} />}
    />
  )
}

/** A choice among `options`, saved when changed; `detail` explains the chosen one. */
export function SelectSetting ({ setting, label, help, options, detail }: Common & { options: ReadonlyArray<{ value: string, label: string }>, detail?: (value: string) => string | undefined }) {
  const id = useId()
  const stored = useSettings((s) => s.values[setting])
  const loaded = useSettings((s) => s.loaded)
  const busy = useSettings((s) => s.fields[setting]?.saving === true)
  const save = useSettings((s) => s.save)
  return (
    <div className="setting">
      <label className="setting-label" htmlFor={`${id}-input`}>{label}</label>
      <p className="setting-help" id={`${id}-help`}>{help}</p>
      <div className="setting-row">
        {loaded
          ? (
            <select
              id={`${id}-input`}
              value={typeof stored === 'string' ? stored : ''}
              aria-describedby={detail === undefined ? `${id}-help ${id}-status` : `${id}-help ${id}-detail ${id}-status`}
              aria-disabled={busy}
              data-testid={`setting-${setting}`}
              onChange={(e) => { if (!busy) void save(setting, e.target.value) }}
            >
              {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
            )
          : <Skeleton kind="select" />}
      </div>
      {detail === undefined ? null : <p className="setting-detail" id={`${id}-detail`}>{loaded && typeof stored === 'string' ? detail(stored) : null}</p>}
      <SaveStatus setting={setting} id={`${id}-status`} />
    </div>
  )
}

/** On or off: `isOn` reads the stored value, `valueFor` gives the value to send. */
export function CheckSetting ({ setting, label, help, isOn, valueFor, note }: Common & { isOn: (value: unknown) => boolean, valueFor: (on: boolean) => ConfigValue, note?: (value: unknown) => string | undefined }) {
  const id = useId()
  const stored = useSettings((s) => s.values[setting])
  const loaded = useSettings((s) => s.loaded)
  const busy = useSettings((s) => s.fields[setting]?.saving === true)
  const save = useSettings((s) => s.save)
  const extra = loaded ? note?.(stored) : undefined
  return (
    <div className="setting check">
      <div className="setting-row">
        {loaded
          ? (
            <input
              id={`${id}-input`}
              type="checkbox"
              checked={isOn(stored)}
              aria-describedby={`${id}-help ${id}-status`}
              aria-disabled={busy}
              data-testid={`setting-${setting}`}
              onChange={(e) => { if (!busy) void save(setting, valueFor(e.target.checked)) }}
            />
            )
          : <Skeleton kind="check" />}
        <label className="setting-label" htmlFor={`${id}-input`}>{label}</label>
      </div>
      <p className="setting-help" id={`${id}-help`}>{help}{extra === undefined ? null : <> {extra}</>}</p>
      <SaveStatus setting={setting} id={`${id}-status`} />
    </div>
  )
}
