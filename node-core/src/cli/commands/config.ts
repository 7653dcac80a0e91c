/**
 * `planetary config`: read and change the repo config, Kubo style.
 */
import { applyProfiles, PROFILE_NAMES } from '../../repo/config/profiles.ts'
import { publicConfig } from '../../repo/config/store.ts'
import { configAccess } from '../config-access.ts'
import { findDaemon } from '../rpc-client.ts'
import { UsageError } from '../errors.ts'
import { boolFlag } from '../flags.ts'
import type { Command } from '../command.ts'

/** `config <key> [<value>] [--json] [--bool]` */
export const config: Command = {
  name: 'config',
  summary: 'Get or set a config value (Kubo keys, e.g. Addresses.API)',
  args: '<key> [<value>]',
  minArgs: 1,
  maxArgs: 2,
  flags: {
    json: { type: 'boolean', description: 'Parse the value as JSON' },
    bool: { type: 'boolean', description: 'Set a boolean value' }
  },
  async run (ctx, flags, [key = '', text]) {
    const access = await configAccess(ctx)
    if (text === undefined) {
      const value = await access.get(key)
      ctx.stdout.write((typeof value === 'string' ? value : JSON.stringify(value, null, 2)) + '\n')
      return
    }
    let value: unknown = text
    if (boolFlag(flags, 'json') === true) {
      try {
        value = JSON.parse(text)
      } catch {
        throw new UsageError(`--json value is not valid JSON: ${text}`)
      }
    } else if (boolFlag(flags, 'bool') === true) {
      if (text !== 'true' && text !== 'false') throw new UsageError(`--bool value must be true or false, got "${text}"`)
      value = text === 'true'
    }
    await access.set(key, value)
  }
}

/** `config show` */
export const configShow: Command = {
  name: 'config show',
  summary: 'Print the whole config (without the private key)',
  args: '',
  minArgs: 0,
  maxArgs: 0,
  flags: {},
  async run (ctx) {
    const client = await findDaemon(ctx.repoPath)
    const shown = client === undefined ? publicConfig((await ctx.repo()).config) : await client.call('config/show')
    ctx.stdout.write(JSON.stringify(shown, null, 2) + '\n')
  }
}

/** `config profile apply <name>` */
export const configProfileApply: Command = {
  name: 'config profile apply',
  summary: `Apply a profile to the config (${PROFILE_NAMES.join(', ')})`,
  args: '<name>',
  minArgs: 1,
  maxArgs: 1,
  flags: {},
  async run (ctx, _flags, [name = '']) {
    const repo = await ctx.repo()
    await repo.saveConfig(applyProfiles(repo.config, name))
    ctx.stdout.write(`applied profile ${name}\n`)
  }
}
