/**
 * `planetary block put|get|stat|rm`: raw blocks, as Kubo's `ipfs block`;
 * `put`, `get` and `stat` go through the daemon's RPC while one runs.
 */
import { CID } from 'multiformats/cid'
import * as dagPb from '@ipld/dag-pb'
import { parseCid, verifyBlock } from '../../block/block.ts'
import { codecByName, decodeWith } from '../../block/codecs.ts'
import { BlockNotFoundError, BlockTooLargeError } from '../../block/errors.ts'
import { hasherByName } from '../../block/hashers.ts'
import { BIG_BLOCK_LIMIT, MAX_BLOCK_SIZE } from '../../dag/limits.ts'
import { boolFlag, stringFlag } from '../flags.ts'
import { formatCid } from '../format.ts'
import { multipartBody, PLAIN_UPLOAD } from '../multipart-upload.ts'
import { daemonFor, readOptions, writeAll } from '../online.ts'
import { readInput } from '../read-input.ts'
import type { Command, CommandContext } from '../command.ts'

/** Kubo refuses blocks over 2 MiB (its SoftBlockLimit, the Bitswap spec's) unless `--allow-big-block`; so does the daemon. */
export const SOFT_BLOCK_LIMIT = MAX_BLOCK_SIZE
/** No block over 4 MiB is ever accepted, as by the daemon. */
export const HARD_BLOCK_LIMIT = BIG_BLOCK_LIMIT

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
    'allow-big-block': { type: 'boolean', description: 'Allow blocks over 2 MiB (up to 4 MiB; other peers may not exchange them)' }
  },
  async run (ctx, flags, files) {
    const daemon = await daemonFor(ctx)
    if (daemon !== undefined) {
      const query = Object.fromEntries(['cid-codec', 'mhtype', 'allow-big-block'].flatMap((name) => flags[name] === undefined ? [] : [[name, flags[name] as string | boolean]]))
      const { contentType, body } = multipartBody(files.filter((f) => f !== '-'), ctx.stdin, '', PLAIN_UPLOAD)
      for await (const line of daemon.upload('block/put', query, contentType, body)) {
        const { Key, Size } = line as { Key: string, Size: number }
        printPut(ctx, { Key: formatCid(parseCid(Key), ctx.cidBase), Size })
      }
      return
    }
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
    for (const r of results) printPut(ctx, r)
  }
}

function printPut (ctx: CommandContext, result: { Key: string, Size: number }): void {
  ctx.stdout.write(ctx.enc === 'json' ? JSON.stringify(result) + '\n' : `${result.Key}\n`)
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
    const daemon = await daemonFor(ctx)
    const size = daemon !== undefined
      ? (await daemon.call('block/stat', [cid.toString()], readOptions(ctx)) as { Size: number }).Size
      : await (await ctx.repo()).blockstore.size(cid)
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
