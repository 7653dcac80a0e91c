/**
 * The verbs that talk to the running daemon about peers: `id`, `ping`,
 * `swarm *`, `dht *`.
 */
import { publicKeyToProtobuf } from '@libp2p/crypto/keys'
import { readInput } from '../read-input.ts'
import { RequestFailedError } from '../errors.ts'
import { findDaemon, requireDaemon } from '../rpc-client.ts'
import { intFlag } from '../flags.ts'
import type { Command, CommandContext } from '../command.ts'

interface Peers { Peers: Array<{ Addr: string, Peer: string, Transport?: string, Direction?: string, Latency?: string, Muxer?: string }> }
interface Routing { Type: number, Extra?: string, Responses?: Array<{ ID: string, Addrs: string[] }> }

const json = (ctx: CommandContext, value: unknown): void => { ctx.stdout.write(JSON.stringify(value, null, 2) + '\n') }

/** `id`: online through the daemon, else from the repo alone (no addresses). */
export const id: Command = {
  name: 'id',
  summary: 'Show this node\'s peer ID, public key, addresses and protocols',
  args: '',
  minArgs: 0,
  maxArgs: 0,
  flags: {},
  async run (ctx) {
    const client = await findDaemon(ctx.repoPath)
    if (client !== undefined) {
      json(ctx, await client.call('id'))
      return
    }
    const repo = await ctx.repo()
    const { loadPrivateKey } = await import('../../repo/identity.ts')
    const key = loadPrivateKey(repo.config.Identity)
    json(ctx, { ID: repo.config.Identity.PeerID, PublicKey: Buffer.from(publicKeyToProtobuf(key.publicKey)).toString('base64'), Addresses: [], AgentVersion: 'planetary/0.1.0', Protocols: [] })
  }
}

/** `ping <peer> [-n N]` */
export const ping: Command = {
  name: 'ping',
  summary: 'Measure round trips to a peer',
  args: '<peer ID | multiaddr>',
  minArgs: 1,
  maxArgs: 1,
  flags: { count: { type: 'string', short: 'n', value: '<N>', description: 'Number of pings (default 10)' } },
  async run (ctx, flags, [peer = '']) {
    const client = await requireDaemon(ctx.repoPath, 'ping')
    let failed = false
    for await (const line of client.stream('ping', [peer], { count: intFlag(flags, 'count', 1) ?? 10 })) {
      const { Success, Time, Text } = line as { Success: boolean, Time: number, Text: string }
      if (ctx.enc === 'json') ctx.stdout.write(JSON.stringify(line) + '\n')
      else ctx.stdout.write(Text !== '' ? `${Text}\n` : `Pong received: time=${(Time / 1e6).toFixed(2)} ms\n`)
      failed = !Success && Text.startsWith('Ping failed')
    }
    if (failed) throw new RequestFailedError(`no reply from ${peer}`)
  }
}

function daemonVerb (name: string, summary: string, args: string, minArgs: number, maxArgs: number, path: string, print: (ctx: CommandContext, value: unknown) => void, flags: Command['flags'] = {}, options: (f: Record<string, unknown>) => Record<string, string | number | boolean> = () => ({})): Command {
  return {
    name,
    summary,
    args,
    minArgs,
    maxArgs,
    flags,
    async run (ctx, f, a) {
      const client = await requireDaemon(ctx.repoPath, name)
      print(ctx, await client.call(path, a, options(f)))
    }
  }
}

/** `swarm peers [-v]` */
export const swarmPeers = daemonVerb('swarm peers', 'List connected peers', '', 0, 0, 'swarm/peers', (ctx, value) => {
  if (ctx.enc === 'json') return json(ctx, value)
  for (const p of (value as Peers).Peers) {
    ctx.stdout.write(`${p.Addr}/p2p/${p.Peer}${p.Transport === undefined ? '' : ` ${p.Transport} ${p.Direction ?? ''} ${p.Muxer ?? ''} ${p.Latency ?? ''}`.trimEnd()}\n`)
  }
}, { verbose: { type: 'boolean', short: 'v', description: 'Show transport, direction, muxer and latency' } }, (f) => ({ verbose: f.verbose === true }))

const printStrings = (ctx: CommandContext, value: unknown): void => {
  if (ctx.enc === 'json') return json(ctx, value)
  for (const s of (value as { Strings: string[] }).Strings) ctx.stdout.write(s + '\n')
}

