/**
 * Content routing for the exchange: find the providers of a CID on the LAN
 * DHT first (coworkers answer in milliseconds), then on the WAN DHT, and
 * connect to each new one, yielding the peers that are connected.
 */
import type { AbortOptions } from '../abort.ts'
import type { Host } from '../network/host.ts'
import type { PeerId, PeerInfo } from '@libp2p/interface'
import type { CID } from 'multiformats/cid'

interface ProviderQueries {
  findProviders(cid: CID, options?: AbortOptions): AsyncIterable<{ name: string, providers?: PeerInfo[] }>
}

/** The DHT services to ask, LAN first. */
function dhts (host: Host): ProviderQueries[] {
  const services = host.services as Record<string, ProviderQueries | undefined>
  return [services.lanDHT, services.dht].filter((d): d is ProviderQueries => d !== undefined)
}

/** Providers of `cid`, each connected before it is yielded; each peer once. */
export async function * findConnectedProviders (host: Host, cid: CID, options: AbortOptions = {}): AsyncIterable<PeerId> {
  const seen = new Set<string>([host.peerId.toString()])
  for (const dht of dhts(host)) {
    try {
      for await (const event of dht.findProviders(cid, options)) {
        if (event.name !== 'PROVIDER') continue
        for (const provider of event.providers ?? []) {
          const key = provider.id.toString()
          if (seen.has(key)) continue
          seen.add(key)
          try {
            if (provider.multiaddrs.length > 0) await host.peerStore.merge(provider.id, { multiaddrs: provider.multiaddrs })
            await host.dial(provider.id, options)
            yield provider.id
          } catch {
            // unreachable provider: try the next
          }
        }
      }
    } catch (err) {
      if (options.signal?.aborted === true) throw err
    }
  }
}

/** Announce `cid` on every DHT this node runs. */
export async function provide (host: Host, cid: CID, options: AbortOptions = {}): Promise<void> {
  await host.contentRouting.provide(cid, options)
}
