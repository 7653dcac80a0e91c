/**
 * `planetary init`: create a repo with a new identity.
 */
import { initRepo } from '../../repo/repo.ts'
import { PROFILE_NAMES } from '../../repo/config/profiles.ts'
import { stringFlag } from '../flags.ts'
import type { Command } from '../command.ts'

/** `init [--profile a,b]` */
export const init: Command = {
  name: 'init',
  summary: 'Create a repo: config, identity, blockstore and datastore',
  args: '',
  minArgs: 0,
  maxArgs: 0,
  flags: {
    profile: { type: 'string', short: 'p', value: '<names>', description: `Comma-separated profiles to apply (${PROFILE_NAMES.join(', ')})` }
  },
  async run (ctx, flags) {
    const config = await initRepo(ctx.repoPath, stringFlag(flags, 'profile') ?? '')
    if (ctx.enc === 'json') {
      ctx.stdout.write(JSON.stringify({ ID: config.Identity.PeerID, Path: ctx.repoPath }) + '\n')
      return
    }
    ctx.stdout.write(`generating ED25519 keypair...done\npeer identity: ${config.Identity.PeerID}\ninitialized Planetary repo at ${ctx.repoPath}\n`)
  }
}
