/**
 * Import one file's bytes as a UnixFS file DAG in the chosen layout.
 */
import { ChunkSource } from './chunk-source.ts'
import { buildBalanced } from './balanced.ts'
import { buildTrickle } from './trickle.ts'
import type { BlockWriter } from './block-writer.ts'
import type { EntryMeta, FilePart } from './file-node.ts'
import type { ImporterOptions } from './options.ts'

/** Chunk, hash and store `bytes`; returns the file's root. */
export async function importFileBytes (writer: BlockWriter, bytes: AsyncIterable<Uint8Array>, options: ImporterOptions, meta: EntryMeta = {}, onBytes?: (n: number) => void): Promise<FilePart> {
  const chunks = new ChunkSource(bytes, options.chunker(writer.pool), onBytes)
  const build = options.layout === 'trickle' ? buildTrickle : buildBalanced
  return await build(writer, chunks, options.rawLeaves, options.maxLinks, meta)
}
