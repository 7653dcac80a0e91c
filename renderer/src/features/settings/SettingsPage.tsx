/**
 * The settings page: this device (its name, inbox folder and LAN links),
 * the node's addresses, and the settings a user changes most (storage,
 * network, theme), each saved to the node as soon as it is changed.
 */
import { useEffect } from 'react'
import { useConnection } from '../../lib/connection-store.ts'
import { settings as texts } from '../../texts/settings.ts'
import { AddressesSection } from './addresses.tsx'
import { DeviceSection } from './device-section.tsx'
import { useDeviceSettings } from './device-store.ts'
import { AppearanceSection, NetworkSection, StorageSection } from './sections.tsx'
import { useSettings } from './settings-store.ts'
import './settings.css'

/** The settings page. */
export function SettingsPage () {
  const connected = useConnection((s) => s.status === 'online')
  const restartNeeded = useSettings((s) => s.restartNeeded)
  const loadError = useSettings((s) => s.loadError)
  const loaded = useSettings((s) => s.loaded)
  const load = useSettings((s) => s.load)
  const loadDevice = useDeviceSettings((s) => s.load)
  useEffect(() => {
    // Values fresh whenever the page opens (they may have changed from the command line).
    if (connected) {
      load().catch(() => {})
      loadDevice().catch(() => {})
    }
  }, [connected, load, loadDevice])
  return (
    <div className="page settings-page">
      <h1>{texts.title}</h1>
      <div className="settings-notice" aria-busy={!loaded && loadError === undefined}>
        {restartNeeded
          ? (
            <div className="restart-notice" data-testid="restart-needed">
              <strong>{texts.restartNeeded}</strong> <span>{texts.restartHow}</span>
            </div>
            )
          : loadError !== undefined
            ? <p className="error-text">{texts.loadFailed}: {loadError} <button type="button" className="button small" onClick={() => { load().catch(() => {}) }}>{texts.retry}</button></p>
            : <p className="muted">{loaded ? texts.intro : texts.loading}</p>}
      </div>
      <div className="settings-groups">
        <DeviceSection />
        <AddressesSection />
        <StorageSection />
        <NetworkSection />
        <AppearanceSection />
      </div>
    </div>
  )
}
