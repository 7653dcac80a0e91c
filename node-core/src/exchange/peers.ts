/**
 * The connected peers that speak Bitswap, as identify recorded their
 * protocols in the peer store: who a want-have broadcast goes to.
 */
import { BITSWAP_PROTOCOLS } from './message/message.ts'
import type { Connection, PeerId } from '@libp2p/interface'

/** What the lookup needs from a libp2p host. */
export interface PeerSource {
  getConnections(): Connection[]
  peerStore: { get(peer: PeerId): Promise<{ protocols: string[] }> }
}

/** Each connected peer once, if identify showed it a Bitswap protocol. */
export async function connectedBitswapPeers (host: PeerSource): Promise<PeerId[]> {
  const peers = new Map(host.getConnections().map((c) => [c.remotePeer.toString(), c.remotePeer]))
  const speakers = await Promise.all([...peers.values()].map(async (peer) => {
    const info = await host.peerStore.get(peer).catch(() => undefined)
    return info?.protocols.some((p) => BITSWAP_PROTOCOLS.includes(p)) === true ? [peer] : []
  }))
  return speakers.flat()
}
