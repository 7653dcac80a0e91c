/**
 * `/api/v0/id` and `version`: who this node is and what it runs, as Kubo
 * shows them.
 */
import { createRequire } from 'node:module'
import { publicKeyToProtobuf } from '@libp2p/crypto/keys'
import { CONFIG_VERSION } from '../../../repo/config/schema.ts'
import { AGENT_VERSION } from '../../../network/host.ts'
import type { PlanetaryNode } from '../../../node.ts'
import type { RpcHandler } from '../handler.ts'

const pkg = createRequire(import.meta.url)('../../../../../package.json') as { version: string }

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

/** Kubo's `version` output; `Golang` names the runtime, here Node's version. */
export interface VersionOutput {
  Version: string
  Commit: string
  Repo: string
  System: string
  Golang: string
}

/** Go's names for Node's `process.arch` values that differ. */
const GOARCH: Record<string, string> = { x64: 'amd64', ia32: '386' }

/** This build's version, repo format and system, in Kubo's fields. */
export function versionInfo (): VersionOutput {
  return {
    Version: pkg.version,
    Commit: '',
    Repo: String(CONFIG_VERSION),
    System: `${GOARCH[process.arch] ?? process.arch}/${process.platform}`,
    Golang: `node${process.versions.node}`
  }
}

/** `version` */
export const version: RpcHandler = async () => versionInfo()
