/**
 * Reading and changing config values from the CLI: through the running
 * daemon when there is one (it holds the repo), else in the repo directly.
 */
import { getConfigValue, setConfigValue } from '../repo/config/store.ts'
import { findDaemon } from './rpc-client.ts'
import type { CommandContext } from './command.ts'

/** Get and set config values by dotted key. */
export interface ConfigAccess {
  get(key: string): Promise<unknown>
  set(key: string, value: unknown): Promise<void>
}

/** Config access for this command: the daemon's or the repo's. */
export async function configAccess (ctx: CommandContext): Promise<ConfigAccess> {
  const client = await findDaemon(ctx.repoPath)
  if (client !== undefined) {
    return {
      get: async (key) => ((await client.call('config', [key])) as { Value: unknown }).Value,
      set: async (key, value) => { await client.call('config', [key, JSON.stringify(value)], { json: true }) }
    }
  }
  const repo = await ctx.repo()
  return {
    get: async (key) => getConfigValue(repo.config, key),
    set: async (key, value) => { await repo.saveConfig(setConfigValue(repo.config, key, value)) }
  }
}
