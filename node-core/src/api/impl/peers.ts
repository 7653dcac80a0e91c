/**
 * The `peers` namespace: who is connected (where: on the LAN, through a
 * relay, in which country by the offline database), connecting and
 * hanging up.
 */
import { ipOf, isLanIp, isRelayed } from '../../network/address-scope.ts'
import { countries } from '../../network/geo.ts'
import { parseMultiaddr, parsePeerId } from '../../network/parse.ts'
import { transportOf } from '../../network/peer-events.ts'
import { InvalidInputError } from '../errors.ts'
import type { PlanetaryNode } from '../../node.ts'
import type { Implementation } from '../dispatch.ts'

type PeerMethods = Pick<Implementation, 'peers.list' | 'peers.connect' | 'peers.disconnect'>

/** The `peers` methods over `node`. */
export function peerMethods (node: PlanetaryNode): PeerMethods {
  const host = node.host
  return {
    'peers.list': async () => {
      const peers = []
      for (const c of host.getConnections()) {
        const address = c.remoteAddr.toString()
        const agent = await host.peerStore.get(c.remotePeer).then((p) => p.metadata.get('AgentVersion'), () => undefined)
        const ip = ipOf(address)
        const relayed = isRelayed(address)
        // A relayed connection's address is the relay's: neither its country nor its being on the LAN is the peer's.
        const direct = ip !== undefined && !relayed ? ip : undefined
        const country = direct === undefined ? undefined : await countries.country(direct)
        peers.push({
          peer: c.remotePeer.toString(),
          address,
          transport: transportOf(address),
          direction: c.direction,
          ...(c.rtt === undefined ? {} : { latencyMs: c.rtt }),
          ...(agent === undefined ? {} : { agent: new TextDecoder().decode(agent) }),
          ...(country === undefined ? {} : { country }),
          lan: direct !== undefined && isLanIp(direct),
          relayed
        })
      }
      return { peers }
    },
    'peers.connect': async (input, { signal }) => {
      const address = parseMultiaddr(input.address)
      if (address.getComponents().find((c) => c.name === 'p2p') === undefined) throw new InvalidInputError(`peers.connect: address: must end in /p2p/<peer ID>, got ${input.address}`)
      const connection = await host.dial(address, { signal })
      return { peer: connection.remotePeer.toString() }
    },
    'peers.disconnect': async (input, { signal }) => {
      await host.hangUp(parsePeerId(input.peer), { signal })
      return {}
    }
  }
}
