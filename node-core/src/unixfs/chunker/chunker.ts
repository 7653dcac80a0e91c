/**
 * The Chunker interface: how a file's byte stream is cut into leaves.
 *
 * A chunker is stateful and used for one file. The importer feeds it the
 * file's bytes in whatever pieces it reads (the caller may reuse the buffer
 * it passes once `push` returns) and gets back the chunks those bytes
 * completed. Every returned chunk is a fresh Uint8Array that the caller may
 * keep. `end` returns the chunks the remaining bytes make (none when no
 * bytes remain).
 */
export interface Chunker {
  push(bytes: Uint8Array): Uint8Array[]
  end(): Uint8Array[]
}

/** Where a chunker may take chunk buffers from, instead of allocating. */
export interface ChunkBuffers {
  acquire(size: number): Uint8Array
}

/**
 * Makes a fresh Chunker for each file of an import. A chunker may take its
 * chunks from `buffers`; those it returns must still be its own to give.
 */
export type ChunkerFactory = (buffers?: ChunkBuffers) => Chunker
