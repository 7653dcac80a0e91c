/**
 * The config keys the Settings page edits, spelled as `planetary config
 * show` prints them, and the values the node's config schema accepts for
 * each (node-core/src/repo/config/schema.ts and defaults.ts, which the web
 * UI cannot bundle: settings.test.ts checks these copies against them).
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

/** The IPFS default bootstrap peers, as a fresh repo gets them (defaults.ts `DEFAULT_BOOTSTRAP`). */
export const DEFAULT_BOOTSTRAP: readonly string[] = [
  '/dnsaddr/bootstrap.libp2p.io/p2p/QmNnooDu7bfjPFoTZYxMNLWUQJyrVwtbZg5gBMjTezGAJN',
  '/dnsaddr/bootstrap.libp2p.io/p2p/QmQCU2EcMqAqQPR2i9bChDtGNJchTbq5TbXJJ16u19uLTa',
  '/dnsaddr/bootstrap.libp2p.io/p2p/QmbLHAnMoJPWSCR5Zhtx6BHJX9KiKNN6tpvbUcqanj75Nb',
  '/dnsaddr/bootstrap.libp2p.io/p2p/QmcZf59bWwK5XFi76CZX8cbJ4BhTzzA3gU1ZjYZcYW3dwt',
  '/ip4/104.131.131.82/tcp/4001/p2p/QmaCpDMGvV2BGHeYERUEnRQAwe3N8SzbUtfsmvsqQLuvuJ',
  '/ip4/104.131.131.82/udp/4001/quic-v1/p2p/QmaCpDMGvV2BGHeYERUEnRQAwe3N8SzbUtfsmvsqQLuvuJ'
]

/** The bootstrap peers in `list` that are not default ones. */
export function customBootstrap (list: readonly string[]): string[] {
  return list.filter((address) => !DEFAULT_BOOTSTRAP.includes(address))
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
