// `npm run bench -- gateway`: one file (256 MiB of seeded random bytes,
// BENCH_GATEWAY_MIB to change) added to a fresh repo, then read back in the
// same run through every way out of the node:
//
// - `planetary cat` with no daemon, straight from the repo (offline);
// - `planetary cat` while the daemon runs, which goes through its RPC
//   (`/api/v0/cat`, a Bitswap session over the repo, as the gateway's);
// - GET /ipfs/<cid> on the daemon's gateway with node:http and with curl;
// - the middle 64 MiB: `cat --offset --length` against a Range request;
// - the CAR: `dag export` against `?format=car` (trustless gateway).
//
// Every reader discards what it reads (counting the bytes). Each case runs
// BENCH_GATEWAY_ROUNDS times (default 3), the rounds interleaved so that a
// busy spell of the machine hits every case alike; the table shows the best
// and the median. MB/s is bytes over the whole span, from the spawn of the
// command or the sending of the request to the last byte (so `cat` pays for
// its process start-up); first byte is the first body byte, and "after first
// byte" the rate of the stream alone. Peak RSS and CPU (user + system, every
// thread) are those of the process that reads the repo: the `cat` process
// when offline, the daemon otherwise (VmHWM, reset before each read; CPU
// from /proc). The gateway's GET and Range bodies are checked against the
// file. The daemon runs as `planetary daemon` runs;
// BENCH_GATEWAY_DAEMON_NODE_OPTIONS is passed to it as NODE_OPTIONS (e.g.
// `--cpu-prof --cpu-prof-dir=/tmp/prof`).
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, writeFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { request } from 'node:http'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { machine, printTable, saveResult, seededFile, timeChild } from './measure.ts'
import type { IncomingMessage } from 'node:http'

const MIB = Number(process.env.BENCH_GATEWAY_MIB ?? 256)
const SIZE = MIB * 2 ** 20
const ROUNDS = Number(process.env.BENCH_GATEWAY_ROUNDS ?? 3)
const RANGE_LENGTH = Math.min(64 * 2 ** 20, Math.floor(SIZE / 2))
const RANGE_START = Math.floor((SIZE - RANGE_LENGTH) / 2)
const CURL = '/usr/bin/curl'
/** USER_HZ, the unit of /proc/<pid>/stat times (100 on Linux). */
const CLOCK_TICKS = 100
const cli = new URL('../node-core/bin/planetary.js', import.meta.url).pathname
/** Preloaded into each `planetary` command: its peak RSS (KiB) and CPU (µs, every thread) on exit. */
const REPORT_USAGE = 'data:text/javascript,' + encodeURIComponent("process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(`usage=${u.maxRSS},${u.userCPUTime + u.systemCPUTime}\\n`) })")

/** One timed read: bytes, ms to the first body byte, seconds to the last; peak RSS (MiB) and CPU seconds of the process serving it. */
interface Read {
  bytes: number
  ttfbMs: number
  seconds: number
  peakRssMiB: number
  cpuSeconds: number
}

interface Case {
  name: string
  /** Which process reads the repo: 'repo' for an offline `cat`, else 'daemon'. */
  via: 'repo' | 'daemon'
  expectBytes: () => number
  run: () => Promise<Read>
}

const input = await seededFile(join(tmpdir(), 'planetary-bench-inputs'), SIZE, 'bench-gateway')
const work = await mkdtemp(join(tmpdir(), 'planetary-bench-gateway-'))
const repo = join(work, 'repo')
const env = { PLANETARY_PATH: repo }
let carBytes = 0

/** `planetary <args>` with stdout counted and discarded. */
async function command (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Read & { stderr: string }> {
  const started = performance.now()
  const child = spawn(process.execPath, ['--import', REPORT_USAGE, cli, ...args], { env: { ...process.env, ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] })
  let bytes = 0
  let first: number | undefined
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => {
    first ??= performance.now()
    bytes += d.byteLength
  })
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const end = performance.now()
  if (code !== 0) throw new Error(`planetary ${args.join(' ')} exited ${code}: ${stderr}`)
  const usage = /usage=(\d+),(\d+)/.exec(stderr)
  return { bytes, ttfbMs: (first ?? end) - started, seconds: (end - started) / 1000, peakRssMiB: Number(usage?.[1] ?? 0) / 1024, cpuSeconds: Number(usage?.[2] ?? 0) / 1e6, stderr }
}

