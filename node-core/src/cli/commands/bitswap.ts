/**
 * `planetary bitswap stat|wantlist|ledger`: the exchange, as Kubo shows it.
 */
import { stringFlag } from '../flags.ts'
import { humanBytes } from '../progress.ts'
import { requireDaemon } from '../rpc-client.ts'
import type { Command, CommandContext } from '../command.ts'

interface Stat { Wantlist: Array<{ '/': string }>, Peers: string[], BlocksReceived: number, DataReceived: number, BlocksSent: number, DataSent: number, DupBlksReceived: number }
interface Ledger { Peer: string, Value: number, Sent: number, Recv: number, Exchanged: number }

const json = (ctx: CommandContext, value: unknown): void => { ctx.stdout.write(JSON.stringify(value) + '\n') }

/** `bitswap stat` */
export const bitswapStat: Command = {
  name: 'bitswap stat',
  summary: 'Show Bitswap figures: blocks and bytes exchanged, wants, partners',
  args: '',
  minArgs: 0,
  maxArgs: 0,
  flags: {},
  async run (ctx) {
    const s = await (await requireDaemon(ctx.repoPath, 'bitswap stat')).call('bitswap/stat') as Stat
    if (ctx.enc === 'json') return json(ctx, s)
    ctx.stdout.write([
      'bitswap status',
      `\tblocks received: ${s.BlocksReceived}`,
      `\tblocks sent: ${s.BlocksSent}`,
      `\tdata received: ${humanBytes(s.DataReceived)}`,
      `\tdata sent: ${humanBytes(s.DataSent)}`,
      `\tunwanted blocks received: ${s.DupBlksReceived}`,
      `\twantlist [${s.Wantlist.length} keys]`,
      ...s.Wantlist.map((k) => `\t\t${k['/']}`),
      `\tpartners [${s.Peers.length}]`,
      ''
    ].join('\n'))
  }
}

/** `bitswap wantlist [--peer <id>]` */
export const bitswapWantlist: Command = {
  name: 'bitswap wantlist',
  summary: 'List the blocks this node wants (or a peer wants from it)',
  args: '',
  minArgs: 0,
  maxArgs: 0,
  flags: { peer: { type: 'string', short: 'p', value: '<peer ID>', description: 'What this peer wants from us' } },
  async run (ctx, flags) {
    const peer = stringFlag(flags, 'peer')
    const w = await (await requireDaemon(ctx.repoPath, 'bitswap wantlist')).call('bitswap/wantlist', [], peer === undefined ? {} : { peer }) as { Keys: Array<{ '/': string }> }
    if (ctx.enc === 'json') return json(ctx, w)
    ctx.stdout.write(w.Keys.map((k) => `${k['/']}\n`).join(''))
  }
}

/** `bitswap ledger <peer>` */
export const bitswapLedger: Command = {
  name: 'bitswap ledger',
  summary: 'Show what this node and a peer have exchanged',
  args: '<peer ID>',
  minArgs: 1,
  maxArgs: 1,
  flags: {},
  async run (ctx, _flags, [peer = '']) {
    const l = await (await requireDaemon(ctx.repoPath, 'bitswap ledger')).call('bitswap/ledger', [peer]) as Ledger
    if (ctx.enc === 'json') return json(ctx, l)
    ctx.stdout.write(`Ledger for ${l.Peer}\nDebt ratio:\t${l.Value}\nExchanges:\t${l.Exchanged}\nBytes sent:\t${l.Sent}\nBytes received:\t${l.Recv}\n`)
  }
}
