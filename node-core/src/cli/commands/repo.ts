/**
 * `planetary repo verify|stat`: check and measure the blockstore.
 */
import { verifyBlock } from '../../block/block.ts'
import { parseSize } from '../../repo/config/size.ts'
import { RepoCorruptError } from '../../repo/errors.ts'
import { boolFlag } from '../flags.ts'
import { humanBytes } from '../progress.ts'
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
    const repo = await ctx.repo()
    let objects = 0
    let size = 0
    for await (const cid of repo.blockstore.list()) {
      objects++
      size += await repo.blockstore.size(cid)
    }
    const max = parseSize(repo.config.Datastore.StorageMax)
    const sizeOnly = boolFlag(flags, 'size-only') === true
    const stat = sizeOnly
      ? { RepoSize: size, StorageMax: max }
      : { RepoSize: size, StorageMax: max, NumObjects: objects, RepoPath: repo.path, Version: `fs-repo@${repo.config.Version}` }
    if (ctx.enc === 'json') {
      ctx.stdout.write(JSON.stringify(stat) + '\n')
      return
    }
    const bytes = (n: number): string => boolFlag(flags, 'human') === true ? humanBytes(n) : String(n)
    const lines = [`RepoSize:   ${bytes(size)}`, `StorageMax: ${bytes(max)}`]
    if (!sizeOnly) lines.unshift(`NumObjects: ${objects}`)
    if (!sizeOnly) lines.push(`RepoPath:   ${repo.path}`, `Version:    fs-repo@${repo.config.Version}`)
    ctx.stdout.write(lines.join('\n') + '\n')
  }
}
