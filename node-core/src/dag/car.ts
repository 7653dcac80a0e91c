/**
 * CAR v1: export a DAG (`dag export`) and import one (`dag import`), with
 * @ipld/car doing the format. Export walks depth first, each block once,
 * links in order (as Kubo's `dag export`). Import checks every block
 * against its CID and the 2 MiB block limit before storing it.
 */
import { CarBlockIterator, CarWriter } from '@ipld/car'
import * as dagPb from '@ipld/dag-pb'
import { CID } from 'multiformats/cid'
import { verifyBlock } from '../block/block.ts'
import { decodeWith } from '../block/codecs.ts'
import { BlockTooLargeError } from '../block/errors.ts'
import { InvalidCarError } from './errors.ts'
import { loadBytes } from './load.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'

/** Blocks larger than this are refused, as Bitswap would. */
export const MAX_BLOCK_SIZE = 2 * 1024 * 1024

/** The CAR bytes of the DAG under `root`, streamed. */
export async function * exportCar (store: Pick<Blockstore, 'get'>, root: CID, options: AbortOptions = {}): AsyncIterable<Uint8Array> {
  const { writer, out } = CarWriter.create([root])
  const writing = (async () => {
    try {
      const seen = new Set<string>()
      const visit = async (cid: CID): Promise<void> => {
        const key = cid.toString()
        if (seen.has(key)) return
        seen.add(key)
        const bytes = await loadBytes(store, cid, options)
        await writer.put({ cid, bytes })
        for (const link of linksOf(cid, bytes)) await visit(link)
      }
      await visit(root)
    } finally {
      await writer.close()
    }
  })()
  yield * out
  await writing
}

/** The CIDs a block links to, in order. */
export function linksOf (cid: CID, bytes: Uint8Array): CID[] {
  if (cid.code === dagPb.code) return (decodeWith(cid.code, bytes) as dagPb.PBNode).Links.map((l) => l.Hash)
  if (cid.code === 0x55) return []
  const links: CID[] = []
  const walk = (value: unknown): void => {
    const asCid = CID.asCID(value)
    if (asCid !== null) links.push(asCid)
    else if (Array.isArray(value)) value.forEach(walk)
    else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) Object.values(value).forEach(walk)
  }
  walk(decodeWith(cid.code, bytes))
  return links
}

/** What an import stored. */
export interface CarImport {
  roots: CID[]
  blocks: number
}

/** Verify and store every block of a CAR stream; InvalidCarError if anything is wrong. */
export async function importCar (store: Pick<Blockstore, 'put'>, car: AsyncIterable<Uint8Array>, options: AbortOptions = {}): Promise<CarImport> {
  let iterator: CarBlockIterator
  try {
    iterator = await CarBlockIterator.fromIterable(car)
  } catch (err) {
    throw new InvalidCarError(`not a CAR file: ${(err as Error).message}`)
  }
  const roots = await iterator.getRoots()
  let blocks = 0
  try {
    for await (const { cid, bytes } of iterator) {
      options.signal?.throwIfAborted()
      if (bytes.byteLength > MAX_BLOCK_SIZE) throw new BlockTooLargeError(`block ${cid.toString()} is ${bytes.byteLength} bytes, over the ${MAX_BLOCK_SIZE}-byte limit`)
      verifyBlock(cid, bytes)
      await store.put(cid, bytes, options)
      blocks++
    }
  } catch (err) {
    if (err instanceof BlockTooLargeError || (err as Error).name === 'AbortError') throw err
    throw new InvalidCarError(`bad CAR after ${blocks} blocks: ${(err as Error).message}`)
  }
  return { roots, blocks }
}
