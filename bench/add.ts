// `npm run bench -- add`: 1 GiB of seeded random data through `planetary add`
// (CIDv0, --cid-version 1, and --only-hash), ipfs-unixfs-importer into
// blockstore-fs and into memory, Node's SHA-256 alone, and the disk's own
// ceiling for a durable write (copy + fdatasync): MB/s and peak RSS side by side.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { machine, printTable, saveResult, seededFile, timeChild } from './measure.ts'
import type { Run } from './measure.ts'

const SIZE = Number(process.env.BENCH_ADD_BYTES ?? 2 ** 30)
const cli = new URL('../node-core/bin/planetary.js', import.meta.url).pathname
const work = await mkdtemp(join(tmpdir(), 'planetary-bench-add-'))
const input = await seededFile(join(tmpdir(), 'planetary-bench-inputs'), SIZE, 'bench-add')

async function fresh (name: string): Promise<string> {
  const repo = join(work, name)
  await timeChild([cli, 'init', '--profile', 'test'], { PLANETARY_PATH: repo })
  return repo
}

const cases: Array<[string, () => Promise<Run>]> = [
  ['sha256 only (node:crypto, 1 thread)', async () => await timeChild([new URL('./children/sha256.ts', import.meta.url).pathname, input])],
  ['disk ceiling: copy + fdatasync, no hashing', async () => await timeChild([new URL('./children/disk-write.ts', import.meta.url).pathname, input, join(work, 'copy')])],
  ['planetary add --only-hash (no disk)', async () => await timeChild([cli, 'add', '-Q', '--only-hash', input], { PLANETARY_PATH: await fresh('n') })],
  ['planetary add (CIDv0)', async () => await timeChild([cli, 'add', '-Q', input], { PLANETARY_PATH: await fresh('v0') })],
  ['planetary add --cid-version 1', async () => await timeChild([cli, 'add', '-Q', '--cid-version', '1', input], { PLANETARY_PATH: await fresh('v1') })],
  ['ipfs-unixfs-importer + blockstore-fs', async () => await timeChild([new URL('./children/unixfs-importer.ts', import.meta.url).pathname, 'fs', input, join(work, 'blockstore-fs')])],
  ['ipfs-unixfs-importer + memory', async () => await timeChild([new URL('./children/unixfs-importer.ts', import.meta.url).pathname, 'memory', input])]
]

const results: Array<{ name: string, seconds: number, mbPerSecond: number, maxRssMiB: number, output: string }> = []
try {
  await timeChild([new URL('./children/sha256.ts', import.meta.url).pathname, input])
  for (const [name, run] of cases) {
    const r = await run()
    results.push({ name, seconds: r.seconds, mbPerSecond: SIZE / 1e6 / r.seconds, maxRssMiB: r.maxRss / 2 ** 20, output: r.stdout.trim() })
  }
} finally {
  await rm(work, { recursive: true, force: true })
}

const reference = results.find((r) => r.name.includes('blockstore-fs'))
process.stdout.write(`\nadd benchmark: ${SIZE / 2 ** 20} MiB seeded random, ${new Date().toISOString()}, ${machine()}\n\n`)
printTable(['case', 'seconds', 'MB/s', 'vs importer+fs', 'peak RSS MiB', 'root'], results.map((r) => [
  r.name,
  r.seconds.toFixed(2),
  r.mbPerSecond.toFixed(0),
  reference === undefined ? '' : `${(r.mbPerSecond / reference.mbPerSecond).toFixed(2)}x`,
  r.maxRssMiB.toFixed(0),
  r.output.split('\n').pop() ?? ''
]))
const saved = await saveResult('add', { date: new Date().toISOString(), machine: machine(), bytes: SIZE, results })
process.stdout.write(`\nwrote ${saved}\n`)
