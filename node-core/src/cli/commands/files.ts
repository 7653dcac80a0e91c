/**
 * `planetary cat|ls|get`: read UnixFS files and directories by CID or path.
 */
import { join, resolve } from 'node:path'
import { parsePath } from '../../dag/path.ts'
import { cat as catBytes, fileSize } from '../../unixfs/exporter/cat.ts'
import { getToDisk } from '../../unixfs/exporter/get.ts'
import { ls as listDirectory } from '../../unixfs/exporter/ls.ts'
import { resolvePath } from '../../unixfs/exporter/resolve.ts'
import { PathNotFoundError } from '../../dag/errors.ts'
import { intFlag, stringFlag } from '../flags.ts'
import { formatCid } from '../format.ts'
import type { Command, CommandContext } from '../command.ts'
import type { CID } from 'multiformats/cid'

async function resolveArg (ctx: CommandContext, text: string): Promise<CID> {
  const path = parsePath(text)
  const repo = await ctx.repo()
  const { cid, remainder } = await resolvePath(repo.blockstore, path)
  if (remainder.length > 0) throw new PathNotFoundError(`${text}: "${remainder.join('/')}" is inside a node, not a UnixFS entry`)
  return cid
}

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
    let offset = intFlag(flags, 'offset') ?? 0
    let length = intFlag(flags, 'length') ?? Infinity
    const repo = await ctx.repo()
    const cids = []
    for (const text of paths) cids.push(await resolveArg(ctx, text))
    // As Kubo: the range applies to the files one after another, as one stream.
    for (const cid of cids) {
      if (length <= 0) break
      const size = await fileSize(repo.blockstore, cid)
      if (offset >= size) {
        offset -= size
        continue
      }
      for await (const bytes of catBytes(repo.blockstore, cid, { offset, length })) {
        if (!ctx.stdout.write(bytes)) await new Promise((resolve) => ctx.stdout.once('drain', resolve))
      }
      length -= Math.min(length, size - offset)
      offset = 0
    }
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
    const repo = await ctx.repo()
    for (const text of paths) {
      const cid = await resolveArg(ctx, text)
      const links = []
      for await (const entry of listDirectory(repo.blockstore, cid)) {
        const hash = formatCid(entry.cid, ctx.cidBase)
        const dir = entry.type === 'directory' || entry.type === 'hamt-directory'
        if (ctx.enc === 'json') links.push({ Name: entry.name, Hash: hash, Size: entry.size, Type: dir ? 1 : entry.type === 'symlink' ? 4 : 2, Target: '' })
        else ctx.stdout.write(`${hash} ${dir ? '-' : entry.size} ${entry.name}${dir ? '/' : ''}\n`)
      }
      if (ctx.enc === 'json') ctx.stdout.write(JSON.stringify({ Objects: [{ Hash: text, Links: links }] }) + '\n')
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
    const cid = await resolveArg(ctx, text)
    const repo = await ctx.repo()
    const out = resolve(stringFlag(flags, 'output') ?? join('.', cid.toString()))
    await getToDisk(repo.blockstore, cid, out)
    ctx.stdout.write(`Saving file(s) to ${out}\n`)
  }
}
