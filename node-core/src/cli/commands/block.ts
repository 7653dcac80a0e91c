/**
 * `planetary block put|get|stat|rm`: raw blocks, as Kubo's `ipfs block`.
 */
import { CID } from 'multiformats/cid'
import * as dagPb from '@ipld/dag-pb'
import { parseCid, verifyBlock } from '../../block/block.ts'
import { codecByName, decodeWith } from '../../block/codecs.ts'
import { BlockNotFoundError, BlockTooLargeError } from '../../block/errors.ts'
import { hasherByName } from '../../block/hashers.ts'
import { boolFlag, stringFlag } from '../flags.ts'
import { formatCid } from '../format.ts'
import { daemonFor, readOptions, writeAll } from '../online.ts'
import { readInput } from '../read-input.ts'
import type { Command } from '../command.ts'

/** Kubo refuses blocks over 1 MiB unless `--allow-big-block`. */
export const SOFT_BLOCK_LIMIT = 1024 * 1024
/** No block over 2 MiB is ever accepted (the Bitswap limit). */
export const HARD_BLOCK_LIMIT = 2 * 1024 * 1024

/** `block put [--cid-codec raw] [--mhtype sha2-256] <file>...` */
export const blockPut: Command = {
  name: 'block put',
  summary: 'Store the bytes of each file (or stdin) as a block and print its CID',
  args: '[<file>...]',
  minArgs: 0,
  maxArgs: Infinity,
  flags: {
    'cid-codec': { type: 'string', value: '<codec>', description: 'Codec of the CID: raw (default), dag-pb, dag-cbor, dag-json' },
    mhtype: { type: 'string', value: '<hash>', description: 'Hash function (default sha2-256)' },
    'allow-big-block': { type: 'boolean', description: 'Allow blocks over 1 MiB (up to 2 MiB)' }
  },
  async run (ctx, flags, files) {
    const codec = codecByName(stringFlag(flags, 'cid-codec') ?? 'raw')
    const hasher = hasherByName(stringFlag(flags, 'mhtype') ?? 'sha2-256')
    const limit = boolFlag(flags, 'allow-big-block') === true ? HARD_BLOCK_LIMIT : SOFT_BLOCK_LIMIT
    const repo = await ctx.repo()
    const results: Array<{ Key: string, Size: number }> = []
    for (const file of files.length === 0 ? [undefined] : files) {
      const bytes = await readInput(file, ctx.stdin, limit, () => new BlockTooLargeError(`block ${file ?? 'from stdin'} is over ${limit} bytes (--allow-big-block allows up to ${HARD_BLOCK_LIMIT})`))
      if (codec.code !== 0x55) decodeWith(codec.code, bytes)
      const digest = hasher.digest(bytes)
      const cid = codec.code === dagPb.code && hasher.code === 0x12 && stringFlag(flags, 'cid-codec') === undefined
        ? CID.createV0(digest as never)
        : CID.createV1(codec.code, digest)
      await repo.blockstore.put(cid, bytes)
      results.push({ Key: formatCid(cid, ctx.cidBase), Size: bytes.byteLength })
    }
    await repo.blockstore.sync()
    for (const r of results) ctx.stdout.write(ctx.enc === 'json' ? JSON.stringify(r) + '\n' : `${r.Key}\n`)
  }
}

/** `block get <cid>` */
export const blockGet: Command = {
  name: 'block get',
  summary: 'Write the raw bytes of a block to stdout',
  args: '<cid>',
  minArgs: 1,
  maxArgs: 1,
  flags: {},
  async run (ctx, _flags, [text = '']) {
    const cid = parseCid(text)
    const daemon = await daemonFor(ctx)
    if (daemon !== undefined) {
      await writeAll(ctx, daemon.bytes('block/get', [cid.toString()], readOptions(ctx)))
      return
    }
    const repo = await ctx.repo()
    const bytes = await repo.blockstore.get(cid)
    verifyBlock(cid, bytes)
    ctx.stdout.write(bytes)
  }
}

/** `block stat <cid>` */
export const blockStat: Command = {
  name: 'block stat',
  summary: 'Print a block\'s CID and size',
  args: '<cid>',
  minArgs: 1,
  maxArgs: 1,
  flags: {},
  async run (ctx, _flags, [text = '']) {
    const cid = parseCid(text)
    const repo = await ctx.repo()
    const size = await repo.blockstore.size(cid)
    const key = formatCid(cid, ctx.cidBase)
    ctx.stdout.write(ctx.enc === 'json' ? JSON.stringify({ Key: key, Size: size }) + '\n' : `Key: ${key}\nSize: ${size}\n`)
  }
}

/** `block rm [-f] [-q] <cid>...` */
export const blockRm: Command = {
  name: 'block rm',
  summary: 'Remove blocks from the repo',
  args: '<cid>...',
  minArgs: 1,
  maxArgs: Infinity,
  flags: {
    force: { type: 'boolean', short: 'f', description: 'Ignore blocks that are not there' },
    quiet: { type: 'boolean', short: 'q', description: 'Print nothing on success' }
  },
  async run (ctx, flags, texts) {
    const cids = texts.map(parseCid)
    const repo = await ctx.repo()
    const missing: string[] = []
    for (const cid of cids) {
      try {
        await repo.blockstore.delete(cid)
        if (boolFlag(flags, 'quiet') !== true) ctx.stdout.write(`removed ${formatCid(cid, ctx.cidBase)}\n`)
      } catch (err) {
        if (!(err instanceof BlockNotFoundError)) throw err
        if (boolFlag(flags, 'force') !== true) missing.push(cid.toString())
      }
    }
    await repo.blockstore.sync()
    if (missing.length > 0) throw new BlockNotFoundError(`block${missing.length > 1 ? 's' : ''} not found: ${missing.join(', ')}`)
  }
}
