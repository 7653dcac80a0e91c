/**
 * The `config` namespace: reading and changing the repo config, and what
 * a fresh repo holds at a key. Private keys never cross; a change is validated, saved atomically, and applies
 * when the node next starts.
 */
import { defaultConfig } from '../../repo/config/defaults.ts'
import { getConfigValue, publicConfig, setConfigValue } from '../../repo/config/store.ts'
import type { PlanetaryNode } from '../../node.ts'
import type { Implementation } from '../dispatch.ts'

type ConfigMethods = Pick<Implementation, 'config.get' | 'config.default' | 'config.set'>

/** The `config` methods over `node`. */
export function configMethods (node: PlanetaryNode): ConfigMethods {
  return {
    'config.get': async (input) => ({ value: input.key === undefined ? publicConfig(node.repo.config) : getConfigValue(node.repo.config, input.key) }),
    // What a fresh repo holds at a key (the default bootstrap peers, say), for a page that offers to restore it.
    'config.default': async (input) => ({ value: getConfigValue(defaultConfig(node.repo.config.Identity), input.key) }),
    'config.set': async (input) => {
      const next = setConfigValue(node.repo.config, input.key, input.value)
      await node.repo.saveConfig(next)
      return { value: getConfigValue(next, input.key), restartNeeded: true }
    }
  }
}
