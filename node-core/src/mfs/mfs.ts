/**
 * The mutable file system: Kubo's `ipfs files`, the tree of the Files page.
 *
 * The tree is a UnixFS DAG; its root CID is a durable record
 * (`records('mfs')`, name `root`). Every edit builds a new tree beside the
 * old one, then commits it: its blocks are written and synced first, the
 * root record is replaced (atomically, fsynced) after. A crash at any
 * point leaves the old tree or the new one, each complete. Edits run one
 * at a time, holding the GC lock shared until the new root is recorded,
 * so a collection never sees an edit half done; reads use the root as it
 * was when they started. `root()` is what GC keeps besides the pins.
 */
import * as dagPb from '@ipld/dag-pb'
import * as raw from 'multiformats/codecs/raw'
import { Batch } from './batch.ts'
import { writeEmptyDir } from './dir-write.ts'
import { contentPathName, fetchSource, isContentPath } from './copy-source.ts'
import { chcidOp, mkdirOp, mvOp, putOp, rmOp, writeOp } from './edit-ops.ts'
import { MfsCorruptRootError, MfsInvalidOptionError, MfsInvalidPathError, MfsNotUnixFSError } from './errors.ts'
import { formatMfsPath, parseMfsPath } from './path.ts'
import { prefixFromOptions } from './prefix.ts'
import { lsPath, readPath, statPath } from './read-ops.ts'
import { commitRoot, readRoot } from './root-record.ts'
import { lookup } from './tree.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { Release, GcLock } from '../gc/lock.ts'
import type { RecordStore } from '../repo/records.ts'
import type { ImporterOptions } from '../unixfs/importer/options.ts'
import type { MfsCpOptions, MfsMkdirOptions, MfsPutOptions, MfsRmOptions, MfsWriteOptions } from './options.ts'
import type { NodeRef } from './file/fs-node.ts'
import type { PrefixOptions } from './prefix.ts'
import type { MfsEntry, MfsLsOptions, MfsReadOptions, MfsStat } from './read-ops.ts'
import type { EditContext } from './tree.ts'
import type { CID } from 'multiformats/cid'

export type { MfsEntry, MfsEntryType, MfsLsOptions, MfsReadOptions, MfsStat } from './read-ops.ts'
export type { MfsCpOptions, MfsMkdirOptions, MfsPutOptions, MfsRmOptions, MfsWriteOptions } from './options.ts'
export { ROOT_RECORD } from './root-record.ts'

/** What the MFS is built on. */
export interface MfsInit {
  /** The local blockstore: the tree's blocks are written and read here. */
  store: Blockstore
  /** Where `cp /ipfs/...` reads from (a fetching store, e.g. a Bitswap session); default `store`. */
  reader?: Pick<Blockstore, 'get'>
  /** Durable records for the root (`repo.records('mfs')`). */
  records: RecordStore
  /** Held shared while an edit's blocks are not yet reachable from the root. */
  lock: GcLock
  /** From `Import.*`: the prefix of a new root (CID version, hash) and when directories shard. */
  importer: ImporterOptions
  /** Called after each new root is durable (the node's `files:changed` event). */
  onCommit?: (root: CID) => void
}

/** The MFS of one repo. */
export class Mfs {
  readonly #init: MfsInit
  #root: CID | undefined
  #loading: Promise<void> | undefined
  #tail: Promise<unknown> = Promise.resolve()

  constructor (init: MfsInit) {
    this.#init = init
  }

  /** Load the root (creating the empty one on first use). Methods call it themselves. */
  async start (): Promise<void> {
    this.#loading ??= this.#load()
    try {
      await this.#loading
    } catch (err) {
      this.#loading = undefined
      throw err
    }
  }

  /** Wait for edits in flight. */
  async stop (): Promise<void> {
    await this.#tail.catch(() => {})
  }

  /** The committed root CID (GC's extra root). */
  async root (): Promise<CID> {
    await this.start()
    return this.#current()
  }

