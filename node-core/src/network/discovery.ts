/**
 * Peer discovery (mDNS, the bootstrap list), with each discovery module
 * tagged so that the node can say how it found a peer.
 */
import { bootstrap } from '@libp2p/bootstrap'
import { mdns } from '@libp2p/mdns'
import type { Config } from '../repo/config/schema.ts'
import type { PeerDiscovery, PeerInfo } from '@libp2p/interface'
import type { Libp2pOptions } from 'libp2p'

/** How a peer was found. */
export type DiscoverySource = 'mdns' | 'bootstrap' | 'dht'

type DiscoveryFactory = NonNullable<Libp2pOptions['peerDiscovery']>[number]

/** Remembers which module found each peer. */
export class DiscoverySources {
  readonly #sources = new Map<string, DiscoverySource>()
  readonly #mdns: PeerDiscovery[] = []

  /** The source that last reported `peer`; `dht` when none did (random walk, queries). */
  sourceOf (peer: string): DiscoverySource {
    return this.#sources.get(peer) ?? 'dht'
  }

  /** Wrap a discovery factory so that its finds are recorded as `source`. */
  tag (source: DiscoverySource, factory: DiscoveryFactory): DiscoveryFactory {
    return (components) => {
      const discovery = factory(components) as PeerDiscovery
      if (source === 'mdns') this.#mdns.push(discovery)
      discovery.addEventListener('peer', (event: CustomEvent<PeerInfo>) => {
        this.#sources.set(event.detail.id.toString(), source)
      })
      return discovery
    }
  }

  /**
   * Query the LAN again now that the host listens. mDNS queries once when
   * it starts, before the host has addresses to answer with, then only
   * every interval: nodes that start together would not see each other for
   * ten seconds. Restarting the module (its public lifecycle) re-queries.
   */
  async requeryLan (): Promise<void> {
    for (const discovery of this.#mdns) {
      const lifecycle = discovery as unknown as { stop(): Promise<void>, start(): Promise<void> }
      await lifecycle.stop()
      await lifecycle.start()
    }
  }
}

/** The discovery modules the config asks for. */
export function discoveryModules (config: Config, sources: DiscoverySources): DiscoveryFactory[] {
  const list: DiscoveryFactory[] = []
  if (config.Discovery.MDNS.Enabled) list.push(sources.tag('mdns', mdns({ interval: 10_000 })))
  if (config.Bootstrap.length > 0) list.push(sources.tag('bootstrap', bootstrap({ list: config.Bootstrap })))
  return list
}
