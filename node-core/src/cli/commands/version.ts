/**
 * `planetary version`.
 */
import { createRequire } from 'node:module'
import { CONFIG_VERSION } from '../../repo/config/schema.ts'
import type { Command } from '../command.ts'

const pkg = createRequire(import.meta.url)('../../../../package.json') as { version: string }

/** `version` */
export const version: Command = {
  name: 'version',
  summary: 'Show the Planetary version',
  args: '',
  minArgs: 0,
  maxArgs: 0,
  flags: {},
  async run (ctx) {
    if (ctx.enc === 'json') {
      ctx.stdout.write(JSON.stringify({ Version: pkg.version, Repo: String(CONFIG_VERSION), System: `${process.arch}/${process.platform}`, Node: process.version }) + '\n')
      return
    }
    ctx.stdout.write(`planetary version ${pkg.version}\n`)
  }
}
