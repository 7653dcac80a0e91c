/**
 * `planetary dag put|get|export|import`: IPLD nodes and CAR files; while a
 * daemon runs (it holds the repo) each goes through its RPC.
 */
import { createReadStream } from 'node:fs'
import { codecByName } from '../../block/codecs.ts'
import { exportCar, importCar } from '../../dag/car.ts'
import { dagGet as getNode } from '../../dag/get.ts'
import { parsePath } from '../../dag/path.ts'
import { dagPut as putNode } from '../../dag/put.ts'
import { resolvePath, unixfsPbLookup } from '../../unixfs/exporter/resolve.ts'
import { parseCid } from '../../block/block.ts'
import { PinSet } from '../../pin/pins.ts'
import { pinAdd } from '../../pin/pinning.ts'
import { RequestFailedError, UnpinnedRootsError } from '../errors.ts'
import { boolFlag, stringFlag } from '../flags.ts'
import { formatCid } from '../format.ts'
import { multipartBody, PLAIN_UPLOAD } from '../multipart-upload.ts'
import { daemonFor, readOptions, writeAll } from '../online.ts'
import { readInput } from '../read-input.ts'
import { BlockTooLargeError } from '../../block/errors.ts'
import { MAX_BLOCK_SIZE } from '../../dag/limits.ts'
import type { Command, CommandContext } from '../command.ts'
import type { CID } from 'multiformats/cid'

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
    const options = {
      inputCodec: stringFlag(flags, 'input-codec') ?? 'dag-json',
      storeCodec: stringFlag(flags, 'store-codec') ?? 'dag-cbor',
      hash: stringFlag(flags, 'hash') ?? 'sha2-256',
      allowBigBlock
    }
    const daemon = await daemonFor(ctx)
    let cid: CID | undefined
    if (daemon !== undefined) {
      const query = { 'input-codec': options.inputCodec, 'store-codec': options.storeCodec, hash: options.hash, 'allow-big-block': allowBigBlock }
      const { contentType, body } = multipartBody(file === undefined || file === '-' ? [] : [file], ctx.stdin, '', PLAIN_UPLOAD)
      for await (const line of daemon.upload('dag/put', query, contentType, body)) cid = parseCid((line as { Cid: { '/': string } }).Cid['/'])
      if (cid === undefined) throw new RequestFailedError('the daemon stored no node')
    } else {
      const input = await readInput(file, ctx.stdin, allowBigBlock ? MAX_INPUT : MAX_BLOCK_SIZE, () => new BlockTooLargeError(`dag put input is over ${allowBigBlock ? MAX_INPUT : MAX_BLOCK_SIZE} bytes`))
      const repo = await ctx.repo()
      cid = await putNode(repo.blockstore, input, options)
      await repo.blockstore.sync()
    }
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

/** Kubo's `dag import` lines: a root and whether it was pinned, or the totals. */
type ImportLine = { Root: { Cid: { '/': string }, PinErrorMsg: string } } | { Stats: { BlockCount: number, BlockBytesCount: number } }

/** `dag import [--pin-roots=false] [--allow-big-block] <file.car>...` */
export const dagImport: Command = {
  name: 'dag import',
  summary: 'Import the blocks of CAR files (or stdin) and pin their roots',
  args: '[<file.car>...]',
  minArgs: 0,
  maxArgs: Infinity,
  flags: {
    'pin-roots': { type: 'boolean', description: 'Pin the roots once every CAR is read (default true); a root whose DAG is incomplete is reported' },
    'allow-big-block': { type: 'boolean', description: 'Accept blocks over 2 MiB, up to 4 MiB (other peers will not exchange them)' }
  },
  async run (ctx, flags, files) {
    const pinRoots = boolFlag(flags, 'pin-roots') !== false
    const allowBigBlock = boolFlag(flags, 'allow-big-block') === true
    const daemon = await daemonFor(ctx)
    const lines: ImportLine[] = []
    if (daemon !== undefined) {
      const { contentType, body } = multipartBody(files.filter((f) => f !== '-'), ctx.stdin, '', PLAIN_UPLOAD)
      for await (const line of daemon.upload('dag/import', { 'pin-roots': pinRoots, stats: true, 'allow-big-block': allowBigBlock }, contentType, body)) lines.push(line as ImportLine)
    } else {
      lines.push(...await importOffline(ctx, files, pinRoots, allowBigBlock))
    }
    for (const line of lines) {
      if (ctx.enc === 'json') ctx.stdout.write(JSON.stringify(line) + '\n')
      else if ('Stats' in line) ctx.stdout.write(`Imported ${line.Stats.BlockCount} blocks (${line.Stats.BlockBytesCount} bytes)\n`)
      else ctx.stdout.write(`Pinned root\t${formatCid(parseCid(line.Root.Cid['/']), ctx.cidBase)}\t${line.Root.PinErrorMsg === '' ? 'success' : `FAILED: ${line.Root.PinErrorMsg}`}\n`)
    }
    const failed = lines.filter((l) => 'Root' in l && l.Root.PinErrorMsg !== '').length
    if (failed > 0) throw new UnpinnedRootsError(`unable to pin all roots: ${failed} of ${lines.length - 1} failed`)
  }
}

/** `dag import` on the repo itself: every CAR stored, then the roots pinned from what the repo holds, as the daemon does. */
async function importOffline (ctx: CommandContext, files: string[], pinRoots: boolean, allowBigBlock: boolean): Promise<ImportLine[]> {
  const repo = await ctx.repo()
  const roots = new Map<string, CID>()
  let blocks = 0
  let bytes = 0
  for (const file of files.length === 0 ? ['-'] : files) {
    const source = file === '-' ? ctx.stdin : createReadStream(file)
    const car = await importCar(repo.blockstore, source as AsyncIterable<Uint8Array>, { allowBigBlock })
    for (const root of car.roots) roots.set(root.toV1().toString(), root)
    blocks += car.blocks
    bytes += car.bytes
  }
  await repo.blockstore.sync()
  const lines: ImportLine[] = []
  const pins = new PinSet(repo.records('pins'))
  for (const root of pinRoots ? roots.values() : []) {
    let message = ''
    try {
      await pinAdd(repo.blockstore, pins, root, { recursive: true })
    } catch (err) {
      message = (err as Error).message
    }
    lines.push({ Root: { Cid: { '/': root.toString() }, PinErrorMsg: message } })
  }
  lines.push({ Stats: { BlockCount: blocks, BlockBytesCount: bytes } })
  return lines
}
