/**
 * The config keys the Settings page edits, spelled as `planetary config
 * show` prints them, and the values the node's config schema accepts for
 * each (node-core/src/repo/config/schema.ts, which the web UI cannot
 * bundle: settings.test.ts checks these copies against it). The default
 * bootstrap list comes from the node itself (`config.default`).
 */

/** The config keys this page changes. */
export const SETTING_KEYS = [
  'Datastore.StorageMax',
  'Datastore.StorageGCWatermark',
  'Routing.Type',
  'Discovery.MDNS.Enabled',
  'Bootstrap',
  'Reprovider.Strategy'
] as const

/** One of those keys. */
export type SettingKey = (typeof SETTING_KEYS)[number]

/** `Routing.Type`'s values. */
export const ROUTING_TYPES = ['auto', 'dht', 'dhtclient', 'dhtserver', 'none'] as const

/** `Reprovider.Strategy`'s values. */
export const REPROVIDER_STRATEGIES = ['all', 'pinned', 'roots'] as const

/** The bootstrap peers in `list` that are not among `defaults` (the node's `config.default` of Bootstrap). */
export function customBootstrap (list: readonly string[], defaults: readonly string[]): string[] {
  return list.filter((address) => !defaults.includes(address))
}

/** The value at dotted `key` in a config object, or undefined. */
export function valueAt (config: unknown, key: string): unknown {
  let node: unknown = config
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}