/** GET `path` on the gateway with node:http, the body counted and discarded. */
async function httpGet (port: number, path: string, headers: Record<string, string> = {}, expectStatus = 200): Promise<Read> {
  const started = performance.now()
  return await new Promise<Read>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      if (res.statusCode !== expectStatus) {
        reject(new Error(`GET ${path}: status ${res.statusCode}, expected ${expectStatus}`))
        res.resume()
        return
      }
      let bytes = 0
      let first: number | undefined
      res.on('data', (d: Buffer) => {
        first ??= performance.now()
        bytes += d.byteLength
      })
      res.on('error', reject)
      res.on('end', () => {
        const end = performance.now()
        if (!res.complete) reject(new Error(`GET ${path}: the response was cut short after ${bytes} bytes`))
        resolve({ bytes, ttfbMs: (first ?? end) - started, seconds: (end - started) / 1000, peakRssMiB: 0, cpuSeconds: 0 })
      })
    })
    req.on('error', reject)
    req.end()
  })
}

/** GET with curl to /dev/null; its own timings (first byte: curl's time_starttransfer, the response's first byte). */
async function curlGet (port: number, path: string): Promise<Read> {
  const child = spawn(CURL, ['-sS', '--fail', '-o', '/dev/null', '-w', '%{size_download} %{time_starttransfer} %{time_total}', `http://127.0.0.1:${port}${path}`], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => { out += d.toString() })
  child.stderr.on('data', (d: Buffer) => { out += d.toString() })
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`curl ${path} exited ${code}: ${out}`)
  const [bytes = 0, ttfb = 0, total = 0] = out.trim().split(' ').map(Number)
  return { bytes, ttfbMs: ttfb * 1000, seconds: total, peakRssMiB: 0, cpuSeconds: 0 }
}

/** The running daemon: its pid (the same after its lean re-exec) and gateway port. */
interface Daemon { pid: number, gatewayPort: number, stop: () => Promise<void> }

async function startDaemon (): Promise<Daemon> {
  const nodeOptions = process.env.BENCH_GATEWAY_DAEMON_NODE_OPTIONS
  const child = spawn(process.execPath, [cli, 'daemon'], { env: { ...process.env, ...env, ...(nodeOptions === undefined ? {} : { NODE_OPTIONS: nodeOptions }) }, stdio: ['ignore', 'pipe', 'inherit'] })
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve))
  let out = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes('Daemon is ready')) resolve()
    })
    void closed.then((code) => { reject(new Error(`the daemon exited ${code} before it was ready: ${out}`)) })
  })
  const port = Number(/Gateway server listening on \/ip4\/127\.0\.0\.1\/tcp\/(\d+)/.exec(out)?.[1])
  if (!Number.isInteger(port) || port === 0) throw new Error(`no gateway address in the daemon's output: ${out}`)
  return {
    pid: child.pid ?? 0,
    gatewayPort: port,
    stop: async () => {
      child.kill('SIGTERM')
      await closed
    }
  }
}

/** CPU seconds of `pid` so far, every thread (utime + stime from /proc). */
async function cpuOf (pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\) /s, '').split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
}

async function statusKiB (pid: number, field: string): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
}

/** Reset the daemon's peak RSS to its current RSS (false if the kernel refuses). */
function resetPeak (pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}

async function sha256 (chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of chunks) hash.update(chunk)
  return hash.digest('hex')
}

/** The body of a GET, for the untimed check of the bytes. */
async function * httpBody (port: number, path: string, headers: Record<string, string> = {}): AsyncIterable<Uint8Array> {
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, resolve)
    req.on('error', reject)
    req.end()
  })
  yield * res as AsyncIterable<Uint8Array>
}