  async stat (path: string, options: AbortOptions = {}): Promise<MfsStat> {
    return await statPath(this.#init.store, await this.root(), parseMfsPath(path), options)
  }

  async ls (path = '/', options: MfsLsOptions = {}): Promise<MfsEntry[]> {
    return await lsPath(this.#init.store, await this.root(), parseMfsPath(path), options)
  }

  /** The file's bytes; errors (missing, not a file, offset past the end) come before the stream. */
  async read (path: string, options: MfsReadOptions = {}): Promise<AsyncIterable<Uint8Array>> {
    return await readPath(this.#init.store, await this.root(), parseMfsPath(path), options)
  }

  /** The CID of the entry at `path` (the root for `/`), once everything is durable. */
  async flush (path = '/', options: AbortOptions = {}): Promise<CID> {
    const root = await this.root()
    const { cid } = await lookup(this.#init.store, root, parseMfsPath(path).segments)
    await this.#init.store.sync(options)
    return cid
  }

  async mkdir (path: string, options: MfsMkdirOptions = {}): Promise<CID> {
    const parsed = parseMfsPath(path)
    const prefix = prefixFromOptions(options)
    return await this.#edit(async (root, ctx) => await mkdirOp(ctx, root, parsed, options.parents === true, prefix), options)
  }

  async write (path: string, source: AsyncIterable<Uint8Array>, options: MfsWriteOptions = {}): Promise<CID> {
    const parsed = parseMfsPath(path)
    const offset = options.offset ?? 0
    if (!Number.isSafeInteger(offset) || offset < 0) throw new MfsInvalidOptionError(`cannot have negative write offset (got ${String(offset)})`)
    if (options.count !== undefined && (!Number.isSafeInteger(options.count) || options.count < 0)) {
      throw new MfsInvalidOptionError(`cannot have negative byte count (got ${String(options.count)})`)
    }
    const prefix = prefixFromOptions(options)
    return await this.#edit(async (root, ctx) => await writeOp(ctx, root, parsed, source, {
      create: options.create === true,
      parents: options.parents === true,
      truncate: options.truncate === true,
      offset,
      ...(options.count === undefined ? {} : { count: options.count }),
      ...(options.rawLeaves === undefined ? {} : { rawLeaves: options.rawLeaves }),
      ...(prefix === undefined ? {} : { prefix }),
      ...(options.signal === undefined ? {} : { signal: options.signal })
    }), options)
  }

  /**
   * Copy `from` (an MFS path, or `/ipfs/<cid>[/...]`) to `to`; `to` ending
   * in `/` means "into that directory, under the source's name". A content
   * path is fetched whole through the reader and stored first.
   */
  async cp (from: string, to: string, options: MfsCpOptions = {}): Promise<CID> {
    const content = isContentPath(from)
    const source = content ? undefined : parseMfsPath(from)
    let dest = parseMfsPath(to)
    if (dest.trailingSlash || dest.segments.length === 0) {
      const name = source === undefined ? contentPathName(from) : source.segments[source.segments.length - 1]
      if (name === undefined || name === '') throw new MfsInvalidPathError(`cannot copy ${from} into ${to}: it has no name`)
      dest = parseMfsPath(formatMfsPath([...dest.segments, name]))
    }
    const parents = options.parents === true
    if (source !== undefined) {
      return await this.#edit(async (root, ctx) => {
        const found = await lookup(ctx.batch, root, source.segments)
        return await putOp(ctx, root, dest, { cid: found.cid, dagSize: found.tsize || (await statPath(ctx.batch, root, source)).cumulativeSize }, parents)
      }, options)
    }
    await this.start()
    const release = await this.#init.lock.shared()
    try {
      const node = await fetchSource(options.reader ?? this.#init.reader ?? this.#init.store, this.#init.store, from, options)
      return await this.#edit(async (root, ctx) => await putOp(ctx, root, dest, node, parents), options, release)
    } finally {
      release()
    }
  }

