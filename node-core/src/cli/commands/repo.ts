/**
 * `planetary repo verify|stat`: check and measure the blockstore (through
 * the daemon when one runs, since it holds the repo).
 */
import { verifyAll } from '../../daemon/rpc/handlers/repo.ts'
import { repoStat as statRepo } from '../../repo/stat.ts'
import { boolFlag } from '../flags.ts'
import { daemonFor } from '../online.ts'
import { humanBytes } from '../progress.ts'
import type { VerifyLine } from '../../daemon/rpc/handlers/repo.ts'
import type { RepoStat } from '../../repo/stat.ts'
import type { Command } from '../command.ts'

/** `repo verify` */
export const repoVerify: Command = {
  name: 'repo verify',
  summary: 'Check that every stored block matches its hash',
  args: '',
  minArgs: 0,
  maxArgs: 0,
  flags: {},
  async run (ctx) {
    const daemon = await daemonFor(ctx)
    const lines = daemon !== undefined ? daemon.stream('repo/verify') as AsyncIterable<VerifyLine> : verifyAll((await ctx.repo()).blockstore)
    let checked = 0
    for await (const line of lines) {
      checked = Math.max(checked, line.Progress)
      if (ctx.enc === 'json') ctx.stdout.write(JSON.stringify(line) + '\n')
      else if (line.Msg.startsWith('block ')) ctx.stdout.write(line.Msg + '\n')
    }
    if (ctx.enc !== 'json') ctx.stdout.write(`verified repo integrity (${checked} blocks)\n`)
  }
}

/** `repo stat [-s] [-H]` */
export const repoStat: Command = {
  name: 'repo stat',
  summary: 'Show the repo\'s size, number of blocks, path and storage limit',
  args: '',
  minArgs: 0,
  maxArgs: 0,
  flags: {
    'size-only': { type: 'boolean', short: 's', description: 'Only report RepoSize and StorageMax' },
    human: { type: 'boolean', short: 'H', description: 'Print sizes in human units' }
  },
  async run (ctx, flags) {
    const daemon = await daemonFor(ctx)
    const stat = daemon !== undefined ? await daemon.call('repo/stat') as RepoStat : await statRepo(await ctx.repo())
    const sizeOnly = boolFlag(flags, 'size-only') === true
    if (ctx.enc === 'json') {
      ctx.stdout.write(JSON.stringify(sizeOnly ? { RepoSize: stat.RepoSize, StorageMax: stat.StorageMax } : stat) + '\n')
      return
    }
    const bytes = (n: number): string => boolFlag(flags, 'human') === true ? humanBytes(n) : String(n)
    const lines = [`RepoSize:   ${bytes(stat.RepoSize)}`, `StorageMax: ${bytes(stat.StorageMax)}`]
    if (!sizeOnly) lines.unshift(`NumObjects: ${stat.NumObjects}`)
    if (!sizeOnly) lines.push(`RepoPath:   ${stat.RepoPath}`, `Version:    ${stat.Version}`)
    ctx.stdout.write(lines.join('\n') + '\n')
  }
}
