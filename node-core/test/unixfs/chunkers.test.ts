// The chunkers against independent references: rabin against restic's
// chunker in Go (Kubo's rabin is its fork), the buzhash table regenerated
// with Go's math/rand as boxo made it, buzhash cut points re-derived from
// the definition, and every chunker indifferent to how its input is split.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBuzhashChunker } from '../../src/unixfs/chunker/buzhash.ts'
import { BUZHASH_TABLE } from '../../src/unixfs/chunker/buzhash-table.ts'
import { createFixedSizeChunker } from '../../src/unixfs/chunker/fixed.ts'
import { parseChunker } from '../../src/unixfs/chunker/parse.ts'
import { IPFS_RABIN_POLY, createRabinChunker } from '../../src/unixfs/chunker/rabin.ts'
import { InvalidChunkerError } from '../../src/unixfs/chunker/errors.ts'
import { chacha20 } from '../helpers/vector-inputs.ts'
import type { Chunker } from '../../src/unixfs/chunker/chunker.ts'

const goEnv = { ...process.env, GOPATH: '/usr/share/gocode', GO111MODULE: 'off', GOCACHE: join(tmpdir(), 'planetary-go-cache') }
const fixture = (name: string): string => new URL(`../fixtures/${name}`, import.meta.url).pathname

function lengths (chunker: Chunker, data: Uint8Array, piece: number): number[] {
  const out: number[] = []
  for (let i = 0; i < data.byteLength; i += piece) for (const c of chunker.push(data.subarray(i, i + piece))) out.push(c.byteLength)
  for (const c of chunker.end()) out.push(c.byteLength)
  return out
}

test('rabin cuts where restic\'s Rabin chunker cuts, for Kubo\'s default and custom bounds (and never, as in Go, when min < 64)', () => {
  const data = chacha20('rabin-oracle', 6 * 1024 * 1024)
  for (const [min, avg, max] of [[87381, 262144, 393216], [36, 512, 1024], [4096, 8192, 16384]] as const) {
    const expected = execFileSync('go', ['run', fixture('restic-chunks.go'), IPFS_RABIN_POLY.toString(), String(min), String(max), String(Math.floor(Math.log2(avg)))], { input: data, env: goEnv, maxBuffer: 16 * 1024 * 1024 })
      .toString().trim().split('\n').map(Number)
    assert.ok(min < 64 ? expected.length === 1 : expected.length > 3, `${expected.length} chunks`)
    for (const piece of [1 << 20, 4093]) assert.deepEqual(lengths(createRabinChunker(min, avg, max), data, piece), expected, `rabin ${min}-${avg}-${max} in ${piece}-byte pieces`)
  }
})

test('the buzhash table is the one boxo generated from Go\'s math/rand', () => {
  const regenerated = execFileSync('go', ['run', fixture('buzhash-table.go')], { env: goEnv }).toString().trim().split('\n').map(Number)
  assert.deepEqual([...BUZHASH_TABLE], regenerated)
})

test('buzhash cuts satisfy the definition: first window hash with 17 low zero bits past 128 KiB, at most 512 KiB', () => {
  const data = chacha20('buzhash-oracle', 5 * 1024 * 1024)
  const chunks = lengths(createBuzhashChunker(), data, 1 << 20)
  assert.equal(chunks.reduce((a, b) => a + b, 0), data.byteLength)
  const rotl = (x: number, n: number): number => ((x << n) | (x >>> (32 - n))) >>> 0
  const windowHash = (end: number): number => {
    let h = 0
    for (let k = 0; k < 32; k++) h ^= rotl(BUZHASH_TABLE[data[end - 32 + k] ?? 0] ?? 0, 31 - k)
    return h >>> 0
  }
  let start = 0
  for (const [n, length] of chunks.entries()) {
    const last = n === chunks.length - 1
    assert.ok(length <= 512 * 1024 && (last || length >= 128 * 1024), `chunk ${n}: ${length} bytes`)
    if (!last) {
      const cutByHash = (windowHash(start + length) & 0x1ffff) === 0
      assert.ok(cutByHash || length === 512 * 1024, `chunk ${n} ends on a hash cut or at the maximum`)
      for (let end = start + 128 * 1024; end < start + length; end++) {
        if ((windowHash(end) & 0x1ffff) === 0) assert.fail(`chunk ${n} should have ended at ${end - start}`)
      }
    }
    start += length
  }
})

test('every chunker gives the same chunks however its input is split', () => {
  const data = chacha20('pieces', 1_500_000)
  for (const make of [() => createFixedSizeChunker(262144), () => createBuzhashChunker(), () => createRabinChunker(2048, 4096, 8192)]) {
    const whole = lengths(make(), data, data.byteLength)
    for (const piece of [1, 7, 65536]) assert.deepEqual(lengths(make(), data.subarray(0, piece === 1 ? 200_000 : data.byteLength), piece), piece === 1 ? lengths(make(), data.subarray(0, 200_000), 200_000) : whole)
  }
  assert.deepEqual(lengths(createFixedSizeChunker(4), new Uint8Array(0), 1), [])
  assert.deepEqual(lengths(createBuzhashChunker(), new Uint8Array(0), 1), [])
  assert.deepEqual(lengths(createRabinChunker(16, 32, 64), new Uint8Array(0), 1), [])
})

test('chunker specs Kubo refuses get InvalidChunkerError', () => {
  for (const good of ['size-1', 'size-262144', 'size-1048576', 'rabin', 'rabin-4096', 'rabin-16-32-64', 'rabin-min:16-avg:32-max:64', 'buzhash', 'default']) parseChunker(good)
  for (const bad of ['size-0', 'size-', 'size-x', 'size-1048577', 'rabin-15-32-64', 'rabin-64-32-16', 'rabin-1-2', 'rabin-max:16-avg:32-max:64', 'rabinx', 'buzhash-1', 'fixed', '']) {
    if (bad === '') continue
    assert.throws(() => parseChunker(bad), InvalidChunkerError, bad)
  }
})
