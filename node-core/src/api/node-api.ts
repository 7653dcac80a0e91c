/**
 * The contract implemented over a running node: one function per method,
 * and the node's events as the contract names them.
 */
import { configMethods } from './impl/config.ts'
import { filesMethods } from './impl/files.ts'
import { nameMethods } from './impl/name.ts'
import { nodeMethods } from './impl/node.ts'
import { peerMethods } from './impl/peers.ts'
import { pinMethods } from './impl/pins.ts'
import { repoMethods } from './impl/repo.ts'
import { EVENT_NAMES } from './contract.ts'
import type { EventName, EventPayload } from './contract.ts'
import type { Implementation } from './dispatch.ts'
import type { PlanetaryNode } from '../node.ts'

/** A node as the doors see it: the methods, and a way to listen to its events. */
export interface NodeApi {
  readonly methods: Implementation
  /** Listen to an event; returns a function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/** The NodeApi of `node`. */
export function createNodeApi (node: PlanetaryNode): NodeApi {
  return {
    methods: {
      ...nodeMethods(node),
      ...filesMethods(node),
      ...pinMethods(node),
      ...peerMethods(node),
      ...nameMethods(node),
      ...repoMethods(node),
      ...configMethods(node)
    },
    on: (event, listener) => {
      if (!EVENT_NAMES.includes(event)) throw new TypeError(`no event named ${event}`)
      return node.events.on(event, listener as (payload: unknown) => void)
    }
  }
}
