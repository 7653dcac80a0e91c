// `npm run bench -- bitswap`: one file (256 MiB of seeded random bytes,
// BENCH_BITSWAP_MIB to change) imported with Kubo's defaults by every
// seeder, then fetched over Bitswap on loopback by separate processes:
// ours→ours, Helia→Helia, Helia→ours, ours→Helia over TCP+Noise+Yamux;
// ours→ours over TCP+TLS+Yamux, the fastest transport of the net benchmark
// (our node with Kubo's encrypter order, `Swarm.Transports.Security`);
// 1 seeder → 4 fetchers and 4 seeders → 1 fetcher (ours). MB/s and time to first byte from the fetch request
// (after connect and identify) to the last / first byte out of cat; peak
// RSS (VmHWM) of each side while it serves or fetches; CPU of each side.
// BENCH_BITSWAP_CASES=a,b runs only the cases whose names contain a or b;
// BENCH_BITSWAP_ROUNDS=n runs every case n times, round after round, and
// reports each case's median round (with every round's MB/s beside it, and
// each round's ratio to that round's Helia→Helia);
// BENCH_BITSWAP_NODE_ARGS passes flags (e.g. --cpu-prof) to the peers.
// BENCH_BITSWAP_PERF=<dir> records every thread of each peer with perf.
// BENCH_KEEP=1 leaves the repos in place at the end (to look at them, or to
// run the benchmark back to back without deleting thousands of files between
// runs, which slows file creation here: see the comment at the end).
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { ALLOCATOR_ENV, TRANSFER_FLAGS } from '../node-core/bin/daemon-start.js'
import { PeerProcess } from './children/bitswap-process.ts'
import { machine, printTable, saveResult, seededFile, timeChild } from './measure.ts'
import type { Message } from './children/bitswap-process.ts'

const MIB = Number(process.env.BENCH_BITSWAP_MIB ?? 256)
const SIZE = MIB * 2 ** 20
const TIMEOUT_MS = Number(process.env.BENCH_BITSWAP_TIMEOUT_S ?? 900) * 1000
const VERIFY = process.env.BENCH_BITSWAP_VERIFY === '1'
const ONLY = (process.env.BENCH_BITSWAP_CASES ?? '').split(',').filter((s) => s !== '')
const ROUNDS = Math.max(1, Number(process.env.BENCH_BITSWAP_ROUNDS ?? 1))
const child = (name: string): string => new URL(`./children/${name}`, import.meta.url).pathname
/** Our nodes run as `planetary daemon` runs (a 16-thread libuv pool, two malloc arenas); Helia with Node's defaults. */
const envOf = (kind: Kind): NodeJS.ProcessEnv => kind === 'helia' ? {} : { ...ALLOCATOR_ENV, UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '16' }
/**
 * Our nodes start with the V8 flags of a busy `planetary daemon`: the ones it starts with, less
 * `--optimize-for-size`, which its heap mode turns off while it works (this benchmark runs no heap mode).
 */
const nodeArgsOf = (kind: Kind): string[] => kind === 'helia' ? [] : TRANSFER_FLAGS

type Kind = 'ours' | 'ours-tls' | 'helia'
interface Case { name: string, transport: string, seeders: Kind[], fetchers: Kind[] }
interface Row {
  name: string
  transport: string
  encryption: string
  mbPerSecond: number
  ttfbMs: number
  seconds: number
  seederRssMiB: number
  fetcherRssMiB: number
  seederIdleMiB: number
  fetcherIdleMiB: number
  seederCpu: number
  fetcherCpu: number
  fetches: Message[]
  seederStats: Message[]
  fetcherStats: Message[]
  /** 1-minute load average before and after (the benchmark's own processes count too). */
  load: number[]
}

const NOISE = 'TCP + Noise + Yamux'
const cases: Case[] = [
  { name: 'ours → ours', transport: NOISE, seeders: ['ours'], fetchers: ['ours'] },
  { name: 'Helia → Helia', transport: NOISE, seeders: ['helia'], fetchers: ['helia'] },
  { name: 'Helia → ours', transport: NOISE, seeders: ['helia'], fetchers: ['ours'] },
  { name: 'ours → Helia', transport: NOISE, seeders: ['ours'], fetchers: ['helia'] },
  { name: 'ours → ours', transport: 'TCP + TLS + Yamux', seeders: ['ours-tls'], fetchers: ['ours-tls'] },
  { name: 'ours, 1 seeder → 4 fetchers', transport: NOISE, seeders: ['ours'], fetchers: ['ours', 'ours', 'ours', 'ours'] },
  { name: 'ours, 4 seeders → 1 fetcher', transport: NOISE, seeders: ['ours', 'ours', 'ours', 'ours'], fetchers: ['ours'] }
].filter((c) => ONLY.length === 0 || ONLY.some((o) => `${c.name} ${c.transport}`.includes(o))) as Case[]