const results: Record<string, Read[]> = {}
const load: number[] = [loadavg()[0] ?? 0]
let cid = ''
let peakResets = true
const checks: Record<string, boolean> = {}
try {
  await timeChild([cli, 'init', '--profile', 'test'], env)
  // The first run compiles the CLI into the compile cache; every timed one runs from it.
  const added = await timeChild([cli, 'add', '-Q', input], env)
  cid = added.stdout.trim()
  const full = `/ipfs/${cid}`
  const rangeArgs = ['--offset', String(RANGE_START), '--length', String(RANGE_LENGTH)]
  const rangeHeader = { Range: `bytes=${RANGE_START}-${RANGE_START + RANGE_LENGTH - 1}` }

  const offline: Case[] = [
    { name: 'cat, offline (no daemon: the repo)', via: 'repo', expectBytes: () => SIZE, run: async () => await command(['cat', cid]) },
    { name: 'cat --offset --length, offline', via: 'repo', expectBytes: () => RANGE_LENGTH, run: async () => await command(['cat', ...rangeArgs, cid]) },
    { name: 'dag export, offline', via: 'repo', expectBytes: () => carBytes, run: async () => await command(['dag', 'export', cid]) }
  ]
  const runCase = async (c: Case, daemon?: Daemon): Promise<void> => {
    if (daemon !== undefined) peakResets &&= resetPeak(daemon.pid)
    const cpuBefore = daemon === undefined ? 0 : await cpuOf(daemon.pid)
    const read = await c.run()
    if (daemon !== undefined) {
      read.peakRssMiB = await statusKiB(daemon.pid, 'VmHWM') / 1024
      read.cpuSeconds = await cpuOf(daemon.pid) - cpuBefore
    }
    if (read.bytes !== c.expectBytes()) throw new Error(`${c.name}: read ${read.bytes} bytes, expected ${c.expectBytes()}`)
    ;(results[c.name] ??= []).push(read)
  }

  // Untimed: warm the page cache and the compile cache, and learn the CAR's size.
  await command(['cat', cid])
  carBytes = (await command(['dag', 'export', cid])).bytes
  for (let round = 0; round < ROUNDS; round++) for (const c of offline) await runCase(c)

  const daemon = await startDaemon()
  try {
    const port = (): number => daemon.gatewayPort
    const online: Case[] = [
      { name: 'cat through the daemon (RPC)', via: 'daemon', expectBytes: () => SIZE, run: async () => await command(['cat', cid]) },
      { name: 'gateway GET, node:http', via: 'daemon', expectBytes: () => SIZE, run: async () => await httpGet(port(), full) },
      ...(existsSync(CURL) ? [{ name: 'gateway GET, curl', via: 'daemon', expectBytes: () => SIZE, run: async () => await curlGet(port(), full) } satisfies Case] : []),
      { name: 'cat --offset --length, daemon (RPC)', via: 'daemon', expectBytes: () => RANGE_LENGTH, run: async () => await command(['cat', ...rangeArgs, cid]) },
      { name: `gateway Range (middle ${RANGE_LENGTH / 2 ** 20} MiB)`, via: 'daemon', expectBytes: () => RANGE_LENGTH, run: async () => await httpGet(port(), full, rangeHeader, 206) },
      { name: 'dag export through the daemon (RPC)', via: 'daemon', expectBytes: () => carBytes, run: async () => await command(['dag', 'export', cid]) },
      { name: 'gateway ?format=car, node:http', via: 'daemon', expectBytes: () => carBytes, run: async () => await httpGet(port(), `${full}?format=car`) }
    ]

    // Untimed: one of each through the daemon, so that its code is warm too.
    for (const c of online) await c.run()
    for (let round = 0; round < ROUNDS; round++) for (const c of online) await runCase(c, daemon)
    // Untimed: the bytes are the file's.
    const fileHash = await sha256(createReadStream(input) as AsyncIterable<Uint8Array>)
    const rangeHash = await sha256(createReadStream(input, { start: RANGE_START, end: RANGE_START + RANGE_LENGTH - 1 }) as AsyncIterable<Uint8Array>)
    checks['gateway GET is the file'] = await sha256(httpBody(port(), full)) === fileHash
    checks['gateway Range is the slice'] = await sha256(httpBody(port(), full, rangeHeader)) === rangeHash
  } finally {
    await daemon.stop()
  }
} finally {
  await rm(work, { recursive: true, force: true })
}
load.push(loadavg()[0] ?? 0)

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] ?? 0 : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
const mbps = (r: Read): number => r.bytes / 1e6 / r.seconds
const rows = Object.entries(results).map(([name, reads]) => {
  const best = reads.reduce((a, b) => mbps(b) > mbps(a) ? b : a)
  return {
    name,
    bytes: best.bytes,
    bestMbPerSecond: mbps(best),
    medianMbPerSecond: median(reads.map(mbps)),
    bestSeconds: best.seconds,
    /** The best run's rate from its first byte to its last: the stream without the start-up. */
    streamMbPerSecond: best.bytes / 1e6 / (best.seconds - best.ttfbMs / 1000),
    ttfbMs: median(reads.map((r) => r.ttfbMs)),
    cpuSeconds: median(reads.map((r) => r.cpuSeconds)),
    peakRssMiB: Math.max(...reads.map((r) => r.peakRssMiB)),
    reads
  }
})
const byName = new Map(rows.map((r) => [r.name, r]))
const versus = new Map<string, string>([
  ['gateway GET, node:http', 'cat through the daemon (RPC)'],
  ['gateway GET, curl', 'cat through the daemon (RPC)'],
  [`gateway Range (middle ${RANGE_LENGTH / 2 ** 20} MiB)`, 'cat --offset --length, daemon (RPC)'],
  ['gateway ?format=car, node:http', 'dag export through the daemon (RPC)']
])
const offlineOf = new Map<string, string>([
  ['cat through the daemon (RPC)', 'cat, offline (no daemon: the repo)'],
  ['gateway GET, node:http', 'cat, offline (no daemon: the repo)'],
  ['gateway GET, curl', 'cat, offline (no daemon: the repo)'],
  [`gateway Range (middle ${RANGE_LENGTH / 2 ** 20} MiB)`, 'cat --offset --length, offline'],
  ['gateway ?format=car, node:http', 'dag export, offline']
])
const ratio = (name: string, of: Map<string, string>): string => {
  const other = byName.get(of.get(name) ?? '')
  const mine = byName.get(name)
  return other === undefined || mine === undefined ? '' : `${(mine.bestMbPerSecond / other.bestMbPerSecond * 100).toFixed(0)}%`
}

