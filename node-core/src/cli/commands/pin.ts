/**
 * `planetary pin add|rm|ls|verify|update` and `repo gc`: through the daemon
 * when one runs (which fetches what a pin needs), else on the repo.
 */
import { gcAll, pinAddAll, pinLsAll, pinRmAll, pinVerifyAll } from '../../daemon/rpc/handlers/pin.ts'
import { GcLock } from '../../gc/lock.ts'
import { PinSet } from '../../pin/pins.ts'
import { boolFlag, stringFlag } from '../flags.ts'
import { repoMfs } from './mfs.ts'
import { daemonFor, readOptions } from '../online.ts'
import { requireDaemon } from '../rpc-client.ts'
import { RepoCorruptError } from '../../repo/errors.ts'
import type { PinContext } from '../../gc/pin-durably.ts'
import type { CID } from 'multiformats/cid'
import type { Command, CommandContext } from '../command.ts'

async function offline (ctx: CommandContext): Promise<PinContext> {
  const repo = await ctx.repo()
  return { reader: repo.blockstore, store: repo.blockstore, pins: new PinSet(repo.records('pins')), lock: new GcLock() }
}

const recursiveFlag = { recursive: { type: 'boolean' as const, short: 'r', description: 'Pin the whole DAG (default true; --recursive=false for the block only)' } }

/** `pin add <path>...` */
export const pinAdd: Command = {
  name: 'pin add',
  summary: 'Pin content so that garbage collection keeps it (fetching it if needed)',
  args: '<cid | /ipfs/path>...',
  minArgs: 1,
  maxArgs: Infinity,
  flags: { ...recursiveFlag, name: { type: 'string', value: '<name>', description: 'A name for the pin' } },
  async run (ctx, flags, paths) {
    const recursive = boolFlag(flags, 'recursive') !== false
    const name = stringFlag(flags, 'name')
    const daemon = await daemonFor(ctx)
    const out = daemon !== undefined
      ? await daemon.call('pin/add', paths, { recursive, ...(name === undefined ? {} : { name }), ...readOptions(ctx) }) as { Pins: string[] }
      : await pinAddAll(await offline(ctx), paths, recursive, name)
    if (ctx.enc === 'json') ctx.stdout.write(JSON.stringify(out) + '\n')
    else ctx.stdout.write(out.Pins.map((cid) => `pinned ${cid} ${recursive ? 'recursively' : 'directly'}\n`).join(''))
  }
}

/** `pin rm <cid>...` */
export const pinRm: Command = {
  name: 'pin rm',
  summary: 'Remove pins (the content stays until garbage collection)',
  args: '<cid>...',
  minArgs: 1,
  maxArgs: Infinity,
  flags: recursiveFlag,
  async run (ctx, flags, cids) {
    const recursive = boolFlag(flags, 'recursive') !== false
    const daemon = await daemonFor(ctx)
    const out = daemon !== undefined ? await daemon.call('pin/rm', cids, { recursive }) as { Pins: string[] } : await pinRmAll(await offline(ctx), cids, recursive)
    if (ctx.enc === 'json') ctx.stdout.write(JSON.stringify(out) + '\n')
    else ctx.stdout.write(out.Pins.map((cid) => `unpinned ${cid}\n`).join(''))
  }
}

/** `pin ls [--type] [<cid>...]` */
export const pinLs: Command = {
  name: 'pin ls',
  summary: 'List pins: recursive, direct and indirect',
  args: '[<cid>...]',
  minArgs: 0,
  maxArgs: Infinity,
  flags: {
    type: { type: 'string', short: 't', value: '<type>', description: 'all (default), direct, recursive or indirect' },
    quiet: { type: 'boolean', short: 'q', description: 'Only the CIDs' }
  },
  async run (ctx, flags, cids) {
    const type = stringFlag(flags, 'type') ?? 'all'
    const daemon = await daemonFor(ctx)
    const out = daemon !== undefined ? await daemon.call('pin/ls', cids, { type }) as Awaited<ReturnType<typeof pinLsAll>> : await pinLsAll(await offline(ctx), type, cids)
    if (ctx.enc === 'json') {
      ctx.stdout.write(JSON.stringify(out) + '\n')
      return
    }
    for (const [cid, pin] of Object.entries(out.Keys)) ctx.stdout.write(boolFlag(flags, 'quiet') === true ? `${cid}\n` : `${cid} ${pin.Type}${pin.Name === undefined ? '' : ` ${pin.Name}`}\n`)
  }
}