const input = await seededFile(join(tmpdir(), 'planetary-bench-inputs'), SIZE, 'bench-bitswap')
const inputSha256 = VERIFY ? await sha256(input) : undefined
const work = await mkdtemp(join(tmpdir(), 'planetary-bench-bitswap-'))
await new PeerProcess(child('bitswap-peer.ts'), ['warm']).exited()
const roots: Record<string, string> = {}
const imports: Array<{ kind: string, seconds: number, maxRssMiB: number }> = []

async function sha256 (path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** A seeder's store, filled by its own import process; the root must be the same for everyone. */
async function seederStore (kind: Kind, dir: string): Promise<string> {
  await mkdir(dir)
  const importer = kind === 'helia' ? 'helia' : 'ours'
  const run = await timeChild([child('bitswap-import.ts'), importer, dir, input])
  const root = run.stdout.trim()
  imports.push({ kind: importer, seconds: run.seconds, maxRssMiB: run.maxRss / 2 ** 20 })
  roots[importer] ??= root
  const first = Object.values(roots)[0]
  if (root !== first || roots[importer] !== root) throw new Error(`root CIDs differ: ${importer} made ${root}, ${JSON.stringify(roots)}`)
  return root
}

async function runCase (c: Case, index: number): Promise<Omit<Row, 'load'>> {
  const base = join(work, `case-${index}`)
  await mkdir(base)
  const peers: PeerProcess[] = []
  try {
    const seeders: PeerProcess[] = []
    let root = ''
    for (const [i, kind] of c.seeders.entries()) {
      const dir = join(base, `seeder-${i}`)
      root = await seederStore(kind, dir)
      const seeder = new PeerProcess(child('bitswap-peer.ts'), ['seed', kind, dir], envOf(kind), nodeArgsOf(kind))
      peers.push(seeder)
      seeders.push(seeder)
    }
    const addresses = await Promise.all(seeders.map(async (s) => String((await s.expect('ready', 60_000)).address)))
    const fetchers = c.fetchers.map((kind, i) => {
      const dir = join(base, `fetcher-${i}`)
      const fetcher = new PeerProcess(child('bitswap-peer.ts'), ['fetch', kind, dir, root, String(SIZE), ...addresses], envOf(kind), nodeArgsOf(kind))
      peers.push(fetcher)
      return fetcher
    })
    const ready = await Promise.all(fetchers.map(async (f) => await f.expect('ready', 60_000)))
    for (const p of peers) p.send('go')
    const fetches = await Promise.all(fetchers.map(async (f) => await f.expect('done', TIMEOUT_MS)))
    const seederRss = await Promise.all(seeders.map(async (s) => await s.peakRssMiB()))
    const fetcherRss = await Promise.all(fetchers.map(async (f) => await f.peakRssMiB()))
    for (const p of peers) p.send('stop')
    const stopped = await Promise.all(peers.map(async (p) => await p.expect('stopped', 60_000)))
    const idle = (list: Message[]): number => Math.max(...list.map((m) => Number((m.before as { rssMiB: number }).rssMiB)))
    await Promise.all(peers.map(async (p) => { await p.exited() }))
    for (const f of fetches) if (inputSha256 !== undefined && f.sha256 !== inputSha256) throw new Error(`${c.name}: fetched bytes differ from the input`)
    const started = Math.min(...fetches.map((f) => Number(f.started)))
    const ended = Math.max(...fetches.map((f) => Number(f.ended)))
    const seconds = (ended - started) / 1000
    const cpu = (list: Message[]): number => list.reduce((sum, f) => sum + Number(f.cpuMs), 0) / (ended - started) * 100
    return {
      name: c.name,
      transport: c.transport,
      encryption: String(ready[0]?.encryption ?? ''),
      mbPerSecond: SIZE * fetches.length / 1e6 / seconds,
      ttfbMs: Math.max(...fetches.map((f) => Number(f.ttfbMs))),
      seconds,
      seederRssMiB: Math.max(...seederRss),
      fetcherRssMiB: Math.max(...fetcherRss),
      seederIdleMiB: idle(stopped.slice(0, seeders.length)),
      fetcherIdleMiB: idle(stopped.slice(seeders.length)),
      seederCpu: cpu(stopped.slice(0, seeders.length)),
      fetcherCpu: cpu(fetches),
      fetches,
      seederStats: stopped.slice(0, seeders.length),
      fetcherStats: stopped.slice(seeders.length)
    }
  } finally {
    for (const p of peers) p.kill()
  }
}

const runs: Row[][] = cases.map(() => [])
try {
  // Rounds of every case in turn, so that each case meets the machine's moods alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, c] of cases.entries()) {
      process.stderr.write(`bitswap bench: ${c.name} (${c.transport}), ${MIB} MiB, round ${round + 1} of ${ROUNDS} ...\n`)
      const load = loadavg()[0] ?? 0
      const row = { ...await runCase(c, round * cases.length + i), load: [load, loadavg()[0] ?? 0] }
      process.stderr.write(`  ${row.mbPerSecond.toFixed(1)} MB/s, first byte after ${row.ttfbMs.toFixed(0)} ms\n`)
      runs[i]?.push(row)
    }
  }
} finally {
  // Every case's repos go at the end, not between cases: on a file system that skips recently
  // freed inodes when it allocates (ext4 without a journal, as on this VM), creating files
  // within a minute of deleting thousands costs several times the CPU (bench/README.md).
  if (process.env.BENCH_KEEP === undefined) await rm(work, { recursive: true, force: true })
}