process.stdout.write(`\ngateway benchmark: ${MIB} MiB seeded random, CID ${cid}, best and median of ${ROUNDS}, ${new Date().toISOString()}, ${machine()}, load ${load.map((l) => l.toFixed(2)).join(' → ')}\n\n`)
printTable(['case', 'MiB', 'best MB/s', 'median MB/s', 'best s', 'MB/s after first byte', 'first byte ms', 'server CPU s', 'peak RSS MiB', 'vs cat via daemon', 'vs cat offline'], rows.map((r) => [
  r.name,
  (r.bytes / 2 ** 20).toFixed(r.bytes % 2 ** 20 === 0 ? 0 : 1),
  r.bestMbPerSecond.toFixed(0),
  r.medianMbPerSecond.toFixed(0),
  r.bestSeconds.toFixed(2),
  r.streamMbPerSecond.toFixed(0),
  r.ttfbMs.toFixed(0),
  r.cpuSeconds.toFixed(2),
  r.peakRssMiB.toFixed(0),
  ratio(r.name, versus),
  ratio(r.name, offlineOf)
]))
process.stdout.write(`\nserver CPU (median, every thread) and peak RSS: of the cat process offline, of the daemon otherwise (peak ${peakResets ? 'reset before each read' : 'over its life: /proc/<pid>/clear_refs refused'}); first byte: median\n`)
for (const [check, ok] of Object.entries(checks)) process.stdout.write(`${ok ? 'ok' : 'FAILED'}: ${check}\n`)
const saved = await saveResult('gateway', { date: new Date().toISOString(), machine: machine(), mib: MIB, rounds: ROUNDS, cid, range: { start: RANGE_START, length: RANGE_LENGTH }, carBytes, load, peakResets, checks, rows })
process.stdout.write(`wrote ${saved}\n`)
