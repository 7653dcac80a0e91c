/**
 * `planetary files …`: the Files tree (Kubo's MFS), through the daemon when
 * one runs, else on the repo.
 */
import { createReadStream } from 'node:fs'
import { filesLs, filesStat } from '../../daemon/rpc/handlers/files.ts'
import { GcLock } from '../../gc/lock.ts'
import { Mfs } from '../../mfs/mfs.ts'
import { resolveImporterOptions } from '../../unixfs/importer/resolve-options.ts'
import { boolFlag, intFlag, stringFlag } from '../flags.ts'
import { daemonFor, writeAll } from '../online.ts'
import type { Command, CommandContext, Flags } from '../command.ts'
import type { RpcClient } from '../rpc-client.ts'
import type { Repo } from '../../repo/repo.ts'

/** The MFS of a repo that no daemon holds. */
export function repoMfs (repo: Repo): Mfs {
  return new Mfs({ store: repo.blockstore, records: repo.records('mfs'), lock: new GcLock(), importer: resolveImporterOptions(repo.config.Import, {}) })
}

/** Run `online` through the daemon, or `offline` on the repo's MFS. */
async function either<T> (ctx: CommandContext, online: (daemon: RpcClient) => Promise<T>, offline: (mfs: Mfs) => Promise<T>): Promise<T> {
  const daemon = await daemonFor(ctx)
  if (daemon !== undefined) return await online(daemon)
  const mfs = repoMfs(await ctx.repo())
  try {
    return await offline(mfs)
  } finally {
    await mfs.stop()
  }
}

function prefixQuery (flags: Flags): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  const version = intFlag(flags, 'cid-version')
  const hash = stringFlag(flags, 'hash')
  if (version !== undefined) out['cid-version'] = version
  if (hash !== undefined) out.hash = hash
  return out
}

const prefixFlags = {
  'cid-version': { type: 'string' as const, value: '<0|1>', description: 'CID version of new nodes' },
  hash: { type: 'string' as const, value: '<name>', description: 'Hash function of new nodes' }
}

function verb (name: string, summary: string, args: string, minArgs: number, maxArgs: number, flags: Command['flags'], run: Command['run']): Command {
  return { name, summary, args, minArgs, maxArgs, flags, run }
}

export const filesLsVerb = verb('files ls', 'List a directory of the Files tree', '[<path>]', 0, 1, {
  long: { type: 'boolean', short: 'l', description: 'Show CIDs, types and sizes' },
  U: { type: 'boolean', description: 'Keep the directory\'s order (do not sort)' }
}, async (ctx, flags, [path = '/']) => {
  const long = boolFlag(flags, 'long') === true
  const sort = boolFlag(flags, 'U') !== true
  const out = await either(ctx, async (d) => await d.call('files/ls', [path], { long, U: !sort }) as Awaited<ReturnType<typeof filesLs>>, async (mfs) => await filesLs(mfs, path, long, sort))
  if (ctx.enc === 'json') return void ctx.stdout.write(JSON.stringify(out) + '\n')
  for (const e of out.Entries) ctx.stdout.write(long ? `${e.Name}${e.Type === 1 ? '/' : ''}\t${e.Hash}\t${e.Size}\n` : `${e.Name}\n`)
})

export const filesStatVerb = verb('files stat', 'Show the CID, sizes and type of a path in the Files tree', '<path>', 1, 1, {
  hash: { type: 'boolean', description: 'Print only the CID' }
}, async (ctx, flags, [path = '/']) => {
  const s = await either(ctx, async (d) => await d.call('files/stat', [path]) as Awaited<ReturnType<typeof filesStat>>, async (mfs) => await filesStat(mfs, path))
  if (ctx.enc === 'json') ctx.stdout.write(JSON.stringify(s) + '\n')
  else if (boolFlag(flags, 'hash') === true) ctx.stdout.write(`${s.Hash}\n`)
  else ctx.stdout.write(`${s.Hash}\nSize: ${s.Size}\nCumulativeSize: ${s.CumulativeSize}\nChildBlocks: ${s.Blocks}\nType: ${s.Type}\n`)
})

export const filesMkdirVerb = verb('files mkdir', 'Make a directory in the Files tree', '<path>', 1, 1, {
  parents: { type: 'boolean', short: 'p', description: 'Make missing parents; no error if it exists' },
  ...prefixFlags
}, async (ctx, flags, [path = '']) => {
  const parents = boolFlag(flags, 'parents') === true
  await either(ctx, async (d) => await d.call('files/mkdir', [path], { parents, ...prefixQuery(flags) }), async (mfs) => await mfs.mkdir(path, { parents, ...prefixQuery(flags) }))
})

