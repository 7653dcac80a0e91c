/**
 * `planetary repo verify|stat`: check and measure the blockstore (`stat`
 * asks the daemon when one runs, since it holds the repo).
 */
import { verifyBlock } from '../../block/block.ts'
import { RepoCorruptError } from '../../repo/errors.ts'
import { repoStat as statRepo } from '../../repo/stat.ts'
import { boolFlag } from '../flags.ts'
import { daemonFor } from '../online.ts'
import { humanBytes } from '../progress.ts'
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
    const repo = await ctx.repo()
    let checked = 0
    const corrupt: string[] = []
    for await (const cid of repo.blockstore.list()) {
      checked++
      try {
        verifyBlock(cid, await repo.blockstore.get(cid))
      } catch (err) {
        corrupt.push(cid.toString())
        ctx.stdout.write(`block ${cid.toString()} was corrupt (${(err as Error).message})\n`)
      }
    }
    if (corrupt.length > 0) throw new RepoCorruptError(`verify complete, ${corrupt.length} of ${checked} blocks were corrupt`)
    ctx.stdout.write(ctx.enc === 'json' ? JSON.stringify({ Msg: 'verified repo integrity', Progress: checked }) + '\n' : `verified repo integrity (${checked} blocks)\n`)
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
