/**
 * `/api/v0/swarm/*`: connections to peers.
 */
import { parseMultiaddr, parsePeerId } from '../../../network/parse.ts'
import { transportOf } from '../../../network/peer-events.ts'
import { BadRequestError } from '../../errors.ts'
import { flag } from '../handler.ts'
import type { RpcHandler } from '../handler.ts'

/** `swarm/peers [verbose]` */
export const swarmPeers: RpcHandler = async (request) => {
  const verbose = flag(request, 'verbose')
  return {
    Peers: request.node.host.getConnections().map((c) => ({
      Addr: c.remoteAddr.decapsulateCode(421).toString(),
      Peer: c.remotePeer.toString(),
      ...(verbose
        ? {
            Transport: transportOf(c.remoteAddr.toString()),
            Direction: c.direction,
            Muxer: c.multiplexer ?? 'native',
            Encryption: c.encryption ?? 'native',
            Latency: c.rtt === undefined ? '' : `${c.rtt}ms`,
            Streams: c.streams.map((s) => ({ Protocol: s.protocol ?? '' }))
          }
        : {})
    }))
  }
}

/** `swarm connect <multiaddr>...` */
export const swarmConnect: RpcHandler = async (request) => {
  if (request.args.length === 0) throw new BadRequestError('argument "address" is required')
  const strings: string[] = []
  for (const text of request.args) {
    const address = parseMultiaddr(text)
    if (address.getComponents().find((c) => c.name === 'p2p') === undefined) throw new BadRequestError(`${text}: address must end in /p2p/<peer ID>`)
    const connection = await request.node.host.dial(address, { signal: request.signal })
    strings.push(`connect ${connection.remotePeer.toString()} success`)
  }
  return { Strings: strings }
}

/** `swarm disconnect <multiaddr|peer>...` */
export const swarmDisconnect: RpcHandler = async (request) => {
  if (request.args.length === 0) throw new BadRequestError('argument "address" is required')
  const strings: string[] = []
  for (const text of request.args) {
    const peer = text.startsWith('/') ? parseMultiaddr(text).getComponents().find((c) => c.name === 'p2p')?.value : text
    if (peer === undefined) throw new BadRequestError(`${text}: address must end in /p2p/<peer ID>`)
    const id = parsePeerId(peer)
    if (request.node.host.getConnections(id).length === 0) throw new BadRequestError(`disconnect ${peer}: not connected`)
    await request.node.host.hangUp(id, { signal: request.signal })
    strings.push(`disconnect ${peer} success`)
  }
  return { Strings: strings }
}

/** `swarm addrs`: known addresses of every peer in the peer store. */
export const swarmAddrs: RpcHandler = async (request) => {
  const addrs: Record<string, string[]> = {}
  for (const peer of await request.node.host.peerStore.all({ signal: request.signal })) {
    addrs[peer.id.toString()] = peer.addresses.map((a) => a.multiaddr.toString())
  }
  return { Addrs: addrs }
}

/** `swarm addrs local`: this node's own addresses. */
export const swarmAddrsLocal: RpcHandler = async (request) => {
  const id = flag(request, 'id')
  return { Strings: request.node.host.getMultiaddrs().map((a) => id ? a.toString() : a.decapsulateCode(421).toString()) }
}