/** `pin verify` */
export const pinVerify: Command = {
  name: 'pin verify',
  summary: 'Check that every pinned block is present and intact',
  args: '',
  minArgs: 0,
  maxArgs: 0,
  flags: { verbose: { type: 'boolean', description: 'Also list the pins that are fine' } },
  async run (ctx, flags) {
    const daemon = await daemonFor(ctx)
    const lines = daemon !== undefined ? daemon.stream('pin/verify') as AsyncIterable<{ Cid: string, Ok: boolean, BadNodes?: Array<{ Err: string }> }> : pinVerifyAll(await offline(ctx))
    let bad = 0
    for await (const line of lines) {
      if (!line.Ok) bad++
      if (ctx.enc === 'json') ctx.stdout.write(JSON.stringify(line) + '\n')
      else if (!line.Ok) ctx.stdout.write(`${line.Cid} broken: ${line.BadNodes?.[0]?.Err ?? ''}\n`)
      else if (boolFlag(flags, 'verbose') === true) ctx.stdout.write(`${line.Cid} ok\n`)
    }
    if (bad > 0) throw new RepoCorruptError(`${bad} pin${bad === 1 ? ' is' : 's are'} broken: missing or corrupt blocks`)
  }
}

/** `pin update <from> <to>` */
export const pinUpdate: Command = {
  name: 'pin update',
  summary: 'Move a recursive pin to new content (fetching only what is new)',
  args: '<from cid> <to path>',
  minArgs: 2,
  maxArgs: 2,
  flags: { unpin: { type: 'boolean', description: 'Remove the old pin (default true)' } },
  async run (ctx, flags, [from = '', to = '']) {
    const daemon = await requireDaemon(ctx.repoPath, 'pin update')
    const out = await daemon.call('pin/update', [from, to], { unpin: boolFlag(flags, 'unpin') !== false }) as { Pins: string[] }
    if (ctx.enc === 'json') ctx.stdout.write(JSON.stringify(out) + '\n')
    else ctx.stdout.write(`updated ${out.Pins[0] ?? ''} to ${out.Pins[1] ?? ''}\n`)
  }
}

/** The MFS root as GC's extra root, loaded before GC takes its lock (creating it takes the lock shared). */
async function mfsRoots (ctx: CommandContext): Promise<() => Promise<CID[]>> {
  const mfs = repoMfs(await ctx.repo())
  const root = await mfs.root()
  return async () => [root]
}

/** `repo gc` */
export const repoGc: Command = {
  name: 'repo gc',
  summary: 'Remove every block not pinned (nor in the Files tree)',
  args: '',
  minArgs: 0,
  maxArgs: 0,
  flags: { quiet: { type: 'boolean', short: 'q', description: 'Print nothing' } },
  async run (ctx, flags) {
    const daemon = await daemonFor(ctx)
    const lines = daemon !== undefined ? daemon.stream('repo/gc') as AsyncIterable<{ Key: { '/': string } }> : gcAll(await offline(ctx), await mfsRoots(ctx))
    for await (const line of lines) {
      if (boolFlag(flags, 'quiet') === true) continue
      ctx.stdout.write(ctx.enc === 'json' ? JSON.stringify(line) + '\n' : `removed ${line.Key['/']}\n`)
    }
  }
}
