/**
 * `planetary bootstrap list|add|rm`: the peers a node dials on start.
 */
import { parseMultiaddr } from '../../network/parse.ts'
import { DEFAULT_BOOTSTRAP } from '../../repo/config/defaults.ts'
import { configAccess } from '../config-access.ts'
import { UsageError } from '../errors.ts'
import { boolFlag } from '../flags.ts'
import type { Command, CommandContext } from '../command.ts'

async function peers (ctx: CommandContext): Promise<{ list: string[], save: (next: string[]) => Promise<void> }> {
  const access = await configAccess(ctx)
  return { list: await access.get('Bootstrap') as string[], save: async (next) => { await access.set('Bootstrap', next) } }
}

const print = (ctx: CommandContext, list: string[]): void => {
  ctx.stdout.write(ctx.enc === 'json' ? JSON.stringify({ Peers: list }) + '\n' : list.map((p) => p + '\n').join(''))
}

/** `bootstrap list` */
export const bootstrapList: Command = {
  name: 'bootstrap list',
  summary: 'Show the bootstrap peers',
  args: '',
  minArgs: 0,
  maxArgs: 0,
  flags: {},
  async run (ctx) {
    print(ctx, (await peers(ctx)).list)
  }
}

/** `bootstrap add [--default] <multiaddr>...` */
export const bootstrapAdd: Command = {
  name: 'bootstrap add',
  summary: 'Add bootstrap peers',
  args: '[<multiaddr>...]',
  minArgs: 0,
  maxArgs: Infinity,
  flags: { default: { type: 'boolean', description: 'Add the IPFS default bootstrap peers' } },
  async run (ctx, flags, args) {
    const added = boolFlag(flags, 'default') === true ? DEFAULT_BOOTSTRAP : args.map((a) => parseMultiaddr(a).toString())
    if (added.length === 0) throw new UsageError('give a multiaddr to add, or --default')
    const { list, save } = await peers(ctx)
    await save([...new Set([...list, ...added])])
    print(ctx, added.filter((a) => !list.includes(a)))
  }
}

/** `bootstrap rm [--all] <multiaddr>...` */
export const bootstrapRm: Command = {
  name: 'bootstrap rm',
  summary: 'Remove bootstrap peers',
  args: '[<multiaddr>...]',
  minArgs: 0,
  maxArgs: Infinity,
  flags: { all: { type: 'boolean', description: 'Remove every bootstrap peer' } },
  async run (ctx, flags, args) {
    const { list, save } = await peers(ctx)
    const removed = boolFlag(flags, 'all') === true ? list : args.map((a) => parseMultiaddr(a).toString())
    if (removed.length === 0) throw new UsageError('give a multiaddr to remove, or --all')
    await save(list.filter((p) => !removed.includes(p)))
    print(ctx, removed.filter((r) => list.includes(r)))
  }
}
