/**
 * `planetary key gen|list|rm|rename|export|import` and `name publish|resolve`:
 * through the daemon when one runs, else on the repo (names then only
 * with --allow-offline, and resolving only what this repo published).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { keyGen, keyList, namePublish } from '../../daemon/rpc/handlers/naming.ts'
import { Ipns } from '../../naming/ipns.ts'
import { Keystore } from '../../naming/keystore.ts'
import { loadPrivateKey } from '../../repo/identity.ts'
import { boolFlag, intFlag, stringFlag } from '../flags.ts'
import { daemonFor } from '../online.ts'
import { RequestFailedError } from '../errors.ts'
import type { NamingContext } from '../../daemon/rpc/handlers/naming.ts'
import type { Command, CommandContext } from '../command.ts'

async function offline (ctx: CommandContext): Promise<NamingContext> {
  const repo = await ctx.repo()
  const keys = new Keystore(repo.records('keys', true), loadPrivateKey(repo.config.Identity))
  const noNetwork = async (): Promise<never> => { throw new RequestFailedError('no daemon is running, so no DHT is reachable') }
  return { keys, ipns: new Ipns({ keys, routing: { put: noNetwork, get: noNetwork }, published: repo.records('ipns'), republishMs: 0 }) }
}

const json = (ctx: CommandContext, value: unknown): void => { ctx.stdout.write(JSON.stringify(value) + '\n') }

/** `key gen <name> [--type] [--size]` */
export const keyGenVerb: Command = {
  name: 'key gen',
  summary: 'Make a new key (to publish IPNS names with)',
  args: '<name>',
  minArgs: 1,
  maxArgs: 1,
  flags: {
    type: { type: 'string', short: 't', value: '<type>', description: 'ed25519 (default), rsa or secp256k1' },
    size: { type: 'string', short: 's', value: '<bits>', description: 'RSA key size (2048 to 4096)' }
  },
  async run (ctx, flags, [name = '']) {
    const type = stringFlag(flags, 'type') ?? 'ed25519'
    const size = intFlag(flags, 'size') ?? 2048
    const daemon = await daemonFor(ctx)
    const out = daemon !== undefined ? await daemon.call('key/gen', [name], { type, size }) as { Name: string, Id: string } : await keyGen(await offline(ctx), name, type, size)
    if (ctx.enc === 'json') json(ctx, out)
    else ctx.stdout.write(`${out.Id}\n`)
  }
}

/** `key list [-l]` */
export const keyListVerb: Command = {
  name: 'key list',
  summary: 'List keys (self is the node\'s own)',
  args: '',
  minArgs: 0,
  maxArgs: 0,
  flags: { long: { type: 'boolean', short: 'l', description: 'Show the key IDs too' } },
  async run (ctx, flags) {
    const daemon = await daemonFor(ctx)
    const out = daemon !== undefined ? await daemon.call('key/list') as { Keys: Array<{ Name: string, Id: string }> } : await keyList(await offline(ctx))
    if (ctx.enc === 'json') json(ctx, out)
    else ctx.stdout.write(out.Keys.map((k) => boolFlag(flags, 'long') === true ? `${k.Id} ${k.Name}\n` : `${k.Name}\n`).join(''))
  }
}

/** `key rm <name>...` */
export const keyRm: Command = {
  name: 'key rm',
  summary: 'Remove keys',
  args: '<name>...',
  minArgs: 1,
  maxArgs: Infinity,
  flags: {},
  async run (ctx, _flags, names) {
    const daemon = await daemonFor(ctx)
    let removed: Array<{ Name: string, Id: string }>
    if (daemon !== undefined) removed = (await daemon.call('key/rm', names) as { Keys: Array<{ Name: string, Id: string }> }).Keys
    else {
      const { keys } = await offline(ctx)
      removed = []
      for (const name of names) {
        const info = await keys.rm(name)
        removed.push({ Name: info.name, Id: info.id })
      }
    }
    if (ctx.enc === 'json') json(ctx, { Keys: removed })
    else ctx.stdout.write(removed.map((k) => `${k.Name}\n`).join(''))
  }
}

/** `key rename <old> <new> [--force]` */
export const keyRename: Command = {
  name: 'key rename',
  summary: 'Rename a key',
  args: '<old> <new>',
  minArgs: 2,
  maxArgs: 2,
  flags: { force: { type: 'boolean', short: 'f', description: 'Overwrite a key of the new name' } },
  async run (ctx, flags, [from = '', to = '']) {
    const force = boolFlag(flags, 'force') === true
    const daemon = await daemonFor(ctx)
    const id = daemon !== undefined ? (await daemon.call('key/rename', [from, to], { force }) as { Id: string }).Id : (await (await offline(ctx)).keys.rename(from, to, force)).id
    if (ctx.enc === 'json') json(ctx, { Was: from, Now: to, Id: id, Overwrite: force })
    else ctx.stdout.write(`Key ${id} renamed to ${to}\n`)
  }
}

