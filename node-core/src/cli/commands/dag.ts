/**
 * `planetary dag put|get|export|import`: IPLD nodes and CAR files.
 */
import { createReadStream } from 'node:fs'
import { codecByName } from '../../block/codecs.ts'
import { exportCar, importCar } from '../../dag/car.ts'
import { dagGet as getNode } from '../../dag/get.ts'
import { parsePath } from '../../dag/path.ts'
import { dagPut as putNode } from '../../dag/put.ts'
import { resolvePath, unixfsPbLookup } from '../../unixfs/exporter/resolve.ts'
import { boolFlag, stringFlag } from '../flags.ts'
import { formatCid } from '../format.ts'
import { daemonFor, readOptions, writeAll } from '../online.ts'
import { readInput } from '../read-input.ts'
import { BlockTooLargeError } from '../../block/errors.ts'
import { MAX_BLOCK_SIZE } from '../../dag/limits.ts'
import type { Command } from '../command.ts'

/** The most `dag put --allow-big-block` reads: one node is held in memory whole. */
const MAX_INPUT = 64 * 1024 * 1024

/** `dag put [--input-codec dag-json] [--store-codec dag-cbor] [--hash sha2-256] [<file>]` */
export const dagPut: Command = {
  name: 'dag put',
  summary: 'Store an IPLD node read from a file or stdin; print its CID',
  args: '[<file>]',
  minArgs: 0,
  maxArgs: 1,
  flags: {
    'input-codec': { type: 'string', value: '<codec>', description: 'Codec of the input (default dag-json)' },
    'store-codec': { type: 'string', value: '<codec>', description: 'Codec to store with (default dag-cbor)' },
    hash: { type: 'string', value: '<hash>', description: 'Hash function (default sha2-256)' },
    'allow-big-block': { type: 'boolean', description: 'Allow a node over 2 MiB (other peers will not exchange it)' }
  },
  async run (ctx, flags, [file]) {
    const allowBigBlock = boolFlag(flags, 'allow-big-block') === true
    const input = await readInput(file, ctx.stdin, allowBigBlock ? MAX_INPUT : MAX_BLOCK_SIZE, () => new BlockTooLargeError(`dag put input is over ${allowBigBlock ? MAX_INPUT : MAX_BLOCK_SIZE} bytes`))
    const repo = await ctx.repo()
    const cid = await putNode(repo.blockstore, input, {
      inputCodec: stringFlag(flags, 'input-codec') ?? 'dag-json',
      storeCodec: stringFlag(flags, 'store-codec') ?? 'dag-cbor',
      hash: stringFlag(flags, 'hash') ?? 'sha2-256',
      allowBigBlock
    })
    await repo.blockstore.sync()
    const text = formatCid(cid, ctx.cidBase)
    ctx.stdout.write(ctx.enc === 'json' ? JSON.stringify({ Cid: { '/': text } }) + '\n' : `${text}\n`)
  }
}

/** `dag get [--output-codec dag-json] <path>` */
export const dagGet: Command = {
  name: 'dag get',
  summary: 'Print an IPLD node (or a value inside one) in dag-json or another codec',
  args: '<cid | /ipfs/path>',
  minArgs: 1,
  maxArgs: 1,
  flags: { 'output-codec': { type: 'string', value: '<codec>', description: 'Codec to print with (default dag-json)' } },
  async run (ctx, flags, [text = '']) {
    const codec = codecByName(stringFlag(flags, 'output-codec') ?? 'dag-json')
    const daemon = await daemonFor(ctx)
    if (daemon !== undefined) await writeAll(ctx, daemon.bytes('dag/get', [text], { 'output-codec': codec.name, ...readOptions(ctx) }))
    else ctx.stdout.write(await getNode((await ctx.repo()).blockstore, parsePath(text), { outputCodec: codec.name, pbLookup: unixfsPbLookup }))
    if (codec.name === 'dag-json' || codec.name === 'json') ctx.stdout.write('\n')
  }
}

/** `dag export <cid>` */
export const dagExport: Command = {
  name: 'dag export',
  summary: 'Write the DAG under a CID to stdout as a CAR file',
  args: '<cid | /ipfs/path>',
  minArgs: 1,
  maxArgs: 1,
  flags: {},
  async run (ctx, _flags, [text = '']) {
    const daemon = await daemonFor(ctx)
    if (daemon !== undefined) {
      await writeAll(ctx, daemon.bytes('dag/export', [text], readOptions(ctx)))
      return
    }
    const repo = await ctx.repo()
    const { cid } = await resolvePath(repo.blockstore, parsePath(text))
    await writeAll(ctx, exportCar(repo.blockstore, cid))
  }
}

/** `dag import <file.car>...` */
export const dagImport: Command = {
  name: 'dag import',
  summary: 'Import the blocks of CAR files (or stdin); print their roots',
  args: '[<file.car>...]',
  minArgs: 0,
  maxArgs: Infinity,
  flags: {},
  async run (ctx, _flags, files) {
    const repo = await ctx.repo()
    const lines: string[] = []
    for (const file of files.length === 0 ? ['-'] : files) {
      const source = file === '-' ? ctx.stdin : createReadStream(file)
      const { roots, blocks, bytes } = await importCar(repo.blockstore, source as AsyncIterable<Uint8Array>)
      await repo.blockstore.sync()
      for (const root of roots) lines.push(ctx.enc === 'json' ? JSON.stringify({ Root: { Cid: { '/': formatCid(root, ctx.cidBase) } }, Stats: { BlockCount: blocks, BlockBytesCount: bytes } }) : `Imported ${blocks} blocks (${bytes} bytes); root ${formatCid(root, ctx.cidBase)}`)
    }
    ctx.stdout.write(lines.map((l) => l + '\n').join(''))
  }
}
