/**
 * The `node` namespace: who this node is.
 */
import { AGENT_VERSION } from '../../network/host.ts'
import type { PlanetaryNode } from '../../node.ts'
import type { Implementation } from '../dispatch.ts'

type NodeMethods = Pick<Implementation, 'node.info'>

/** The `node` methods over `node`. */
export function nodeMethods (node: PlanetaryNode): NodeMethods {
  return {
    'node.info': async () => ({
      peerId: node.host.peerId.toString(),
      agentVersion: AGENT_VERSION,
      addresses: node.host.getMultiaddrs().map(String),
      repoPath: node.repo.path,
      online: node.host.status === 'started'
    })
  }
}