/** `key export <name> [-o file]` */
export const keyExport: Command = {
  name: 'key export',
  summary: 'Write a private key to a file (libp2p protobuf, unencrypted: keep it safe)',
  args: '<name>',
  minArgs: 1,
  maxArgs: 1,
  flags: { output: { type: 'string', short: 'o', value: '<file>', description: 'Where to write (default <name>.key)' } },
  async run (ctx, flags, [name = '']) {
    const daemon = await daemonFor(ctx)
    let bytes: Uint8Array
    if (daemon !== undefined) {
      const parts: Buffer[] = []
      for await (const part of daemon.bytes('key/export', [name])) parts.push(part)
      bytes = Buffer.concat(parts)
    } else bytes = await (await offline(ctx)).keys.export(name)
    const file = stringFlag(flags, 'output') ?? `${name}.key`
    await writeFile(file, bytes, { mode: 0o600, flag: 'wx' })
    ctx.stdout.write(`exported key ${name} to ${file}\n`)
  }
}

/** `key import <name> <file>` */
export const keyImport: Command = {
  name: 'key import',
  summary: 'Add a private key from a file exported by Kubo or Planetary',
  args: '<name> <file>',
  minArgs: 2,
  maxArgs: 2,
  flags: {},
  async run (ctx, _flags, [name = '', file = '']) {
    const bytes = await readFile(file)
    if (bytes.byteLength > 16 * 1024) throw new RequestFailedError(`${file} is too large to be a key`)
    const daemon = await daemonFor(ctx)
    const id = daemon !== undefined ? (await daemon.call('key/import', [name], {}, bytes) as { Id: string }).Id : (await (await offline(ctx)).keys.import(name, bytes)).id
    if (ctx.enc === 'json') json(ctx, { Name: name, Id: id })
    else ctx.stdout.write(`${id}\n`)
  }
}

/** `name publish [--key] [--lifetime] [--ttl] [--allow-offline] <path>` */
export const namePublishVerb: Command = {
  name: 'name publish',
  summary: 'Publish an IPNS name pointing at a path',
  args: '<ipfs-path>',
  minArgs: 1,
  maxArgs: 1,
  flags: {
    key: { type: 'string', short: 'k', value: '<name>', description: 'Key to publish with (default self)' },
    lifetime: { type: 'string', short: 't', value: '<duration>', description: 'How long the record is valid (default 48h)' },
    ttl: { type: 'string', value: '<duration>', description: 'How long resolvers may cache it (default 5m)' },
    'allow-offline': { type: 'boolean', description: 'Keep the record locally when no DHT peer takes it' }
  },
  async run (ctx, flags, [path = '']) {
    const value = path.startsWith('/') ? path : `/ipfs/${path}`
    const key = stringFlag(flags, 'key') ?? 'self'
    const lifetime = stringFlag(flags, 'lifetime') ?? null
    const ttl = stringFlag(flags, 'ttl') ?? null
    const allowOffline = boolFlag(flags, 'allow-offline') === true
    const daemon = await daemonFor(ctx)
    if (daemon === undefined && !allowOffline) throw new RequestFailedError("'planetary name publish' needs a running daemon to reach the DHT (or --allow-offline to keep the record locally)")
    const out = daemon !== undefined
      ? await daemon.call('name/publish', [value], { key, 'allow-offline': allowOffline, ...(lifetime === null ? {} : { lifetime }), ...(ttl === null ? {} : { ttl }) }) as { Name: string, Value: string }
      : await namePublish(await offline(ctx), value, key, lifetime, ttl, true)
    if (ctx.enc === 'json') json(ctx, out)
    else ctx.stdout.write(`Published to ${out.Name}: ${out.Value}\n`)
  }
}

/** `name resolve [-r] [--nocache] [<name>]` */
export const nameResolve: Command = {
  name: 'name resolve',
  summary: 'Resolve an IPNS name (or DNSLink domain) to a path',
  args: '[<name>]',
  minArgs: 0,
  maxArgs: 1,
  flags: {
    recursive: { type: 'boolean', short: 'r', description: 'Follow /ipns/ values to an /ipfs/ path (default true)' },
    nocache: { type: 'boolean', short: 'n', description: 'Ask the network even if a cached answer is fresh' }
  },
  async run (ctx, flags, [name]) {
    const recursive = boolFlag(flags, 'recursive') !== false
    const nocache = boolFlag(flags, 'nocache') === true
    const daemon = await daemonFor(ctx)
    let path: string
    if (daemon !== undefined) path = (await daemon.call('name/resolve', name === undefined ? [] : [name], { recursive, nocache }) as { Path: string }).Path
    else {
      const naming = await offline(ctx)
      path = await naming.ipns.resolve(name ?? (await naming.keys.list())[0]?.id ?? '', { recursive })
    }
    if (ctx.enc === 'json') json(ctx, { Path: path })
    else ctx.stdout.write(`${path}\n`)
  }
}
