/**
 * The contract implemented over a running node: one function per method,
 * and the node's events as the contract names them.
 */
import { configMethods } from './impl/config.ts'
import { dagMethods } from './impl/dag.ts'
import { filesMethods } from './impl/files.ts'
import { nameMethods } from './impl/name.ts'
import { nodeMethods } from './impl/node.ts'
import { peerMethods } from './impl/peers.ts'
import { pinMethods } from './impl/pins.ts'
import { repoMethods } from './impl/repo.ts'
import { shareMethods } from './impl/share.ts'
import { shareLinkMethods } from './impl/share-links.ts'
import { EVENT_NAMES } from './contract.ts'
import type { EventName, EventPayload, Output } from './contract.ts'
import type { Implementation } from './dispatch.ts'
import type { LanLinkServer } from '../gateway/lan-link.ts'
import type { PlanetaryNode } from '../node.ts'

/** A node as the doors see it: the methods, and a way to listen to its events. */
export interface NodeApi {
  readonly methods: Implementation
  /** Listen to an event; returns a function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/** What the face serving the API knows of itself and `node.info` reports (read at each call): the servers it runs beside the node. */
export interface NodeApiOptions {
  /** The local HTTP gateway's origin as bound (`http://127.0.0.1:8080`). */
  gatewayUrl?: string
  /** The RPC API's multiaddr as bound (`/ip4/127.0.0.1/tcp/5001`). */
  apiAddress?: string
  /** The addresses (swarm, API, gateway) moved off taken ports when the face started the node. */
  portsMoved?: readonly PortMove[]
  /** The LAN link server this face runs (`share.linkServer` starts and stops it). */
  lanLink?: LanLinkServer
}

/** An address moved off its configured port, as `node.info` reports it. */
export type PortMove = Output<'node.info'>['portsMoved'][number]

/** The NodeApi of `node`, served by a face that runs what `options` names. */
export function createNodeApi (node: PlanetaryNode, options: NodeApiOptions = {}): NodeApi {
  return {
    methods: {
      ...nodeMethods(node, options),
      ...filesMethods(node),
      ...pinMethods(node),
      ...peerMethods(node),
      ...nameMethods(node),
      ...dagMethods(node),
      ...repoMethods(node),
      ...configMethods(node),
      ...shareMethods(node),
      ...shareLinkMethods(node, options)
    },
    on: (event, listener) => {
      if (!EVENT_NAMES.includes(event)) throw new TypeError(`no event named ${event}`)
      return node.events.on(event, listener as (payload: unknown) => void)
    }
  }
}
