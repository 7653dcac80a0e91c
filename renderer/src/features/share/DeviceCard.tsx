/**
 * A device's card: who it is (identicon, name, system, fingerprint), whether
 * it is online, paired and a favourite, and the ways to send to it — drop
 * files or folders onto the card, or pick them with its buttons (the
 * keyboard's way). A paired favourite may be set to accept without asking.
 */
import { memo, useId, useRef, useState } from 'react'
import { Identicon } from '../../components/Identicon.tsx'
import { ProgressBar } from '../../components/ProgressBar.tsx'
import { dropRoots } from '../../lib/collect.ts'
import { percent } from '../../lib/format.ts'
import { notifyShareError } from './share-notify.ts'
import { share as t } from '../../texts/share.ts'
import { sendDropped, sendPicked } from './send.ts'
import { useShare } from './share-store.ts'
import { ago } from './time.ts'
import type { DeviceChanges } from './share-store.ts'

/** True when a drag carries files (not text or links). */
export function carriesFiles (data: DataTransfer | null): boolean {
  return data !== null && Array.from(data.types).includes('Files')
}

function SendState ({ peer }: { peer: string }) {
  const send = useShare((s) => s.sends.find((x) => x.peer === peer))
  if (send === undefined) return null
  const known = send.phase === 'uploading' && send.total !== undefined
  const text = send.phase === 'uploading' ? t.devices.uploading(Math.floor(known ? percent(send.bytes, send.total ?? 0) : 0)) : t.devices.offering
  return (
    <>
      <ProgressBar value={send.bytes} {...(known ? { total: send.total } : {})} label={text} />
      <span className="muted">{text}</span>
    </>
  )
}

/** The card of the device `peer`. */
export const DeviceCard = memo(function DeviceCard ({ peer }: { peer: string }) {
  const device = useShare((s) => s.devices[peer])
  const update = useShare((s) => s.updateDevice)
  const [over, setOver] = useState(false)
  const [busy, setBusy] = useState(false)
  const filesRef = useRef<HTMLInputElement>(null)
  const folderRef = useRef<HTMLInputElement>(null)
  const id = useId()
  if (device === undefined) return null
  const os = t.osName(device.os)
  const change = (changes: DeviceChanges): void => {
    setBusy(true)
    update(peer, changes).catch((err: unknown) => { notifyShareError(t.devices.changeFailed(device.name), err) }).finally(() => { setBusy(false) })
  }
  const onDragOver = (event: React.DragEvent): void => {
    if (!carriesFiles(event.dataTransfer)) return
    event.preventDefault()
    event.stopPropagation()
    event.dataTransfer.dropEffect = 'copy'
    if (!over) setOver(true)
  }
  const onDragLeave = (event: React.DragEvent): void => {
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return
    setOver(false)
  }
  const onDrop = (event: React.DragEvent): void => {
    setOver(false)
    if (!carriesFiles(event.dataTransfer)) return
    event.preventDefault()
    event.stopPropagation()
    sendDropped(peer, device.name, dropRoots(event.dataTransfer))
  }
  const picked = (input: HTMLInputElement | null, folder: boolean): void => {
    const files = Array.from(input?.files ?? [])
    if (input !== null) input.value = ''
    sendPicked(peer, device.name, files, folder)
  }
  return (
    <li
      className={`device-card card${over ? ' drop-over' : ''}${device.online ? ' online' : ''}`}
      aria-labelledby={`${id}-name`}
      aria-describedby={`${id}-meta`}
      data-testid="device-card"
      data-peer={peer}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <div className="device-head">
        <Identicon id={peer} size={44} />
        <div className="device-who">
          <h3 id={`${id}-name`} className="device-name" title={device.name}>{device.name}</h3>
          <p id={`${id}-meta`} className="device-meta muted">
            <span className={`online-dot${device.online ? ' on' : ''}`} aria-hidden="true" />
            <span>{device.online ? t.devices.online : device.lastSeen > 0 ? t.devices.offline(ago(device.lastSeen)) : t.devices.neverSeen}</span>
            <span aria-hidden="true"> · </span>
            <span>{os}</span>
          </p>
        </div>
        <button
          type="button"
          className={`icon-button star${device.favourite ? ' on' : ''}`}
          aria-pressed={device.favourite}
          aria-label={t.devices.favourite(device.name)}
          title={t.devices.favourite(device.name)}
          disabled={busy}
          data-testid="device-favourite"
          onClick={() => { change({ favourite: !device.favourite }) }}
        >{device.favourite ? '★' : '☆'}</button>
      </div>
      <p className="device-tags">
        <span className="fingerprint mono" title={t.fingerprintLabel} aria-label={`${t.fingerprintLabel}: ${t.fingerprint(peer)}`}>{t.fingerprint(peer)}</span>
        {device.paired ? <span className="tag paired">{t.devices.paired}</span> : null}
        {device.lan ? <span className="tag">{t.devices.lan}</span> : null}
      </p>
      {device.paired && device.favourite
        ? (
          <label className="auto-accept" title={t.devices.autoAcceptHelp}>
            <input type="checkbox" role="switch" checked={device.autoAccept} disabled={busy} data-testid="device-auto-accept" onChange={(e) => { change({ autoAccept: e.target.checked }) }} />
            <span>{t.devices.autoAccept}</span>
          </label>
          )
        : null}
      <div className="device-send" aria-live="polite"><SendState peer={peer} /></div>
      <div className="device-actions">
        <button type="button" className="button primary small" aria-label={t.devices.sendTo(device.name)} data-testid="device-send" onClick={() => { filesRef.current?.click() }}>{t.devices.sendFiles}</button>
        <button type="button" className="button small" aria-label={t.devices.sendFolderTo(device.name)} onClick={() => { folderRef.current?.click() }}>{t.devices.sendFolder}</button>
        {device.online ? null : <button type="button" className="button small danger" aria-label={t.devices.forgetLabel(device.name)} disabled={busy} onClick={() => { change({ forget: true }) }}>{t.devices.forget}</button>}
        <input ref={filesRef} type="file" multiple hidden tabIndex={-1} data-testid="device-file-input" onChange={(e) => { picked(e.currentTarget, false) }} />
        <input ref={folderRef} type="file" hidden tabIndex={-1} {...{ webkitdirectory: '' }} onChange={(e) => { picked(e.currentTarget, true) }} />
      </div>
      {over ? <div className="device-drop-hint" aria-hidden="true">{t.devices.dropHere(device.name)}</div> : null}
    </li>
  )
})
