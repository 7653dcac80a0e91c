/**
 * The "This device" slice of Settings: the name other devices see and the
 * folder received files are saved to (`share.self`, `share.configure`),
 * and whether the LAN link server runs (`share.links`, `share.linkServer`),
 * each field with its saving state in words.
 */
import { create } from 'zustand'
import { onConnect, requireApi } from '../../lib/connection-store.ts'
import { shareErrorText } from '../../texts/share.ts'
import type { FieldState } from './settings-store.ts'

/** The fields of This device. */
export type DeviceField = 'deviceName' | 'inboxFolder' | 'linkServer'

/** The slice's state. */
export interface DeviceSettingsState {
  deviceName: string | undefined
  inboxFolder: string | undefined
  /** Undefined while unknown, or when this node has no LAN links. */
  linkServer: boolean | undefined
  linkOrigin: string | undefined
  loaded: boolean
  loadError: string | undefined
  fields: Partial<Record<DeviceField, FieldState>>
  load: () => Promise<void>
  /** Send the device name or inbox folder; true when the node took it. */
  configure: (field: 'deviceName' | 'inboxFolder', value: string) => Promise<boolean>
  setLinkServer: (enabled: boolean) => Promise<boolean>
  clearField: (field: DeviceField) => void
}

/** The This device slice. */
export const useDeviceSettings = create<DeviceSettingsState>()((set, get) => {
  const field = (name: DeviceField, state: FieldState): void => { set((s) => ({ fields: { ...s.fields, [name]: state } })) }
  return {
    deviceName: undefined,
    inboxFolder: undefined,
    linkServer: undefined,
    linkOrigin: undefined,
    loaded: false,
    loadError: undefined,
    fields: {},
    load: async () => {
      const api = requireApi()
      try {
        const self = await api.share.self()
        set({ deviceName: self.name, inboxFolder: self.inboxFolder, loaded: true, loadError: undefined })
      } catch (err) {
        set({ loadError: shareErrorText(err) })
        throw err
      }
      try {
        const links = await api.share.links()
        set({ linkServer: links.enabled, linkOrigin: links.origin })
      } catch {
        set({ linkServer: undefined, linkOrigin: undefined })
      }
    },
    configure: async (name, value) => {
      if (get().fields[name]?.saving === true) return false
      field(name, { saving: true })
      try {
        const self = await requireApi().share.configure({ [name]: value })
        set({ deviceName: self.name, inboxFolder: self.inboxFolder })
        field(name, { saving: false, saved: 'applied' })
        return true
      } catch (err) {
        field(name, { saving: false, error: shareErrorText(err) })
        return false
      }
    },
    setLinkServer: async (enabled) => {
      if (get().fields.linkServer?.saving === true) return false
      field('linkServer', { saving: true })
      try {
        const links = await requireApi().share.linkServer({ enabled })
        set({ linkServer: links.enabled, linkOrigin: links.origin })
        field('linkServer', { saving: false, saved: 'applied' })
        return true
      } catch (err) {
        field('linkServer', { saving: false, error: shareErrorText(err) })
        return false
      }
    },
    clearField: (name) => {
      set((s) => {
        const fields = { ...s.fields }
        Reflect.deleteProperty(fields, name)
        return { fields }
      })
    }
  }
})

onConnect(() => { useDeviceSettings.getState().load().catch(() => {}) })
