// However the input is split into pushes, every chunker cuts the same
// chunks; no input, no chunk. (The cut points themselves are checked
// against their references in the other tests.)
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseChunker } from '../../../src/unixfs/chunker/parse.ts'
import { keystream, lengths } from './support.ts'

const SPECS = ['size-262144', 'size-1000', 'rabin', 'rabin-36-512-1024', 'rabin-47', 'buzhash']
const data = keystream('pieces input', 1_600_000)

test('1-byte, 7-byte, odd-sized and 1 MiB pushes give the same chunks as one push', () => {
  for (const spec of SPECS) {
    const make = parseChunker(spec)
    // lengths() also checks that the chunks put the input back together.
    const whole = lengths(make(), data, data.byteLength)
    assert.ok(whole.length > (spec === 'rabin-47' ? 0 : 3), `${spec}: ${whole.length} chunks`)
    for (const piece of [1, 7, 4093, 1 << 20]) {
      assert.deepEqual(lengths(make(), data, piece), whole, `${spec} in ${piece}-byte pushes`)
    }
  }
})

test('empty pushes change nothing, and no input gives no chunk', () => {
  for (const spec of SPECS) {
    const chunker = parseChunker(spec)()
    assert.deepEqual(chunker.push(new Uint8Array(0)), [], spec)
    assert.deepEqual(chunker.end(), [], spec)
    const interleaved = parseChunker(spec)()
    const out: Uint8Array[] = []
    for (let at = 0; at < data.byteLength; at += 300_000) {
      out.push(...interleaved.push(data.subarray(at, at + 300_000)), ...interleaved.push(new Uint8Array(0)))
    }
    out.push(...interleaved.end())
    assert.deepEqual(out.map((c) => c.byteLength), lengths(parseChunker(spec)(), data, data.byteLength), spec)
    assert.ok(Buffer.concat(out).equals(data), spec)
  }
})
