/**
 * `planetary add`: import files into the repo as UnixFS, Kubo's flags and
 * output. Nothing is reported until every block is durable.
 */
import { lstat, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { parseCid } from '../../block/block.ts'
import { PinSet } from '../../pin/pins.ts'
import { multipartBody } from '../multipart-upload.ts'
import { daemonFor } from '../online.ts'
import { UsageError } from '../errors.ts'
import { boolFlag, intFlag, stringFlag } from '../flags.ts'
import { formatCid } from '../format.ts'
import { ProgressBar } from '../progress.ts'
import type { AddOptions, AddSource, AddedEntry } from '../../unixfs/importer/add-paths.ts'
import type { Command, CommandContext, Flags } from '../command.ts'
import type { RpcClient } from '../rpc-client.ts'

/** `add [flags] [<path>...]` */
export const add: Command = {
  name: 'add',
  summary: 'Add files or directories (or stdin) to the repo and print their CIDs',
  args: '[<path>...]',
  minArgs: 0,
  maxArgs: Infinity,
  help: 'Reads stdin when no path is given. Same CIDs as Kubo for the same bytes and flags.',
  flags: {
    recursive: { type: 'boolean', short: 'r', description: 'Add directories recursively' },
    hidden: { type: 'boolean', short: 'H', description: 'Include files whose names start with a dot' },
    quiet: { type: 'boolean', short: 'q', description: 'Print only CIDs' },
    quieter: { type: 'boolean', short: 'Q', description: 'Print only the final root CID' },
    silent: { type: 'boolean', description: 'Print nothing' },
    progress: { type: 'boolean', short: 'p', description: 'Show a progress bar on stderr (default: when stderr is a terminal)' },
    'only-hash': { type: 'boolean', short: 'n', description: 'Only compute the CIDs; store nothing' },
    pin: { type: 'boolean', description: 'Pin what was added, recursively (default true; --pin=false to skip)' },
    'wrap-with-directory': { type: 'boolean', short: 'w', description: 'Wrap the added entries in a directory' },
    trickle: { type: 'boolean', short: 't', description: 'Use the trickle DAG layout' },
    chunker: { type: 'string', short: 's', value: '<spec>', description: 'size-<bytes>, rabin[-<min>-<avg>-<max>] or buzhash (default size-262144)' },
    'raw-leaves': { type: 'boolean', description: 'Store leaves as raw blocks (default: with CIDv1)' },
    'cid-version': { type: 'string', value: '<0|1>', description: 'CID version (default 0)' },
    hash: { type: 'string', value: '<name>', description: 'Hash function: sha2-256 (default), sha2-512, blake2b-256, ...' },
    inline: { type: 'boolean', description: 'Inline small blocks into their CIDs (identity hash)' },
    'inline-limit': { type: 'string', value: '<bytes>', description: 'Largest block to inline (default 32)' },
    'max-file-links': { type: 'string', value: '<n>', description: 'Links per file node (default 174)' },
    'preserve-mode': { type: 'boolean', description: 'Store each entry\'s POSIX permissions' },
    'preserve-mtime': { type: 'boolean', description: 'Store each entry\'s modification time' },
    mode: { type: 'string', value: '<octal>', description: 'Store this POSIX mode on every entry (e.g. 0644)' },
    mtime: { type: 'string', value: '<seconds>', description: 'Store this modification time (Unix seconds) on every entry' },
    'mtime-nsecs': { type: 'string', value: '<ns>', description: 'Nanoseconds of --mtime' },
    'stdin-name': { type: 'string', value: '<name>', description: 'Name of the entry read from stdin' }
  },
  async run (ctx, flags, paths) {
    const daemon = await daemonFor(ctx)
    if (daemon !== undefined) {
      await addThroughDaemon(ctx, daemon, flags, paths)
      return
    }
    const repo = await ctx.repo()
    const { resolveImporterOptions } = await import('../../unixfs/importer/resolve-options.ts')
    const { addSources } = await import('../../unixfs/importer/add-paths.ts')
    const importer = resolveImporterOptions(repo.config.Import, {
      cidVersion: intFlag(flags, 'cid-version'),
      rawLeaves: boolFlag(flags, 'raw-leaves'),
      hash: stringFlag(flags, 'hash'),
      chunker: stringFlag(flags, 'chunker'),
      trickle: boolFlag(flags, 'trickle'),
      maxFileLinks: intFlag(flags, 'max-file-links', 2),
      inline: boolFlag(flags, 'inline'),
      inlineLimit: intFlag(flags, 'inline-limit', 1)
    })
    const options = addOptions(flags)
    const sources: AddSource[] = paths.length === 0
      ? [{ name: stringFlag(flags, 'stdin-name') ?? '', content: ctx.stdin }]
      : paths.map((path) => ({ path }))
    const bar = await progressBar(ctx, flags, paths, options)
    if (bar !== undefined) options.onBytes = (n) => { bar.advance(n) }
    const entries: AddedEntry[] = []
    options.onEntry = (entry) => entries.push(entry)
    const onlyHash = boolFlag(flags, 'only-hash') === true
    const store = onlyHash ? { put: async () => {} } : repo.blockstore
    const roots = await addSources(store, sources, importer, options)
    if (!onlyHash) {
      await repo.blockstore.sync()
      // The blocks are durable; now the pins that keep them from GC, as Kubo's add does.
      if (boolFlag(flags, 'pin') !== false) {
        const pins = new PinSet(repo.records('pins'))
        for (const root of roots) await pins.put({ cid: root.cid, type: 'recursive', name: '' })
      }
    }
    bar?.finish()
    printEntries(ctx, flags, entries, roots)
  }
}

/** The add flags the RPC takes, under Kubo's query names. */
const QUERY_FLAGS = ['cid-version', 'raw-leaves', 'hash', 'chunker', 'trickle', 'max-file-links', 'inline', 'inline-limit', 'only-hash', 'pin', 'wrap-with-directory']

/** While a daemon runs (it holds the repo), the files stream to it as Kubo's multipart upload. */
async function addThroughDaemon (ctx: CommandContext, daemon: RpcClient, flags: Flags, paths: string[]): Promise<void> {
  const options = addOptions(flags)
  const query: Record<string, string | boolean> = {}
  for (const name of QUERY_FLAGS) {
    const value = flags[name]
    if (value !== undefined) query[name] = value
  }
  const bar = await progressBar(ctx, flags, paths, options)
  if (bar !== undefined) query.progress = true
  const { contentType, body } = multipartBody(paths, ctx.stdin, stringFlag(flags, 'stdin-name') ?? '', {
    recursive: options.recursive === true,
    hidden: options.hidden === true,
    preserveMode: options.preserveMode === true,
    preserveMtime: options.preserveMtime === true
  })
  const entries: AddedEntry[] = []
  let sent = 0
  for await (const line of daemon.upload('add', query, contentType, body)) {
    const l = line as { Name: string, Hash?: string, Size?: string, Bytes?: number }
    if (l.Hash === undefined) {
      bar?.advance((l.Bytes ?? sent) - sent)
      sent = l.Bytes ?? sent
      continue
    }
    entries.push({ path: l.Name, cid: parseCid(l.Hash), size: 0, dagSize: Number(l.Size ?? 0) })
  }
  bar?.finish()
  const wrapped = boolFlag(flags, 'wrap-with-directory') === true
  const roots = wrapped ? entries.slice(-1) : entries.filter((e) => !e.path.includes('/'))
  printEntries(ctx, flags, wrapped ? entries.map((e, i) => i === entries.length - 1 ? { ...e, path: '' } : e) : entries, roots)
}

function addOptions (flags: Flags): AddOptions {
  const options: AddOptions = {
    recursive: boolFlag(flags, 'recursive') === true,
    hidden: boolFlag(flags, 'hidden') === true,
    wrap: boolFlag(flags, 'wrap-with-directory') === true,
    preserveMode: boolFlag(flags, 'preserve-mode') === true,
    preserveMtime: boolFlag(flags, 'preserve-mtime') === true
  }
  const mode = stringFlag(flags, 'mode')
  if (mode !== undefined) {
    if (!/^0?[0-7]{1,4}$/.test(mode)) throw new UsageError(`--mode must be an octal mode like 0644, got "${mode}"`)
    options.mode = Number.parseInt(mode, 8)
  }
  const mtime = stringFlag(flags, 'mtime')
  const nsecs = intFlag(flags, 'mtime-nsecs')
  if (mtime !== undefined) {
    if (!/^-?\d+$/.test(mtime)) throw new UsageError(`--mtime must be whole seconds since the epoch, got "${mtime}"`)
    if (nsecs !== undefined && nsecs > 999_999_999) throw new UsageError('--mtime-nsecs must be below 1000000000')
    options.mtime = { secs: Number(mtime), nsecs: nsecs ?? 0 }
  } else if (nsecs !== undefined) {
    throw new UsageError('--mtime-nsecs needs --mtime')
  }
  return options
}

async function progressBar (ctx: CommandContext, flags: Flags, paths: string[], options: AddOptions): Promise<ProgressBar | undefined> {
  const wanted = boolFlag(flags, 'progress') ?? (ctx.interactive && boolFlag(flags, 'silent') !== true)
  if (!wanted || paths.length === 0) return undefined
  let total = 0
  for (const path of paths) total += await sizeOf(path, options)
  return new ProgressBar(ctx.stderr, total)
}

async function sizeOf (path: string, options: AddOptions): Promise<number> {
  const info = await lstat(path)
  if (info.isFile()) return info.size
  if (!info.isDirectory() || options.recursive !== true) return 0
  let total = 0
  for (const name of await readdir(path)) {
    if (options.hidden === true || !name.startsWith('.')) total += await sizeOf(join(path, name), options)
  }
  return total
}

function printEntries (ctx: CommandContext, flags: Flags, entries: AddedEntry[], roots: AddedEntry[]): void {
  if (boolFlag(flags, 'silent') === true) return
  const root = roots[roots.length - 1]
  const shown = boolFlag(flags, 'quieter') === true ? (root === undefined ? [] : [root]) : entries
  const quiet = boolFlag(flags, 'quiet') === true || boolFlag(flags, 'quieter') === true
  for (const entry of shown) {
    const cid = formatCid(entry.cid, ctx.cidBase)
    if (ctx.enc === 'json') ctx.stdout.write(JSON.stringify({ Name: entry.path, Hash: cid, Size: String(entry.dagSize) }) + '\n')
    else if (quiet) ctx.stdout.write(`${cid}\n`)
    else ctx.stdout.write(entry.path === '' ? `added ${cid}\n` : `added ${cid} ${entry.path}\n`)
  }
}
