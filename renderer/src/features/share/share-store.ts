/**
 * The share slice: this device, the devices around it, the transfers sent
 * and received, the offers waiting for an answer, pairing and LAN links.
 * It is the only caller of the `share` methods; it loads on every
 * connection and follows `share:device`, `share:item`, `share:offer` and
 * `share:pairing`. Item events are gathered and applied a few times a
 * second, so thousands of transfers moving at once cost one update per tick.
 */
import { create } from 'zustand'
import { onConnect, requireApi } from '../../lib/connection-store.ts'
import { notify } from '../../lib/toasts.ts'
import { formatBytes } from '../../lib/format.ts'
import { share as t, shareErrorText } from '../../texts/share.ts'
import { EMPTY_INDEX, mergeItems, removeItem, replaceItems } from './merge.ts'
import type { ItemIndex, ShareItem } from './merge.ts'
import type { EventPayload, Output } from '../../../../node-core/src/api/contract.ts'

/** A device that speaks the share protocol. */
export type ShareDevice = Output<'share.devices'>['devices'][number]
/** This device. */
export type ShareSelf = Output<'share.self'>
/** The LAN link server and its links. */
export type ShareLinks = Output<'share.links'>
/** One LAN link. */
export type ShareLink = ShareLinks['links'][number]
/** Who holds an item. */
export type Reachability = Output<'share.reach'>
/** How the pairing this node started ended. */
export type PairingEvent = EventPayload<'share:pairing'>
/** A pairing join's phase. */
export type PairPhase = 'finding' | 'connecting' | 'verifying'

/** A send being prepared for a device (the browser's upload, then the offer). */
export interface PendingSend {
  id: number
  peer: string
  phase: 'uploading' | 'offering'
  bytes: number
  total: number | undefined
}

/** What a device's card may change. */
export interface DeviceChanges { favourite?: boolean, autoAccept?: boolean, forget?: boolean }

/** The share slice's state. */
export interface ShareState extends ItemIndex {
  self: ShareSelf | undefined
  devices: Readonly<Record<string, ShareDevice>>
  devicesLoaded: boolean
  itemsLoaded: boolean
  /** Why the last load failed, in words. */
  loadError: string | undefined
  /** Offers to prompt for (ids), oldest first. */
  prompts: readonly string[]
  /** The last pairing event since `pairStart`. */
  pairing: PairingEvent | undefined
  links: ShareLinks | undefined
  /** Why the links could not be read, in words. */
  linksError: string | undefined
  sends: readonly PendingSend[]
  /** The daemon's origin for uploads: the page's own. */
  origin: string
  load: () => Promise<void>
  loadLinks: () => Promise<void>
  ingest: (items: readonly ShareItem[]) => void
  addDevice: (address: string) => Promise<ShareDevice>
  updateDevice: (peer: string, changes: DeviceChanges) => Promise<void>
  pairStart: () => Promise<{ code: string, expiresAt: number }>
  pairCancel: () => Promise<void>
  pairJoin: (code: string, onPhase: (phase: PairPhase) => void, signal?: AbortSignal) => Promise<ShareDevice>
  /** Offer local paths (the desktop window) to `peer`. */
  sendPaths: (peer: string, paths: string[]) => Promise<ShareItem>
  /** Offer content already in the node (`cid`, called `name`) to `peer`. */
  /** Offer content in the node; `wrapped`: a folder made to hold several dropped items, which the receiver saves side by side. */
  sendCid: (peer: string, cid: string, name: string, wrapped?: boolean) => Promise<ShareItem>
  accept: (id: string) => Promise<void>
  decline: (id: string) => Promise<void>
  cancel: (id: string) => Promise<void>
  remove: (id: string) => Promise<void>
  dismissPrompt: (id: string) => void
  reach: (cid: string, signal?: AbortSignal) => Promise<Reachability>
  linkCreate: (cid: string, name: string, pin: string | undefined) => Promise<ShareLink>
  linkRevoke: (id: string) => Promise<void>
  linkServer: (enabled: boolean) => Promise<void>
  /** The names in a Files folder (none when it is missing), to upload beside them. */
  namesIn: (folder: string) => Promise<Set<string>>
  /** Track a send being prepared; returns its id. */
  startSend: (peer: string) => number
  updateSend: (id: number, changes: Partial<Omit<PendingSend, 'id' | 'peer'>>) => void
  endSend: (id: number) => void
}

let nextSend = 1

function withDevice (devices: Readonly<Record<string, ShareDevice>>, device: ShareDevice): Record<string, ShareDevice> {
  return { ...devices, [device.peer]: device }
}

