/**
 * The Devices page: this device, the devices around it as cards to drop
 * files on, adding one by address or pairing by code, the Inbox and Sent
 * transfers, and the LAN links. Drops on the page outside a card do
 * nothing here (they never fall through to the app-wide import into Files).
 */
import { useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { EmptyState } from '../../components/EmptyState.tsx'
import { Identicon } from '../../components/Identicon.tsx'
import { share as t } from '../../texts/share.ts'
import { AddDeviceDialog } from './AddDeviceDialog.tsx'
import { carriesFiles, DeviceCard } from './DeviceCard.tsx'
import { ItemDetails } from './ItemDetails.tsx'
import { LinksPanel } from './LinksPanel.tsx'
import { PairDialog } from './PairDialog.tsx'
import { TransfersPanel } from './TransfersPanel.tsx'
import { useShare } from './share-store.ts'
import type { ShareDevice } from './share-store.ts'
import './share.css'

/** Online first, then favourites, then by name. */
export function deviceOrder (a: ShareDevice, b: ShareDevice): number {
  return Number(b.online) - Number(a.online) || Number(b.favourite) - Number(a.favourite) || a.name.localeCompare(b.name) || a.peer.localeCompare(b.peer)
}

function ThisDevice () {
  const self = useShare((s) => s.self)
  if (self === undefined) return <p className="this-device muted">&nbsp;</p>
  return (
    <p className="this-device" data-testid="this-device">
      <Identicon id={self.peer} size={22} />
      <span>{t.self.label}: <strong data-testid="self-name">{self.name}</strong></span>
      <span className="muted">{t.osName(self.os)}</span>
      <span className="fingerprint mono" title={t.fingerprintLabel}>{t.fingerprint(self.peer)}</span>
      <a href="#/settings">{t.self.rename}</a>
    </p>
  )
}

/** Stop drags and drops on the page from reaching the window's import into Files; a drop here outside a card is refused. */
function keepDrags (event: React.DragEvent): void {
  if (!carriesFiles(event.dataTransfer)) return
  event.stopPropagation()
  if (event.type === 'dragover' || event.type === 'drop') {
    event.preventDefault()
    event.dataTransfer.dropEffect = 'none'
  }
}

/** The Devices page; `rest` is `/sent` to open the Sent list. */
export function DevicesPage ({ rest = '/' }: { rest?: string }) {
  const peers = useShare(useShallow((s) => Object.values(s.devices).sort(deviceOrder).map((d) => d.peer)))
  const loaded = useShare((s) => s.devicesLoaded)
  const loadError = useShare((s) => s.loadError)
  const [dialog, setDialog] = useState<'add' | 'pair' | undefined>()
  const [details, setDetails] = useState<string | undefined>()
  const tab = useMemo(() => rest.startsWith('/sent') ? 'sent' : 'inbox', [rest])
  return (
    <div className="page devices-page" onDragEnter={keepDrags} onDragOver={keepDrags} onDragLeave={keepDrags} onDrop={keepDrags} data-testid="devices-page">
      <div className="devices-head">
        <h1>{t.title}</h1>
        <div className="devices-buttons">
          <button type="button" className="button" data-testid="open-add-device" onClick={() => { setDialog('add') }}>{t.add.button}</button>
          <button type="button" className="button" data-testid="open-pair" onClick={() => { setDialog('pair') }}>{t.pair.button}</button>
        </div>
      </div>
      <p className="muted">{t.intro}</p>
      <ThisDevice />
      {loadError === undefined ? null : <p className="error-text" role="alert">{loadError}</p>}
      <section aria-labelledby="devices-title" className="devices-section">
        <h2 id="devices-title" className="visually-hidden">{t.devices.label}</h2>
        <p className="muted" role="status" data-testid="devices-summary">{loaded ? t.devices.count(peers.length) : t.devices.loading}</p>
        {!loaded
          ? <div className="devices-placeholder" aria-busy="true" />
          : peers.length === 0
            ? (
              <div className="card" data-testid="devices-empty">
                <EmptyState
                  title={t.empty.title}
                  action={(
                    <div className="devices-buttons centred">
                      <button type="button" className="button primary" onClick={() => { setDialog('pair') }}>{t.pair.button}</button>
                      <button type="button" className="button" onClick={() => { setDialog('add') }}>{t.add.button}</button>
                    </div>
                  )}
                >{t.empty.body}</EmptyState>
              </div>
              )
            : <ul className="device-grid">{peers.map((peer) => <DeviceCard key={peer} peer={peer} />)}</ul>}
      </section>
      <TransfersPanel tab={tab} onDetails={setDetails} />
      <LinksPanel />
      {dialog === 'add' ? <AddDeviceDialog onClose={() => { setDialog(undefined) }} /> : null}
      {dialog === 'pair' ? <PairDialog onClose={() => { setDialog(undefined) }} /> : null}
      {details === undefined ? null : <ItemDetails id={details} onClose={() => { setDetails(undefined) }} />}
    </div>
  )
}
