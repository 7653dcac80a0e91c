/**
 * CAR files: export a DAG (`dag export`) and import one (`dag import`),
 * with @ipld/car doing the format.
 *
 * Export streams CAR v1 in `walkDag` order (Kubo's). Import reads CAR v1 or
 * v2 from a stream with @ipld/car's streaming decoder, checking each
 * section's length before reading it (a block over MAX_BLOCK_SIZE, or
 * BIG_BLOCK_LIMIT with `allowBigBlock`, is a BlockTooLargeError, never
 * buffered), then that the block hashes to its
 * CID and decodes with its codec, and only then stores it. Anything wrong
 * with the CAR is an InvalidCarError; blocks stored before the bad one stay
 * (they are content-addressed), but the import fails.
 */
import { CarWriter } from '@ipld/car'
import { asyncIterableReader, limitReader, readBlockHead, readHeader } from '@ipld/car/decoder'
import { verifyBlock } from '../block/block.ts'
import { decodeWith } from '../block/codecs.ts'
import { BlockTooLargeError } from '../block/errors.ts'
import { InvalidCarError } from './errors.ts'
import { BIG_BLOCK_LIMIT, MAX_BLOCK_SIZE } from './limits.ts'
import { walkDag } from './walk.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { BytesReader } from '@ipld/car/decoder'
import type { CID } from 'multiformats/cid'

export { MAX_BLOCK_SIZE } from './limits.ts'
export { linksOf } from './links.ts'

/** The CAR v1 bytes of the DAG under `root`, streamed; stops walking when the consumer stops reading. */
export async function * exportCar (store: Pick<Blockstore, 'get'>, root: CID, options: AbortOptions = {}): AsyncIterable<Uint8Array> {
  const { writer, out } = CarWriter.create([root])
  const stop = new AbortController()
  const signal = options.signal === undefined ? stop.signal : AbortSignal.any([options.signal, stop.signal])
  const writing = (async () => {
    try {
      for await (const block of walkDag(store, root, { signal })) await writer.put(block)
    } finally {
      await writer.close()
    }
  })()
  writing.catch(() => {})
  const chunks = out[Symbol.asyncIterator]()
  let finished = false
  try {
    for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) yield next.value
    await writing
    finished = true
  } finally {
    if (!finished) {
      // the consumer stopped or the walk failed: stop walking, and let the writer's pending put drain
      stop.abort()
      void drain(chunks)
    }
  }
}

async function drain (chunks: AsyncIterator<Uint8Array>): Promise<void> {
  try {
    while ((await chunks.next()).done !== true) { /* discard */ }
  } catch {
    // the export has already failed or been abandoned; nothing is waiting for this
  }
}

/** What an import stored. */
export interface CarImport {
  /** The roots named in the CAR header (whether or not the CAR holds them). */
  roots: CID[]
  /** Blocks read and stored (a block present twice counts twice, as in Kubo). */
  blocks: number
  /** Bytes of those blocks. */
  bytes: number
}

/** Options of a CAR import. */
export interface ImportCarOptions extends AbortOptions {
  /** `--allow-big-block`: blocks up to BIG_BLOCK_LIMIT instead of MAX_BLOCK_SIZE. */
  allowBigBlock?: boolean
}

/** Verify and store every block of a CAR stream; InvalidCarError (or BlockTooLargeError) if anything is wrong. */
export async function importCar (store: Pick<Blockstore, 'put'>, car: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: ImportCarOptions = {}): Promise<CarImport> {
  const limit = options.allowBigBlock === true ? BIG_BLOCK_LIMIT : MAX_BLOCK_SIZE
  let reader = capped(asyncIterableReader((async function * () { yield * car })()), limit)
  const header = await carStep('not a CAR file', 0, async () => await readHeader(reader))
  if (header.version === 2) reader = limitReader(reader, header.dataSize - (reader.pos - header.dataOffset))
  let blocks = 0
  let bytes = 0
  while ((await carStep('bad CAR', blocks, async () => await reader.upTo(8))).byteLength > 0) {
    options.signal?.throwIfAborted()
    const { cid, blockLength } = await carStep('bad CAR', blocks, async () => await readBlockHead(reader))
    if (blockLength > limit) throw new BlockTooLargeError(`CAR block ${cid.toString()} is ${blockLength} bytes, over the ${limit}-byte limit${limit === MAX_BLOCK_SIZE ? ' (allow-big-block raises it to ' + String(BIG_BLOCK_LIMIT) + '; other peers will not exchange such a block)' : ''}`)
    if (blockLength < 0) throw new InvalidCarError(`bad CAR after ${blocks} blocks: section shorter than its CID`)
    const block = await carStep('bad CAR', blocks, async () => await reader.exactly(blockLength, true))
    await carStep('bad CAR', blocks, async () => {
      verifyBlock(cid, block)
      decodeWith(cid.code, block)
    })
    await store.put(cid, block, options)
    blocks++
    bytes += block.byteLength
  }
  return { roots: header.roots, blocks, bytes }
}

/** Run one decoding step; any failure of it is an InvalidCarError. */
async function carStep<T> (what: string, blocks: number, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    // I/O errors of the source and aborts are not the CAR's fault
    if (err instanceof InvalidCarError || (err as Error).name === 'AbortError' || Object.hasOwn(err as object, 'syscall')) throw err
    const at = what === 'bad CAR' ? ` after ${blocks} blocks` : ''
    throw new InvalidCarError(`${what}${at}: ${(err as Error).message}`, { cause: err })
  }
}

/** A reader that refuses any single read larger than `limit` (a block's most), so a bad length cannot make it buffer without bound. */
function capped (reader: BytesReader, limit: number): BytesReader {
  return {
    upTo: async (length) => await reader.upTo(length),
    exactly: async (length, seek) => {
      if (length > limit) throw new InvalidCarError(`bad CAR: a ${length}-byte field is over the ${limit}-byte limit`)
      return await reader.exactly(length, seek)
    },
    seek: (length) => { reader.seek(length) },
    get pos () { return reader.pos }
  }
}