/** The share slice. */
export const useShare = create<ShareState>()((set, get) => ({
  ...EMPTY_INDEX,
  self: undefined,
  devices: {},
  devicesLoaded: false,
  itemsLoaded: false,
  loadError: undefined,
  prompts: [],
  pairing: undefined,
  links: undefined,
  linksError: undefined,
  sends: [],
  origin: typeof location === 'undefined' ? '' : location.origin,
  load: async () => {
    const api = requireApi()
    const since = Date.now()
    try {
      const [self, { devices }, { items }] = await Promise.all([api.share.self(), api.share.devices(), api.share.items({})])
      set((s) => ({
        ...replaceItems(s, items, since),
        self,
        devices: Object.fromEntries(devices.map((d) => [d.peer, d])),
        devicesLoaded: true,
        itemsLoaded: true,
        loadError: undefined,
        // Offers already waiting when the page opened are in the Inbox (and its badge), not prompted again.
        prompts: s.prompts.filter((id) => items.some((item) => item.id === id && item.state === 'waiting'))
      }))
    } catch (err) {
      set({ loadError: shareErrorText(err) })
      throw err
    }
  },
  loadLinks: async () => {
    try {
      set({ links: await requireApi().share.links(), linksError: undefined })
    } catch (err) {
      set({ linksError: shareErrorText(err) })
    }
  },
  ingest: (items) => { set((s) => mergeItems(s, items)) },
  addDevice: async (address) => {
    const device = await requireApi().share.addDevice({ address })
    set((s) => ({ devices: withDevice(s.devices, device) }))
    return device
  },
  updateDevice: async (peer, changes) => {
    const { device } = await requireApi().share.updateDevice({ peer, ...changes })
    set((s) => {
      if (device !== undefined) return { devices: withDevice(s.devices, device) }
      const devices = { ...s.devices }
      Reflect.deleteProperty(devices, peer)
      return { devices }
    })
  },
  pairStart: async () => {
    set({ pairing: undefined })
    return await requireApi().share.pairStart()
  },
  pairCancel: async () => { await requireApi().share.pairCancel() },
  pairJoin: async (code, onPhase, signal) => {
    const device = await requireApi().share.pairJoin({ code }, { onProgress: (p) => { onPhase(p.phase) }, ...(signal === undefined ? {} : { signal }) })
    set((s) => ({ devices: withDevice(s.devices, device) }))
    return device
  },
  sendPaths: async (peer, paths) => {
    const item = await requireApi().share.send({ to: peer, paths })
    get().ingest([item])
    return item
  },
  sendCid: async (peer, cid, name, wrapped = false) => {
    const item = await requireApi().share.send({ to: peer, cid, name, ...(wrapped ? { wrapped } : {}) })
    get().ingest([item])
    return item
  },
  accept: async (id) => {
    get().dismissPrompt(id)
    get().ingest([await requireApi().share.accept({ id })])
  },
  decline: async (id) => {
    get().dismissPrompt(id)
    get().ingest([await requireApi().share.decline({ id })])
  },
  cancel: async (id) => { get().ingest([await requireApi().share.cancel({ id })]) },
  remove: async (id) => {
    await requireApi().share.remove({ id })
    set((s) => ({ ...removeItem(s, id), prompts: s.prompts.filter((x) => x !== id) }))
  },
  dismissPrompt: (id) => { set((s) => s.prompts.includes(id) ? { prompts: s.prompts.filter((x) => x !== id) } : {}) },
  reach: async (cid, signal) => await requireApi().share.reach({ cid }, signal === undefined ? {} : { signal }),
  linkCreate: async (cid, name, pin) => {
    const link = await requireApi().share.linkCreate({ cid, name, ...(pin === undefined ? {} : { pin }) })
    set((s) => s.links === undefined ? {} : { links: { ...s.links, links: [...s.links.links.filter((l) => l.id !== link.id), link] } })
    return link
  },
  linkRevoke: async (id) => {
    await requireApi().share.linkRevoke({ id })
    set((s) => s.links === undefined ? {} : { links: { ...s.links, links: s.links.links.filter((l) => l.id !== id) } })
  },
  linkServer: async (enabled) => { set({ links: await requireApi().share.linkServer({ enabled }), linksError: undefined }) },
  namesIn: async (folder) => {
    try {
      const { entries } = await requireApi().files.ls({ path: folder })
      return new Set(entries.map((e) => e.name))
    } catch {
      return new Set()
    }
  },
  startSend: (peer) => {
    const id = nextSend++
    set((s) => ({ sends: [...s.sends, { id, peer, phase: 'uploading', bytes: 0, total: undefined }] }))
    return id
  },
  updateSend: (id, changes) => { set((s) => ({ sends: s.sends.map((x) => x.id === id ? { ...x, ...changes } : x) })) },
  endSend: (id) => { set((s) => ({ sends: s.sends.filter((x) => x.id !== id) })) }
}))

const FLUSH_MS = 150

onConnect((api) => {
  const pending = new Map<string, ShareItem>()
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = (): void => {
    timer = undefined
    const items = [...pending.values()]
    pending.clear()
    useShare.getState().ingest(items)
  }
  const queue = (item: ShareItem): void => {
    const known = pending.get(item.id)
    if (known === undefined || known.updatedAt <= item.updatedAt) pending.set(item.id, item)
    timer ??= setTimeout(flush, FLUSH_MS)
  }
  const offs = [
    api.on('share:item', queue),
    api.on('share:offer', ({ item, autoAccepted }) => {
      useShare.getState().ingest([item])
      if (autoAccepted) notify(t.offer.autoAccepted(item.deviceName, item.name, formatBytes(item.totalBytes)))
      else if (item.state === 'waiting') useShare.setState((s) => s.prompts.includes(item.id) ? {} : { prompts: [...s.prompts, item.id] })
    }),
    api.on('share:device', ({ device, gone }) => {
      useShare.setState((s) => {
        if (!gone) return { devices: withDevice(s.devices, device) }
        const devices = { ...s.devices }
        Reflect.deleteProperty(devices, device.peer)
        return { devices }
      })
    }),
    api.on('share:pairing', (event) => {
      useShare.setState((s) => ({ pairing: event, ...(event.device === undefined ? {} : { devices: withDevice(s.devices, event.device) }) }))
    })
  ]
  useShare.getState().load().catch(() => {})
  useShare.getState().loadLinks().catch(() => {})
  return () => {
    clearTimeout(timer)
    if (pending.size > 0) flush()
    for (const off of offs) off()
  }
})