/** `swarm connect <multiaddr>...` */
export const swarmConnect = daemonVerb('swarm connect', 'Open a connection to a peer', '<multiaddr>...', 1, Infinity, 'swarm/connect', printStrings)
/** `swarm disconnect <multiaddr>...` */
export const swarmDisconnect = daemonVerb('swarm disconnect', 'Close connections to a peer', '<multiaddr | peer ID>...', 1, Infinity, 'swarm/disconnect', printStrings)
/** `swarm addrs local` */
export const swarmAddrsLocal = daemonVerb('swarm addrs local', 'List this node\'s listen addresses', '', 0, 0, 'swarm/addrs/local', printStrings, { id: { type: 'boolean', description: 'Append /p2p/<our peer ID>' } }, (f) => ({ id: f.id === true }))
/** `swarm addrs` */
export const swarmAddrs = daemonVerb('swarm addrs', 'List known addresses of every known peer', '', 0, 0, 'swarm/addrs', (ctx, value) => {
  if (ctx.enc === 'json') return json(ctx, value)
  for (const [peer, addrs] of Object.entries((value as { Addrs: Record<string, string[]> }).Addrs)) {
    ctx.stdout.write(`${peer} (${addrs.length})\n${addrs.map((a) => `\t${a}\n`).join('')}`)
  }
})

/** `dht findpeer <peer>` */
export const dhtFindPeer = daemonVerb('dht findpeer', 'Find a peer\'s addresses through the DHTs', '<peer ID>', 1, 1, 'dht/findpeer', (ctx, value) => {
  if (ctx.enc === 'json') return json(ctx, value)
  for (const r of (value as Routing).Responses ?? []) for (const a of r.Addrs) ctx.stdout.write(a + '\n')
})
/** `dht provide <cid>...` */
export const dhtProvide = daemonVerb('dht provide', 'Announce to the DHTs that this node has content', '<cid>...', 1, Infinity, 'dht/provide', (ctx, value) => {
  if (ctx.enc === 'json') json(ctx, value)
})
/** `dht get <key>` */
export const dhtGet = daemonVerb('dht get', 'Get a record (/ipns/<peer ID> or /pk/<peer ID>) from the DHTs', '<key>', 1, 1, 'dht/get', (ctx, value) => {
  if (ctx.enc === 'json') return json(ctx, value)
  ctx.stdout.write(Buffer.from((value as Routing).Extra ?? '', 'base64'))
})

/** `dht put <key> <file>` */
export const dhtPut: Command = {
  name: 'dht put',
  summary: 'Put a record (/ipns/<peer ID> or /pk/<peer ID>) into the DHTs',
  args: '<key> <record file | ->',
  minArgs: 2,
  maxArgs: 2,
  flags: {},
  async run (ctx, _flags, [key = '', file = '-']) {
    const client = await requireDaemon(ctx.repoPath, 'dht put')
    const record = await readInput(file, ctx.stdin, 10 * 1024, () => new RequestFailedError('records are limited to 10 KiB'))
    const value = await client.call('dht/put', [key], {}, record)
    if (ctx.enc === 'json') json(ctx, value)
  }
}

/** `dht findprovs <cid> [-n N]` */
export const dhtFindProvs: Command = {
  name: 'dht findprovs',
  summary: 'Find peers that provide a CID',
  args: '<cid>',
  minArgs: 1,
  maxArgs: 1,
  flags: { 'num-providers': { type: 'string', short: 'n', value: '<N>', description: 'Stop after N providers (default 20)' } },
  async run (ctx, flags, [cid = '']) {
    const client = await requireDaemon(ctx.repoPath, 'dht findprovs')
    for await (const value of client.stream('dht/findprovs', [cid], { 'num-providers': intFlag(flags, 'num-providers', 1) ?? 20 })) {
      if (ctx.enc === 'json') ctx.stdout.write(JSON.stringify(value) + '\n')
      else for (const r of (value as Routing).Responses ?? []) ctx.stdout.write(r.ID + '\n')
    }
  }
}

/** `dht query <peer>` */
export const dhtQuery: Command = {
  name: 'dht query',
  summary: 'Find the peers closest to a peer ID',
  args: '<peer ID>',
  minArgs: 1,
  maxArgs: 1,
  flags: {},
  async run (ctx, _flags, [peer = '']) {
    const client = await requireDaemon(ctx.repoPath, 'dht query')
    for await (const value of client.stream('dht/query', [peer])) {
      if (ctx.enc === 'json') ctx.stdout.write(JSON.stringify(value) + '\n')
      else ctx.stdout.write(((value as { ID: string }).ID) + '\n')
    }
  }
}