export const filesWriteVerb = verb('files write', 'Write a file of the Files tree from a local file or stdin', '<path> [<file>]', 1, 2, {
  create: { type: 'boolean', short: 'e', description: 'Create the file if it does not exist' },
  parents: { type: 'boolean', short: 'p', description: 'Make missing parent directories' },
  truncate: { type: 'boolean', short: 't', description: 'Truncate the file first' },
  offset: { type: 'string', short: 'o', value: '<bytes>', description: 'Where to start writing' },
  count: { type: 'string', short: 'n', value: '<bytes>', description: 'Write at most this many bytes' },
  'raw-leaves': { type: 'boolean', description: 'Raw blocks for new leaves' },
  ...prefixFlags
}, async (ctx, flags, [path = '', file]) => {
  const options = {
    create: boolFlag(flags, 'create') === true,
    parents: boolFlag(flags, 'parents') === true,
    truncate: boolFlag(flags, 'truncate') === true,
    offset: intFlag(flags, 'offset') ?? 0,
    ...prefixQuery(flags)
  }
  const count = intFlag(flags, 'count')
  const rawLeaves = boolFlag(flags, 'raw-leaves')
  const source = (file === undefined ? ctx.stdin : createReadStream(file)) as AsyncIterable<Uint8Array>
  await either(ctx, async (d) => {
    for await (const line of d.upload('files/write', { arg: path, ...options, ...(count === undefined ? {} : { count }), ...(rawLeaves === undefined ? {} : { 'raw-leaves': rawLeaves }) }, 'application/octet-stream', source)) void line
  }, async (mfs) => { await mfs.write(path, source, { ...options, ...(count === undefined ? {} : { count }), ...(rawLeaves === undefined ? {} : { rawLeaves }) }) })
})

export const filesReadVerb = verb('files read', 'Write a file of the Files tree to stdout', '<path>', 1, 1, {
  offset: { type: 'string', short: 'o', value: '<bytes>', description: 'Start at this byte' },
  count: { type: 'string', short: 'n', value: '<bytes>', description: 'Read at most this many bytes' }
}, async (ctx, flags, [path = '']) => {
  const offset = intFlag(flags, 'offset') ?? 0
  const count = intFlag(flags, 'count')
  await either(ctx, async (d) => { await writeAll(ctx, d.bytes('files/read', [path], { offset, ...(count === undefined ? {} : { count }) })) },
    async (mfs) => { await writeAll(ctx, await mfs.read(path, { offset, ...(count === undefined ? {} : { count }) })) })
})

export const filesCpVerb = verb('files cp', 'Copy into the Files tree (from the tree or from /ipfs/…, fetched and kept)', '<source> <dest>', 2, 2, {
  parents: { type: 'boolean', short: 'p', description: 'Make missing parent directories' }
}, async (ctx, flags, [from = '', to = '']) => {
  const parents = boolFlag(flags, 'parents') === true
  await either(ctx, async (d) => await d.call('files/cp', [from, to], { parents }), async (mfs) => await mfs.cp(from, to, { parents }))
})

export const filesMvVerb = verb('files mv', 'Move or rename in the Files tree', '<source> <dest>', 2, 2, {}, async (ctx, _flags, [from = '', to = '']) => {
  await either(ctx, async (d) => await d.call('files/mv', [from, to]), async (mfs) => await mfs.mv(from, to))
})

export const filesRmVerb = verb('files rm', 'Remove from the Files tree', '<path>...', 1, Infinity, {
  recursive: { type: 'boolean', short: 'r', description: 'Remove directories and their contents' },
  force: { type: 'boolean', description: 'Remove whatever is there' }
}, async (ctx, flags, paths) => {
  const recursive = boolFlag(flags, 'recursive') === true
  const force = boolFlag(flags, 'force') === true
  await either(ctx, async (d) => await d.call('files/rm', paths, { recursive, force }), async (mfs) => { for (const p of paths) await mfs.rm(p, { recursive, force }) })
})

export const filesFlushVerb = verb('files flush', 'Make the Files tree durable and print the CID of a path', '[<path>]', 0, 1, {}, async (ctx, _flags, [path = '/']) => {
  const cid = await either(ctx, async (d) => (await d.call('files/flush', [path]) as { Cid: string }).Cid, async (mfs) => (await mfs.flush(path)).toString())
  ctx.stdout.write(ctx.enc === 'json' ? JSON.stringify({ Cid: cid }) + '\n' : `${cid}\n`)
})

export const filesChcidVerb = verb('files chcid', 'Change the CID version or hash of a directory of the Files tree', '[<path>]', 0, 1, prefixFlags, async (ctx, flags, [path = '/']) => {
  await either(ctx, async (d) => await d.call('files/chcid', [path], prefixQuery(flags)), async (mfs) => await mfs.chcid(path, prefixQuery(flags)))
})
