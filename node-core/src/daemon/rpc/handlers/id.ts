/**
 * `/api/v0/id`: who this node is, as Kubo shows it.
 */
import { publicKeyToProtobuf } from '@libp2p/crypto/keys'
import { AGENT_VERSION } from '../../../network/host.ts'
import type { PlanetaryNode } from '../../../node.ts'
import type { RpcHandler } from '../handler.ts'

/** Kubo's `id` output. */
export interface IdOutput {
  ID: string
  PublicKey: string
  Addresses: string[]
  AgentVersion: string
  Protocols: string[]
}

/** The node's identity, listen addresses and protocols. */
export function identity (node: PlanetaryNode): IdOutput {
  const key = node.host.peerId.publicKey
  return {
    ID: node.host.peerId.toString(),
    PublicKey: key === undefined ? '' : Buffer.from(publicKeyToProtobuf(key)).toString('base64'),
    Addresses: node.host.getMultiaddrs().map(String),
    AgentVersion: AGENT_VERSION,
    Protocols: node.host.getProtocols().sort()
  }
}

/** `id` */
export const id: RpcHandler = async ({ node }) => identity(node)
