/**
 * What the desktop app says outside its window about sharing: a native
 * notification when a device offers files (or sends them to a paired
 * favourite that accepts without asking), when a received item is saved,
 * when a sent one is delivered or declined; and the question before
 * quitting while devices still download from this one. Pure: main shows
 * them (share-watch.ts, quit-guard.ts).
 */
import type { EventPayload, Output } from '../../node-core/src/api/contract.ts'
import type { Notice } from './notices.ts'

/** A transfer as the `share:item` event carries it. */
export type ShareItem = EventPayload<'share:item'>

/** A peer downloading from this node, as `share.uploads` lists it. */
export type Upload = Output<'share.uploads'>['uploads'][number]

/** The question before quitting, and its buttons (`quit` and `keep` are their indexes). */
export interface QuitWarning {
  message: string
  detail: string
  buttons: string[]
  quit: number
  keep: number
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB']
const MAX_NAME = 60
const MAX_DEVICES = 2

/** `1536` → `1.5 KB`: decimal units, as the window and file managers show sizes. */
export function formatSize (bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?'
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000
    unit++
  }
  return `${unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit] ?? 'B'}`
}

/** A name cut to fit a notification's line (its end kept: the extension tells what it is). */
function short (name: string): string {
  return name.length <= MAX_NAME ? name : `${name.slice(0, MAX_NAME - 11)}…${name.slice(-10)}`
}

function what (item: Pick<ShareItem, 'name' | 'totalBytes'>): string {
  return `${short(item.name)} (${formatSize(item.totalBytes)})`
}

function extras (item: Pick<ShareItem, 'fileCount' | 'message'>): string[] {
  return [
    ...(item.fileCount > 1 ? [`${item.fileCount.toLocaleString('en')} files`] : []),
    ...(item.message === undefined || item.message === '' ? [] : [`“${item.message.length > 200 ? `${item.message.slice(0, 199)}…` : item.message}”`])
  ]
}

/** A device offers files: accept or decline in the window (clicking opens Devices). */
export function offerNotice (item: Pick<ShareItem, 'deviceName' | 'name' | 'totalBytes' | 'fileCount' | 'message'>, autoAccepted: boolean): Notice {
  if (autoAccepted) {
    return { title: `Receiving ${what(item)} from ${item.deviceName}`, body: ['Accepted without asking: a paired favourite.', ...extras(item)].join('\n') }
  }
  return { title: `${item.deviceName} wants to send you ${what(item)}`, body: [...extras(item), 'Open Planetary to accept or decline.'].join('\n') }
}

/** A received item is verified and saved. */
export function receivedNotice (item: Pick<ShareItem, 'deviceName' | 'name' | 'savedTo'>): Notice {
  const saved = item.savedTo ?? []
  const where = saved.length === 0 ? 'Saved in the Inbox.' : saved.length === 1 ? `Saved to ${saved[0] ?? ''}` : `Saved ${saved.length} items to ${saved[0] ?? ''} and beside it`
  return { title: `Received ${short(item.name)} from ${item.deviceName}`, body: where }
}

/** A sent item reached its end the sender hears of: delivered (receipt checked) or declined; undefined for other states. */
export function sentNotice (item: Pick<ShareItem, 'deviceName' | 'name' | 'state'>): Notice | undefined {
  if (item.state === 'done') return { title: `Delivered ${short(item.name)} to ${item.deviceName}`, body: 'Their receipt was checked: every byte arrived.' }
  if (item.state === 'declined') return { title: `${item.deviceName} declined ${short(item.name)}`, body: 'Nothing was sent.' }
  return undefined
}

/** The devices downloading from this one, as a sentence's subject: `Ana`, `Ana and Bo`, `Ana, Bo and 2 others`. */
function who (uploads: readonly Upload[]): { names: string, many: boolean } {
  const names = [...new Set(uploads.map((u) => u.deviceName))]
  if (names.length <= MAX_DEVICES) return { names: names.join(' and '), many: names.length > 1 }
  const rest = names.length - MAX_DEVICES
  return { names: `${names.slice(0, MAX_DEVICES).join(', ')} and ${rest} ${rest === 1 ? 'other' : 'others'}`, many: true }
}

/** The question before quitting while `uploads` run, or undefined when none does. */
export function quitWarning (uploads: readonly Upload[]): QuitWarning | undefined {
  if (uploads.length === 0) return undefined
  const { names, many } = who(uploads)
  const sent = uploads.reduce((n, u) => n + u.bytes, 0)
  return {
    message: `${names} ${many ? 'are' : 'is'} still downloading from you. Quit anyway?`,
    // A transfer offered through sharing resumes when this device is back; a plain IPFS fetch may not.
    detail: `${formatSize(sent)} sent so far. Quitting interrupts the download${uploads.every((u) => u.itemId !== undefined) ? '; it resumes by itself when Planetary runs again' : ''}.`,
    buttons: ['Quit', 'Keep running'],
    quit: 0,
    keep: 1
  }
}
