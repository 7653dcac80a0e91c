/**
 * `planetary stats bw`: the daemon's bandwidth, as Kubo prints it.
 */
import { stringFlag } from '../flags.ts'
import { humanBytes } from '../progress.ts'
import { requireDaemon } from '../rpc-client.ts'
import type { Command } from '../command.ts'

interface Bandwidth { TotalIn: number, TotalOut: number, RateIn: number, RateOut: number }

/** `stats bw [--peer <id>] [--proto <protocol>]` */
export const statsBw: Command = {
  name: 'stats bw',
  summary: 'Show bytes sent and received, and the current rates (whole node, one peer or one protocol)',
  args: '',
  minArgs: 0,
  maxArgs: 0,
  flags: {
    peer: { type: 'string', short: 'p', value: '<peer ID>', description: 'Only traffic with this peer' },
    proto: { type: 'string', short: 't', value: '<protocol>', description: 'Only traffic of this protocol' }
  },
  async run (ctx, flags) {
    const client = await requireDaemon(ctx.repoPath, 'stats bw')
    const query: Record<string, string> = {}
    const peer = stringFlag(flags, 'peer')
    const proto = stringFlag(flags, 'proto')
    if (peer !== undefined) query.peer = peer
    if (proto !== undefined) query.proto = proto
    const bw = await client.call('stats/bw', [], query) as Bandwidth
    if (ctx.enc === 'json') {
      ctx.stdout.write(JSON.stringify(bw) + '\n')
      return
    }
    ctx.stdout.write(`Bandwidth\nTotalIn: ${humanBytes(bw.TotalIn)}\nTotalOut: ${humanBytes(bw.TotalOut)}\nRateIn: ${humanBytes(bw.RateIn)}/s\nRateOut: ${humanBytes(bw.RateOut)}/s\n`)
  }
}

interface Provide { Provided: number, Failed: number, Total: number, Running: boolean, LastRun: string | null, Strategy: string, Interval: string }

/** `stats provide` */
export const statsProvide: Command = {
  name: 'stats provide',
  summary: 'Show how announcing this node\'s content on the DHTs is going',
  args: '',
  minArgs: 0,
  maxArgs: 0,
  flags: {},
  async run (ctx) {
    const p = await (await requireDaemon(ctx.repoPath, 'stats provide')).call('stats/provide') as Provide
    if (ctx.enc === 'json') {
      ctx.stdout.write(JSON.stringify(p) + '\n')
      return
    }
    ctx.stdout.write(`Strategy: ${p.Strategy} every ${p.Interval}\n${p.Running ? 'Running' : 'Last run'}: ${p.Provided} provided, ${p.Failed} failed of ${p.Total}${p.LastRun === null ? '' : ` (ended ${p.LastRun})`}\n`)
  }
}

/** `routing reprovide` */
export const routingReprovide: Command = {
  name: 'routing reprovide',
  summary: 'Announce everything the Reprovider.Strategy covers on the DHTs, now',
  args: '',
  minArgs: 0,
  maxArgs: 0,
  flags: {},
  async run (ctx) {
    const r = await (await requireDaemon(ctx.repoPath, 'routing reprovide')).call('routing/reprovide') as { Provided: number, Failed: number }
    if (ctx.enc === 'json') ctx.stdout.write(JSON.stringify(r) + '\n')
    else ctx.stdout.write(`provided ${r.Provided}, failed ${r.Failed}\n`)
  }
}
