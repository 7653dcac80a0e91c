// Kubo's size-N chunker against `boxoSizeSplitter`, which follows boxo
// chunker/splitting.go sizeSplitterv2.NextBytes: io.ReadFull into an N-byte
// buffer; a short read (io.ErrUnexpectedEOF) is the last chunk; io.EOF with
// nothing read ends without a chunk, so an empty input has none.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createFixedSizeChunker } from '../../../src/unixfs/chunker/fixed.ts'
import { CHUNK_SIZE_LIMIT } from '../../../src/unixfs/chunker/parse.ts'
import { chunks, keystream, lengths } from './support.ts'

/** Chunk lengths of boxo's sizeSplitterv2 over `length` bytes, NextBytes until io.EOF. */
function boxoSizeSplitter (length: number, size: number): number[] {
  const out: number[] = []
  let read = 0
  for (;;) {
    const n = Math.min(size, length - read) // io.ReadFull(r, full)
    read += n
    if (n === size) out.push(n) // err == nil: the full buffer
    else if (n > 0) return [...out, n] // io.ErrUnexpectedEOF: the short last chunk
    else return out // io.EOF (or a short read of nothing): no chunk
  }
}

const data = keystream('fixed-size input', 3 * 1024 * 1024 + 4321)

test('cuts as boxo\'s size splitter, for every size class and every end case', () => {
  for (const size of [1, 7, 4096, 262144, 1048576, CHUNK_SIZE_LIMIT]) {
    const most = size < 4096 ? 65536 + 3 : data.byteLength // tiny chunks: enough of them
    for (const length of [0, 1, size - 1, size, size + 1, 2 * size, most]) {
      if (length > data.byteLength) continue
      const piece = size < 4096 ? 4093 : 1 << 20
      assert.deepEqual(lengths(createFixedSizeChunker(size), data.subarray(0, length), piece), boxoSizeSplitter(length, size), `size-${size}, ${length} bytes`)
    }
  }
})

test('an empty input gives no chunk (Kubo\'s importer makes the empty file itself)', () => {
  const chunker = createFixedSizeChunker(262144)
  assert.deepEqual(chunker.push(new Uint8Array(0)), [])
  assert.deepEqual(chunker.end(), [])
  assert.deepEqual(createFixedSizeChunker(4).end(), [])
})

test('full chunks are taken from the chunk buffers, each byte copied once, tails sized to fit', () => {
  const acquired: number[] = []
  const buffers = { acquire: (size: number) => { acquired.push(size); return new Uint8Array(size) } }
  const out = chunks(createFixedSizeChunker(262144, buffers), data, 1 << 20)
  assert.deepEqual(out.map((c) => c.byteLength), boxoSizeSplitter(data.byteLength, 262144))
  assert.deepEqual(acquired, Array(12).fill(262144), 'one buffer per full chunk, none for the tail')
  const small = chunks(createFixedSizeChunker(1048576, buffers), data.subarray(0, 1000), 1 << 20)
  assert.deepEqual(small.map((c) => c.byteLength), [1000])
  assert.equal(small[0]?.buffer.byteLength, 1000, 'a small file does not hold a 1 MiB buffer')
})

test('sizes that are not positive integers are refused', () => {
  for (const size of [0, -1, 1.5, Number.NaN]) assert.throws(() => createFixedSizeChunker(size), RangeError, String(size))
})
