/**
 * The settings slice: the config values the Settings page edits, read with
 * `config.get` on every connection, changed one key at a time with
 * `config.set`, and each key's saving state (saving, saved, or the node's
 * error), plus where the node listens (API, gateway, swarm) and which
 * of those moved off a taken port, from `node.info`.
 */
import { create } from 'zustand'
import { onConnect, requireApi } from '../../lib/connection-store.ts'
import { errorText } from '../../texts/errors.ts'
import { SETTING_KEYS, valueAt } from './setting-values.ts'
import type { SettingKey } from './setting-values.ts'
import type { PortMove } from './ports-moved.ts'
import type { Input } from '../../../../node-core/src/api/contract.ts'

/** A value `config.set` takes (JSON). */
export type ConfigValue = Input<'config.set'>['value']

/** Where one key's last change stands. */
export interface FieldState {
  saving: boolean
  /** After a successful save: whether the node applies it only after a restart. */
  saved?: 'restart' | 'applied'
  /** The node's refusal, in words. */
  error?: string
}

/** Where the node listens: as bound (node.info) when known, else as configured. */
export interface Addresses {
  api: string | undefined
  gateway: string | undefined
  /** The swarm's listen addresses as bound. */
  swarm: readonly string[]
  /** The addresses moved off ports another program held, this start. */
  moved: readonly PortMove[]
}

/** The settings slice's state. */
export interface SettingsState {
  /** The values as the node holds them (and, while saving, the value being sent). */
  values: Partial<Record<SettingKey, unknown>>
  loaded: boolean
  loadError: string | undefined
  addresses: Addresses
  fields: Partial<Record<SettingKey, FieldState>>
  /** Some saved change waits for a restart. */
  restartNeeded: boolean
  /** The bootstrap peers a fresh repo gets (the node's `config.default`), what "on" restores. */
  defaultBootstrap: readonly string[]
  load: () => Promise<void>
  /** Send `value` for `key`; true when the node took it. */
  save: (key: SettingKey, value: ConfigValue) => Promise<boolean>
  /** Forget a key's message (the user edits it again). */
  clearField: (key: SettingKey) => void
}

/** The settings slice. */
export const useSettings = create<SettingsState>()((set, get) => ({
  values: {},
  loaded: false,
  loadError: undefined,
  addresses: { api: undefined, gateway: undefined, swarm: [], moved: [] },
  fields: {},
  restartNeeded: false,
  defaultBootstrap: [],
  load: async () => {
    const api = requireApi()
    try {
      const [{ value: config }, info, { value: bootstrap }] = await Promise.all([api.config.get({}), api.node.info(), api.config.default({ key: 'Bootstrap' })])
      const values: Partial<Record<SettingKey, unknown>> = {}
      for (const key of SETTING_KEYS) values[key] = valueAt(config, key)
      const configured = (key: string): string | undefined => {
        const v = valueAt(config, key)
        return typeof v === 'string' ? v : undefined
      }
      set({
        values,
        loaded: true,
        loadError: undefined,
        defaultBootstrap: Array.isArray(bootstrap) ? bootstrap.filter((a): a is string => typeof a === 'string') : [],
        addresses: {
          api: info.apiAddress ?? configured('Addresses.API'),
          gateway: info.gatewayUrl ?? configured('Addresses.Gateway'),
          swarm: info.listenAddresses,
          moved: info.portsMoved
        }
      })
    } catch (err) {
      set({ loadError: errorText(err) })
      throw err
    }
  },
  save: async (key, value) => {
    if (get().fields[key]?.saving === true) return false
    const before = get().values[key]
    const put = (field: FieldState, v: unknown): void => {
      set((s) => ({ values: { ...s.values, [key]: v }, fields: { ...s.fields, [key]: field } }))
    }
    put({ saving: true }, value)
    try {
      const result = await requireApi().config.set({ key, value })
      put({ saving: false, saved: result.restartNeeded ? 'restart' : 'applied' }, result.value)
      if (result.restartNeeded) set({ restartNeeded: true })
      return true
    } catch (err) {
      put({ saving: false, error: errorText(err) }, before)
      return false
    }
  },
  clearField: (key) => {
    set((s) => {
      const fields = { ...s.fields }
      Reflect.deleteProperty(fields, key)
      return { fields }
    })
  }
}))

// A connection made again follows a daemon that went away, so the saved changes are in force now:
// the restart notice and the per-field "restart to apply" go.
onConnect(() => {
  useSettings.setState((s) => ({ restartNeeded: false, fields: Object.fromEntries(Object.entries(s.fields).filter(([, f]) => f?.saved !== 'restart')) }))
  useSettings.getState().load().catch(() => {})
})