/** Each case's round with the median MB/s (the lower middle of an even count). */
const rows = runs.map((list) => [...list].sort((a, b) => a.mbPerSecond - b.mbPerSecond)[Math.floor((list.length - 1) / 2)] as Row)
const helia = rows.find((r) => r.name === 'Helia → Helia')
const heliaRuns = runs[rows.indexOf(helia as Row)]
/** A case's MB/s over Helia → Helia's in the same round: a round-wide slowdown of the machine cancels out. */
const roundRatios = (i: number): string => (runs[i] ?? []).map((x, round) => (x.mbPerSecond / (heliaRuns?.[round]?.mbPerSecond ?? NaN)).toFixed(2)).join(' / ')
process.stdout.write(`\nbitswap benchmark: ${MIB} MiB seeded random, seeder → fetcher over loopback, ${ROUNDS === 1 ? 'one round' : `median of ${ROUNDS} rounds`}, ${new Date().toISOString()}, ${machine()}\n`)
process.stdout.write(`root CIDs: ${Object.entries(roots).map(([k, v]) => `${k} ${v}`).join(', ')}${new Set(Object.values(roots)).size === 1 ? ' (match)' : ' (DIFFER)'}\n\n`)
printTable(['case', 'transport', 'MB/s', ...(ROUNDS > 1 ? ['each round'] : []), 'vs Helia→Helia', ...(ROUNDS > 1 && helia !== undefined ? ['each round vs Helia→Helia'] : []), 'first byte ms', 'seconds', 'seeder RSS MiB (before → peak)', 'fetcher RSS MiB (before → peak)', 'seeder CPU %', 'fetcher CPU %'], rows.map((r, i) => [
  r.name,
  r.transport,
  r.mbPerSecond.toFixed(1),
  ...(ROUNDS > 1 ? [(runs[i] ?? []).map((x) => x.mbPerSecond.toFixed(0)).join(' / ')] : []),
  helia === undefined ? '' : `${(r.mbPerSecond / helia.mbPerSecond).toFixed(2)}x`,
  ...(ROUNDS > 1 && helia !== undefined ? [roundRatios(i)] : []),
  r.ttfbMs.toFixed(0),
  r.seconds.toFixed(2),
  `${r.seederIdleMiB.toFixed(0)} → ${r.seederRssMiB.toFixed(0)}`,
  `${r.fetcherIdleMiB.toFixed(0)} → ${r.fetcherRssMiB.toFixed(0)}`,
  r.seederCpu.toFixed(0),
  r.fetcherCpu.toFixed(0)
]))
const saved = await saveResult('bitswap', { date: new Date().toISOString(), machine: machine(), bytes: SIZE, rounds: ROUNDS, roots, imports, rows, runs })
process.stdout.write(`\nwrote ${saved}\n`)
