/**
 * The `name` namespace: IPNS publishing and resolution, and the keys
 * names are published under.
 */
import { durationMs } from '../../repo/config/duration.ts'
import type { PlanetaryNode } from '../../node.ts'
import type { Implementation } from '../dispatch.ts'

type NameMethods = Pick<Implementation, 'name.publish' | 'name.resolve' | 'name.keys' | 'name.keyGen'>

/** The `name` methods over `node`. */
export function nameMethods (node: PlanetaryNode): NameMethods {
  return {
    'name.publish': async (input, { signal, progress }) => {
      const value = input.path.startsWith('/') ? input.path : `/ipfs/${input.path}`
      progress({ phase: 'publishing' })
      const published = await node.ipns.publish(value, {
        key: input.key,
        allowOffline: input.allowOffline,
        signal,
        ...(input.lifetime === undefined ? {} : { lifetimeMs: durationMs(input.lifetime) })
      })
      return { name: published.name, value: published.value }
    },
    'name.resolve': async (input, { signal }) => {
      const name = input.name.startsWith('/') ? input.name : `/ipns/${input.name}`
      return { path: await node.ipns.resolve(name, { recursive: input.recursive, signal }) }
    },
    'name.keys': async () => ({ keys: await node.keys.list() }),
    'name.keyGen': async (input) => await node.keys.gen(input.name)
  }
}
