/**
 * The Settings page's editable groups: storage, network, and appearance
 * (the theme, kept in this browser). Where the node listens is
 * addresses.tsx.
 */
import { useTheme } from '../../lib/theme.ts'
import { settings as texts } from '../../texts/settings.ts'
import { CheckSetting, SelectSetting, TextSetting } from './controls.tsx'
import { customBootstrap, REPROVIDER_STRATEGIES, ROUTING_TYPES } from './setting-values.ts'
import { useSettings } from './settings-store.ts'
import { checkStorageMax, checkWatermark } from './validate.ts'
import type { ThemeChoice } from '../../lib/theme.ts'

const routingOptions = ROUTING_TYPES.map((value) => ({ value, label: texts.network.routingTypes[value] ?? value }))
const strategyOptions = REPROVIDER_STRATEGIES.map((value) => ({ value, label: texts.network.strategies[value] ?? value }))
const THEMES: ThemeChoice[] = ['light', 'dark', 'system']

const asList = (value: unknown): string[] => Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

/** The storage cap and the GC watermark. */
export function StorageSection () {
  return (
    <fieldset className="settings-group">
      <legend>{texts.storage.legend}</legend>
      <TextSetting setting="Datastore.StorageMax" label={texts.storage.max} help={texts.storage.maxHelp} check={checkStorageMax} />
      <TextSetting setting="Datastore.StorageGCWatermark" label={texts.storage.watermark} help={texts.storage.watermarkHelp} check={checkWatermark} inputMode="numeric" />
    </fieldset>
  )
}

/** DHT mode, mDNS, bootstrap, and what is announced. */
export function NetworkSection () {
  const defaults = useSettings((s) => s.defaultBootstrap)
  return (
    <fieldset className="settings-group">
      <legend>{texts.network.legend}</legend>
      <SelectSetting setting="Routing.Type" label={texts.network.routing} help={texts.network.routingHelp} options={routingOptions} detail={(v) => texts.network.routingDetails[v]} />
      <CheckSetting setting="Discovery.MDNS.Enabled" label={texts.network.mdns} help={texts.network.mdnsHelp} isOn={(v) => v === true} valueFor={(on) => on} />
      <CheckSetting
        setting="Bootstrap"
        label={texts.network.bootstrap}
        help={texts.network.bootstrapHelp}
        isOn={(v) => asList(v).length > 0}
        valueFor={(on) => on ? [...defaults] : []}
        note={(v) => {
          const custom = customBootstrap(asList(v), defaults).length
          return custom === 0 ? undefined : texts.network.bootstrapCustom(custom)
        }}
      />
      <SelectSetting setting="Reprovider.Strategy" label={texts.network.reprovider} help={texts.network.reproviderHelp} options={strategyOptions} />
    </fieldset>
  )
}

/** Light, dark or the system's theme. */
export function AppearanceSection () {
  const choice = useTheme((s) => s.choice)
  const setChoice = useTheme((s) => s.setChoice)
  return (
    <fieldset className="settings-group">
      <legend>{texts.appearance.legend}</legend>
      <fieldset className="radio-group" data-testid="theme-select" aria-describedby="theme-help">
        <legend className="setting-label">{texts.appearance.theme}</legend>
        <p className="setting-help" id="theme-help">{texts.appearance.themeHelp}</p>
        <div className="radios">
          {THEMES.map((theme) => (
            <label key={theme} className="radio">
              <input type="radio" name="theme" value={theme} checked={choice === theme} data-testid={`theme-${theme}`} onChange={() => { setChoice(theme) }} />
              {texts.appearance.choices[theme]}
            </label>
          ))}
        </div>
      </fieldset>
    </fieldset>
  )
}
