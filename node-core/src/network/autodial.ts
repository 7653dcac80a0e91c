/**
 * Dial peers as mDNS and the bootstrap list find them, as Kubo does:
 * libp2p v3 only records discovered peers, and coworkers on the LAN should
 * be connected without anyone asking. Dials stop at the connection
 * manager's high water mark; failures are only logged by libp2p.
 */
import type { DiscoverySources } from './discovery.ts'
import type { Host } from './host.ts'
import type { PeerInfo } from '@libp2p/interface'

/** Start dialling discovered LAN and bootstrap peers; returns a function that stops. */
export function autodialDiscovered (host: Host, sources: DiscoverySources, highWater: number): () => void {
  const dialing = new Set<string>()
  const onDiscovery = (event: CustomEvent<PeerInfo>): void => {
    const peer = event.detail.id
    const key = peer.toString()
    if (sources.sourceOf(key) === 'dht' || dialing.has(key) || peer.equals(host.peerId)) return
    if (host.getConnections(peer).length > 0 || host.getConnections().length >= highWater) return
    dialing.add(key)
    host.dial(peer, { signal: AbortSignal.timeout(10_000) }).catch(() => {}).finally(() => { dialing.delete(key) })
  }
  host.addEventListener('peer:discovery', onDiscovery)
  return () => { host.removeEventListener('peer:discovery', onDiscovery) }
}
