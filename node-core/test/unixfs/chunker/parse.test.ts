// Chunker specs as Kubo reads them. Where the expectations come from:
// - boxo chunker/parse_test.go: TestParseRabin (rabin-18-25-32 ok,
//   rabin-15-23-31 ErrRabinMin, rabin-20-20-21 and rabin-19-21-21 out of
//   order, rabin-19-21-<limit> ok and <limit+1> ErrSizeMax, rabin-<%.0f of
//   2·(float32(limit)/3)> ok and one more ErrSizeMax) and TestParseSize
//   (size-0 ErrSize, size-32 and size-<limit> ok, size-<limit+1> ErrSizeMax);
// - the limit, 2 MiB − 256 = 2096896: boxo#1101 (Kubo 0.40) and Kubo's
//   test/cli block-size tests (`maxChunkSize = twoMiB - 256`);
// - the messages: boxo chunker/parse.go's errors and Go's strconv.Atoi;
//   `rabin-12-512-1024` refused: Kubo sharness t0040.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { CHUNK_SIZE_LIMIT, DEFAULT_BLOCK_SIZE, parseChunker } from '../../../src/unixfs/chunker/parse.ts'
import { InvalidChunkerError } from '../../../src/unixfs/chunker/errors.ts'
import { keystream, lengths } from './support.ts'

const SIZE_MAX = 'chunker parameters may not exceed the maximum chunk size of 2096896'
const RABIN_FORMAT = "incorrect format (expected 'rabin' 'rabin-[avg]' or 'rabin-[min]-[avg]-[max]'"

test('limits as boxo sets them', () => {
  assert.equal(CHUNK_SIZE_LIMIT, 2 * 1024 * 1024 - 256)
  assert.equal(DEFAULT_BLOCK_SIZE, 262144)
})

test('specs Kubo accepts', () => {
  const ok = [
    'size-32', `size-${CHUNK_SIZE_LIMIT}`, 'size-1', 'size-+5', 'size-005',
    'rabin', 'rabin-4096', 'rabin-0', 'rabin-18-25-32', `rabin-19-21-${CHUNK_SIZE_LIMIT}`,
    `rabin-${(2 * Math.fround(CHUNK_SIZE_LIMIT / 3)).toFixed(0)}`, 'rabin-min:16-avg:32-max:64', 'rabin-min:x:16-avg:32-max:64',
    'buzhash', 'default', ''
  ]
  for (const spec of ok) assert.equal(typeof parseChunker(spec), 'function', spec)
})

test('size-N and the default cut every N bytes', () => {
  const data = keystream('parse input', 600_000)
  assert.deepEqual(lengths(parseChunker('size-250000')(), data, 1 << 20), [250_000, 250_000, 100_000])
  assert.deepEqual(lengths(parseChunker('size-+5')(), data.subarray(0, 12), 12), [5, 5, 2])
  for (const spec of ['', 'default']) assert.deepEqual(lengths(parseChunker(spec)(), data, 1 << 20), [262144, 262144, 75712])
})

test('specs Kubo refuses throw InvalidChunkerError with Kubo\'s message', () => {
  const refused: Array<[string, string]> = [
    ['size-0', 'chunker size must be greater than 0'],
    [`size-${CHUNK_SIZE_LIMIT + 1}`, SIZE_MAX],
    ['size-2097152', SIZE_MAX],
    ['size-', 'strconv.Atoi: parsing "": invalid syntax'],
    ['size-x', 'strconv.Atoi: parsing "x": invalid syntax'],
    ['size-0x10', 'strconv.Atoi: parsing "0x10": invalid syntax'],
    ['size- 2', 'strconv.Atoi: parsing " 2": invalid syntax'],
    ['size-99999999999999999999', 'strconv.Atoi: parsing "99999999999999999999": value out of range'],
    ['size', 'incorrect chunker string format (expected size-{size})'],
    ['size-2-3', 'incorrect chunker string format (expected size-{size})'],
    ['rabin-15-23-31', 'rabin min must be greater than 16'],
    ['rabin-12-512-1024', 'rabin min must be greater than 16'],
    ['rabin-20-20-21', 'incorrect format: rabin-min must be smaller than rabin-avg'],
    ['rabin-19-21-21', 'incorrect format: rabin-avg must be smaller than rabin-max'],
    [`rabin-19-21-${CHUNK_SIZE_LIMIT + 1}`, SIZE_MAX],
    [`rabin-${(1 + 2 * Math.fround(CHUNK_SIZE_LIMIT / 3)).toFixed(0)}`, SIZE_MAX],
    ['rabin-1-2', RABIN_FORMAT],
    ['rabin--5', RABIN_FORMAT],
    ['rabin-1-2-3-4', RABIN_FORMAT],
    ['rabin-a', 'strconv.Atoi: parsing "a": invalid syntax'],
    ['rabin-16-a-64', 'strconv.Atoi: parsing "a": invalid syntax'],
    ['rabin-max:16-avg:32-max:64', 'first label must be min'],
    ['rabin-min:16-max:32-max:64', 'second label must be avg'],
    ['rabin-min:16-avg:32-min:64', 'final label must be max'],
    ['rabinx', 'unrecognized chunker option: rabinx'],
    ['fixed', 'unrecognized chunker option: fixed'],
    ['Buzhash', 'unrecognized chunker option: Buzhash'],
    ['buzhash-1', "incorrect format (expected 'buzhash')"]
  ]
  for (const [spec, message] of refused) {
    assert.throws(() => parseChunker(spec), (error: unknown) => {
      assert.ok(error instanceof InvalidChunkerError, spec)
      assert.equal(error.name, 'InvalidChunkerError')
      assert.equal(error.code, 'ERR_INVALID_CHUNKER')
      assert.equal(error.message, message, spec)
      return true
    }, spec)
  }
})
