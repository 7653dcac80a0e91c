/**
 * `planetary config`: read and change the repo config, Kubo style.
 */
import { applyProfiles, PROFILE_NAMES } from '../../repo/config/profiles.ts'
import { getConfigValue, publicConfig, setConfigValue } from '../../repo/config/store.ts'
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
    const repo = await ctx.repo()
    if (text === undefined) {
      const value = getConfigValue(repo.config, key)
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
    await repo.saveConfig(setConfigValue(repo.config, key, value))
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
    const repo = await ctx.repo()
    ctx.stdout.write(JSON.stringify(publicConfig(repo.config), null, 2) + '\n')
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
