/**
 * The `node` namespace: who this node is, where its swarm listens, where
 * its gateway and RPC API listen when the face serving the API runs them,
 * and which of those moved off a taken port.
 */
import { AGENT_VERSION } from '../../network/host.ts'
import type { PlanetaryNode } from '../../node.ts'
import type { Implementation } from '../dispatch.ts'
import type { NodeApiOptions } from '../node-api.ts'

type NodeMethods = Pick<Implementation, 'node.info'>

/** The `node` methods over `node`, reporting the servers `doors` names beside it. */
export function nodeMethods (node: PlanetaryNode, doors: NodeApiOptions = {}): NodeMethods {
  return {
    'node.info': async () => ({
      peerId: node.host.peerId.toString(),
      agentVersion: AGENT_VERSION,
      addresses: node.host.getMultiaddrs().map(String),
      repoPath: node.repo.path,
      online: node.host.status === 'started',
      ...(doors.gatewayUrl === undefined ? {} : { gatewayUrl: doors.gatewayUrl }),
      ...(doors.apiAddress === undefined ? {} : { apiAddress: doors.apiAddress }),
      listenAddresses: node.listening().map((binding) => binding.actual),
      portsMoved: [...doors.portsMoved ?? []]
    })
  }
}
