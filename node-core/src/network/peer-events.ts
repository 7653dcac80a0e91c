/**
 * The network's events for the UI and the CLI, named `noun:verb`: a peer
 * connected (with transport, direction, latency and agent), disconnected,
 * was discovered (and how), or was identified; and bandwidth by protocol and
 * peer, sampled every second.
 */
import type { TypedEvents } from '../typed-events.ts'
import type { BandwidthSample } from './bandwidth.ts'
import type { DiscoverySource, DiscoverySources } from './discovery.ts'
import type { Host } from './host.ts'
import type { Connection, IdentifyResult, PeerInfo } from '@libp2p/interface'

/** A connection to a peer opened. */
export interface PeerConnected {
  peer: string
  address: string
  transport: string
  direction: 'inbound' | 'outbound'
  encryption: string
  muxer: string
}

/** The network's events. */
export interface NetworkEvents extends Record<string, unknown> {
  'peer:connected': PeerConnected
  'peer:disconnected': { peer: string }
  'peer:discovered': { peer: string, source: DiscoverySource, addresses: string[] }
  'peer:identified': { peer: string, agent: string, protocols: string[], latencyMs: number | undefined }
  'bandwidth:sample': BandwidthSample
}

/** The transport of a multiaddr, named as users know it. */
export function transportOf (address: string): string {
  if (address.includes('/p2p-circuit')) return 'relay'
  if (address.includes('/webrtc-direct')) return 'webrtc-direct'
  if (address.includes('/webrtc')) return 'webrtc'
  if (address.includes('/quic-v1')) return 'quic'
  if (/\/wss?(\/|$)/.test(address) || address.includes('/tls/ws')) return 'websockets'
  if (address.includes('/tcp/')) return 'tcp'
  return 'unknown'
}

/** Translate the host's events into NetworkEvents; returns a function that stops. */
export function forwardPeerEvents (host: Host, sources: DiscoverySources, events: TypedEvents<NetworkEvents>): () => void {
  const onOpen = (event: CustomEvent<Connection>): void => {
    const c = event.detail
    const address = c.remoteAddr.toString()
    events.emit('peer:connected', {
      peer: c.remotePeer.toString(),
      address,
      transport: transportOf(address),
      direction: c.direction,
      encryption: c.encryption ?? 'native',
      muxer: c.multiplexer ?? 'native'
    })
  }
  const onDisconnect = (event: CustomEvent<{ toString(): string }>): void => {
    events.emit('peer:disconnected', { peer: event.detail.toString() })
  }
  const onDiscovery = (event: CustomEvent<PeerInfo>): void => {
    const peer = event.detail.id.toString()
    events.emit('peer:discovered', { peer, source: sources.sourceOf(peer), addresses: event.detail.multiaddrs.map(String) })
  }
  const onIdentify = (event: CustomEvent<IdentifyResult>): void => {
    const r = event.detail
    events.emit('peer:identified', { peer: r.peerId.toString(), agent: r.agentVersion ?? '', protocols: r.protocols, latencyMs: r.connection.rtt })
  }
  host.addEventListener('connection:open', onOpen)
  host.addEventListener('peer:disconnect', onDisconnect)
  host.addEventListener('peer:discovery', onDiscovery)
  host.addEventListener('peer:identify', onIdentify)
  return () => {
    host.removeEventListener('connection:open', onOpen)
    host.removeEventListener('peer:disconnect', onDisconnect)
    host.removeEventListener('peer:discovery', onDiscovery)
    host.removeEventListener('peer:identify', onIdentify)
  }
}