  /**
   * Link `node`, whose whole DAG is already in the store (an add's root), at
   * `to`, which must not exist; nothing is read or fetched. MfsNotUnixFSError
   * unless it is dag-pb or raw.
   */
  async put (to: string, node: NodeRef, options: MfsPutOptions = {}): Promise<CID> {
    return await this.putAll([{ to, node }], options)
  }

  /**
   * Link several nodes as `put` does, in one edit: every place is free and
   * every node linked, or (the first error thrown) the tree is left as it
   * was, whatever other edits run meanwhile.
   */
  async putAll (entries: Array<{ to: string, node: NodeRef }>, options: MfsPutOptions = {}): Promise<CID> {
    const places = entries.map(({ to, node }) => {
      const dest = parseMfsPath(to)
      if (node.cid.code !== dagPb.code && node.cid.code !== raw.code) throw new MfsNotUnixFSError(`${dest.text}: ${node.cid.toString()} is not UnixFS (dag-pb or raw codec)`)
      return { dest, node }
    })
    return await this.#edit(async (root, ctx) => {
      let next = root
      for (const { dest, node } of places) next = await putOp(ctx, next, dest, node, options.parents === true)
      return next
    }, options, options.lockHeld === true ? () => {} : undefined)
  }

  async mv (from: string, to: string, options: AbortOptions = {}): Promise<CID> {
    const src = parseMfsPath(from)
    const dst = parseMfsPath(to)
    return await this.#edit(async (root, ctx) => await mvOp(ctx, root, src, dst), options)
  }

  async rm (path: string, options: MfsRmOptions = {}): Promise<CID> {
    const parsed = parseMfsPath(path)
    return await this.#edit(async (root, ctx) => await rmOp(ctx, root, parsed, options.recursive === true, options.force === true), options)
  }

  /** Re-address the directory at `path` with a CID version and hash; nothing to do when neither is given. */
  async chcid (path = '/', options: PrefixOptions & AbortOptions = {}): Promise<CID> {
    const parsed = parseMfsPath(path)
    const prefix = prefixFromOptions(options)
    return await this.#edit(async (root, ctx) => prefix === undefined ? root : await chcidOp(ctx, root, parsed, prefix), options)
  }

  /**
   * Run one edit after those before it; commit its root if it changed.
   * Returns the committed root. An edit holds the GC lock shared before it
   * queues: one queued without it could wait for a waiting GC, which waits
   * for the edits ahead, among them any whose caller holds the lock (`held`).
   */
  async #edit (fn: (root: CID, ctx: EditContext) => Promise<CID>, options: AbortOptions, held?: Release): Promise<CID> {
    await this.start()
    const release = held === undefined ? await this.#init.lock.shared() : undefined
    try {
      const run = this.#tail.then(async () => {
        options.signal?.throwIfAborted()
        const batch = new Batch(this.#init.store, this.#init.importer, options)
        const root = this.#current()
        const next = await fn(root, { batch, hamt: this.#init.importer.hamt })
        await batch.drain()
        if (!next.equals(root)) await this.#commit(next)
        return next
      })
      this.#tail = run.catch(() => {})
      return await run
    } finally {
      release?.()
    }
  }

  async #commit (root: CID): Promise<void> {
    await commitRoot(this.#init.store, this.#init.records, root)
    const changed = this.#root === undefined || !this.#root.equals(root)
    this.#root = root
    if (changed) this.#init.onCommit?.(root)
  }

  #current (): CID {
    if (this.#root === undefined) throw new MfsCorruptRootError('the MFS root is not loaded')
    return this.#root
  }

  async #load (): Promise<void> {
    const stored = await readRoot(this.#init.store, this.#init.records)
    if (stored !== undefined) {
      this.#root = stored
      return
    }
    await this.#init.lock.withShared(async () => {
      const batch = new Batch(this.#init.store, this.#init.importer)
      const { cidVersion, hasher, hamt } = this.#init.importer
      const empty = await writeEmptyDir(batch, { version: cidVersion, hasher }, hamt)
      await batch.drain()
      await this.#commit(empty.cid)
    })
  }
}
