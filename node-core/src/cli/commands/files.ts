/**
 * `planetary cat|ls|get`: read UnixFS files and directories by CID or path.
 */
import { join, resolve } from 'node:path'
import { listing } from '../../daemon/rpc/handlers/content.ts'
import { catAll } from '../../unixfs/exporter/cat.ts'
import { getToDisk } from '../../unixfs/exporter/get.ts'
import { resolveEntry } from '../../unixfs/exporter/resolve.ts'
import { intFlag, stringFlag } from '../flags.ts'
import { formatCid } from '../format.ts'
import { daemonFor, readOptions, writeAll } from '../online.ts'
import { fetchDag } from '../fetch-dag.ts'
import { parseCid } from '../../block/block.ts'
import type { Command } from '../command.ts'
import type { LsOutput } from '../../daemon/rpc/handlers/content.ts'

/** `cat [--offset N] [--length N] <path>...` */
export const cat: Command = {
  name: 'cat',
  summary: 'Write the contents of files to stdout',
  args: '<cid | /ipfs/path>...',
  minArgs: 1,
  maxArgs: Infinity,
  flags: {
    offset: { type: 'string', short: 'o', value: '<bytes>', description: 'Start at this byte' },
    length: { type: 'string', short: 'l', value: '<bytes>', description: 'Write at most this many bytes' }
  },
  async run (ctx, flags, paths) {
    const offset = intFlag(flags, 'offset') ?? 0
    const length = intFlag(flags, 'length')
    const daemon = await daemonFor(ctx)
    if (daemon !== undefined) {
      await writeAll(ctx, daemon.bytes('cat', paths, { offset, ...(length === undefined ? {} : { length }), ...readOptions(ctx) }))
      return
    }
    const store = (await ctx.repo()).blockstore
    const cids = []
    for (const text of paths) cids.push(await resolveEntry(store, text))
    await writeAll(ctx, catAll(store, cids, { offset, ...(length === undefined ? {} : { length }) }))
  }
}

/** `ls <path>...` */
export const ls: Command = {
  name: 'ls',
  summary: 'List the entries of directories: CID, size and name',
  args: '<cid | /ipfs/path>...',
  minArgs: 1,
  maxArgs: Infinity,
  flags: {},
  async run (ctx, _flags, paths) {
    const daemon = await daemonFor(ctx)
    const out = daemon !== undefined ? await daemon.call('ls', paths, readOptions(ctx)) as LsOutput : await listing((await ctx.repo()).blockstore, paths)
    if (ctx.enc === 'json') {
      ctx.stdout.write(JSON.stringify(out) + '\n')
      return
    }
    for (const object of out.Objects) {
      for (const link of object.Links) {
        const hash = formatCid(parseCid(link.Hash), ctx.cidBase)
        ctx.stdout.write(`${hash} ${link.Type === 1 ? '-' : link.Size} ${link.Name}${link.Type === 1 ? '/' : ''}\n`)
      }
    }
  }
}

/** `get [-o <path>] <path>` */
export const get: Command = {
  name: 'get',
  summary: 'Write a file or directory tree to disk (modes and mtimes restored)',
  args: '<cid | /ipfs/path>',
  minArgs: 1,
  maxArgs: 1,
  flags: { output: { type: 'string', short: 'o', value: '<path>', description: 'Where to write (default: ./<cid>)' } },
  async run (ctx, flags, [text = '']) {
    const daemon = await daemonFor(ctx)
    if (daemon !== undefined) {
      await fetchDag(daemon, text, readOptions(ctx), async (store, cid) => {
        const out = resolve(stringFlag(flags, 'output') ?? join('.', cid.toString()))
        await getToDisk(store, cid, out)
        ctx.stdout.write(`Saving file(s) to ${out}\n`)
      })
      return
    }
    const store = (await ctx.repo()).blockstore
    const cid = await resolveEntry(store, text)
    const out = resolve(stringFlag(flags, 'output') ?? join('.', cid.toString()))
    await getToDisk(store, cid, out)
    ctx.stdout.write(`Saving file(s) to ${out}\n`)
  }
}
