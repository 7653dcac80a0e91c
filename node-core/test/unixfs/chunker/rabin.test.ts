// Kubo's rabin chunker against rabin-wasm (see rabin-oracle.ts), on 6 MiB of
// seeded bytes. No expected length here is computed by our code: every one
// is rabin-wasm's, or follows from Go source quoted in the test.
//
// Constants checked against their sources elsewhere: Kubo's polynomial
// 17437180132763653 is boxo chunker/rabin.go `IpfsRabinPoly`; the 16-byte
// window is whyrusleeping/chunker chunker.go `windowSize = 16` (restic's
// chunker, which it forked, uses 64: it is not an oracle for Kubo).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { rabin as importerRabin } from 'ipfs-unixfs-importer/chunker'
import { IPFS_RABIN_POLY, RABIN_WINDOW, createRabinChunker } from '../../../src/unixfs/chunker/rabin.ts'
import { parseChunker } from '../../../src/unixfs/chunker/parse.ts'
import { RABIN_WASM_POLYNOMIAL, oracleLengths } from './rabin-oracle.ts'
import { keystream, lengths } from './support.ts'

const data = keystream('rabin oracle input', 6 * 1024 * 1024)

/** [min, avg, max] sets: Kubo's `rabin` (boxo NewRabin(262144): avg/3, avg + avg/2), the specs of
 * Kubo's sharness t0040 (rabin-36-512-1024), of its `add --help` examples (rabin-512-1024-2048,
 * rabin-262144-524288-1048576), the least min Kubo accepts (16), and one more. */
const SETS = [
  [87381, 262144, 393216],
  [36, 512, 1024],
  [512, 1024, 2048],
  [262144, 524288, 1048576],
  [16, 32, 64],
  [4096, 8192, 16384]
] as const

test('Kubo polynomial and window as its Go sources give them', () => {
  assert.equal(IPFS_RABIN_POLY, 17437180132763653n)
  assert.equal(RABIN_WINDOW, 16)
})

test('our Rabin engine cuts where rabin-wasm as shipped cuts (its own polynomial)', () => {
  for (const [min, avg, max] of SETS) {
    const expected = oracleLengths(data, { min, avg, max, window: RABIN_WINDOW, polynomial: RABIN_WASM_POLYNOMIAL })
    assert.ok(expected.length > 5, `${expected.length} chunks`)
    assert.deepEqual(lengths(createRabinChunker(min, avg, max, undefined, RABIN_WASM_POLYNOMIAL), data, 1 << 20), expected, `${min}-${avg}-${max}`)
  }
})

test('Kubo rabin cuts where rabin-wasm cuts with Kubo\'s polynomial compiled in', () => {
  for (const [min, avg, max] of SETS) {
    const expected = oracleLengths(data, { min, avg, max, window: RABIN_WINDOW, polynomial: IPFS_RABIN_POLY })
    assert.ok(expected.length > 5, `${expected.length} chunks`)
    for (const piece of [1 << 20, 65521]) {
      assert.deepEqual(lengths(createRabinChunker(min, avg, max), data, piece), expected, `${min}-${avg}-${max} in ${piece}-byte pieces`)
    }
  }
})

test('parsed specs make those same chunkers: rabin, rabin-<avg>, rabin-<min>-<avg>-<max>', () => {
  const cases: Array<[string, [number, number, number]]> = [
    ['rabin', [87381, 262144, 393216]],
    ['rabin-4096', [1365, 4096, 6144]],
    ['rabin-36-512-1024', [36, 512, 1024]],
    ['rabin-min:512-avg:1024-max:2048', [512, 1024, 2048]]
  ]
  for (const [spec, [min, avg, max]] of cases) {
    const expected = oracleLengths(data, { min, avg, max, window: RABIN_WINDOW, polynomial: IPFS_RABIN_POLY })
    assert.deepEqual(lengths(parseChunker(spec)(), data, 1 << 20), expected, spec)
  }
})

test('ipfs-unixfs-importer\'s rabin is rabin-wasm as shipped, so not Kubo\'s: other polynomial, other defaults', async () => {
  // Its rabin({ avgChunkSize }) derives min avg/3 and max avg + avg/2 like Kubo (but with no
  // options its defaults are min = avg = max = 262144), and runs rabin-wasm with window 16.
  const cut = async (chunker: ReturnType<typeof importerRabin>): Promise<number[]> => {
    const out: number[] = []
    for await (const chunk of chunker((async function * () { yield data })())) out.push(chunk.byteLength)
    return out
  }
  const theirs = await cut(importerRabin({ avgChunkSize: 262144 }))
  assert.deepEqual(lengths(createRabinChunker(87381, 262144, 393216, undefined, RABIN_WASM_POLYNOMIAL), data, 1 << 20), theirs)
  assert.notDeepEqual(lengths(createRabinChunker(87381, 262144, 393216), data, 1 << 20), theirs)
  assert.ok((await cut(importerRabin())).slice(0, -1).every((n) => n === 262144), 'its defaults are fixed 262144-byte chunks')
})

test('min under 16 never cuts, as Kubo: rabin-47 (min 15) is one chunk, rabin-48 (min 16) is not', () => {
  // whyrusleeping/chunker reset(): `c.pre = c.MinSize - windowSize` in uint64; for min < 16 it
  // wraps and every byte is skipped, never fingerprinted (described in Kubo issue #5425, which
  // made `rabin-<min>-<avg>-<max>` refuse min < 16; `rabin-<avg>` was left unchecked).
  const some = data.subarray(0, 100_000)
  assert.deepEqual(lengths(parseChunker('rabin-47')(), some, 4096), [100_000])
  assert.deepEqual(lengths(createRabinChunker(0, 0, 0), some, 4096), [100_000])
  assert.ok(lengths(parseChunker('rabin-48')(), some, 4096).length > 100)
})
