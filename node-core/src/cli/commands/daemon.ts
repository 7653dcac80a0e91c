/**
 * `planetary daemon`: run the node until SIGINT or SIGTERM.
 */
import { PROFILE_NAMES } from '../../repo/config/profiles.ts'
import { initRepo, repoExists } from '../../repo/repo.ts'
import { boolFlag, stringFlag } from '../flags.ts'
import type { Command } from '../command.ts'

/** How long a stop may take before the process exits regardless. */
export const STOP_DEADLINE_MS = 5_000

/** `daemon [--init [--init-profile a,b]]` */
export const daemon: Command = {
  name: 'daemon',
  summary: 'Run the node: swarm, DHTs and the RPC API, until interrupted',
  args: '',
  minArgs: 0,
  maxArgs: 0,
  flags: {
    init: { type: 'boolean', description: 'Create the repo first if there is none (as `init` does)' },
    'init-profile': { type: 'string', value: '<names>', description: `Profiles for --init (${PROFILE_NAMES.join(', ')})` }
  },
  async run (ctx, flags) {
    if (boolFlag(flags, 'init') === true && !await repoExists(ctx.repoPath)) {
      const config = await initRepo(ctx.repoPath, stringFlag(flags, 'init-profile') ?? '')
      ctx.stdout.write(`initialized Planetary repo at ${ctx.repoPath} (peer identity ${config.Identity.PeerID})\n`)
    }
    const repo = await ctx.repo()
    // libp2p and its native transports load only here: other verbs start light.
    const { startDaemon } = await import('../../daemon/daemon.ts')
    const running = await startDaemon(repo)
    for (const address of running.node.host.getMultiaddrs()) ctx.stdout.write(`Swarm listening on ${address.toString()}\n`)
    ctx.stdout.write(`RPC API server listening on ${running.apiAddress}\n`)
    ctx.stdout.write(`Gateway server listening on ${running.gatewayAddress}\n`)
    ctx.stdout.write(`WebUI: ${running.webuiUrl}\n`)
    ctx.stdout.write('Daemon is ready\n')
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    ctx.stderr.write(`Received ${signal}, shutting down...\n`)
    const deadline = setTimeout(() => {
      ctx.stderr.write(`Shutdown took over ${STOP_DEADLINE_MS} ms; exiting\n`)
      process.exit(1)
    }, STOP_DEADLINE_MS)
    deadline.unref()
    await running.stop()
  }
}
