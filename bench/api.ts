// `npm run bench -- api`: the cost of each door of the API contract, and
// whether the node stays responsive while it imports. A real daemon (child
// process) over a fresh test repo: `node.info` calls through the WebSocket
// bridge, Kubo's `/api/v0/id` over HTTP for reference, and the in-process
// door on a node in this process; then the bridge's call latency while
// `planetary add` streams BENCH_API_ADD_MIB (default 512) MiB into the daemon.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '../node-core/src/api/client.ts'
import { inProcessTransport } from '../node-core/src/api/in-process.ts'
import { createNodeApi } from '../node-core/src/api/node-api.ts'
import { connectWebSocket } from '../node-core/src/api/ws-transport.ts'
import { createNode } from '../node-core/src/node.ts'
import { initRepo, openRepo } from '../node-core/src/repo/repo.ts'
import { machine, printTable, saveResult, seededFile } from './measure.ts'
import type { ApiClient } from '../node-core/src/api/client.ts'

const CALLS = 2000
const ADD_BYTES = Number(process.env.BENCH_API_ADD_MIB ?? 512) * 2 ** 20
const cli = new URL('../node-core/bin/planetary.js', import.meta.url).pathname
const work = await mkdtemp(join(tmpdir(), 'planetary-bench-api-'))

interface Row { door: string, callsPerSecond: number, p50: number, p99: number, max: number }

function quantile (sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0
}

/** Call `once` CALLS times, one after another: calls/s and latency quantiles (ms). */
async function measure (door: string, once: () => Promise<unknown>): Promise<Row> {
  for (let i = 0; i < 100; i++) await once()
  const latencies: number[] = []
  const started = performance.now()
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now()
    await once()
    latencies.push(performance.now() - t)
  }
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return { door, callsPerSecond: CALLS / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), max: latencies.at(-1) ?? 0 }
}

async function run (args: string[], repo: string): Promise<void> {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, PLANETARY_PATH: repo }, stdio: 'ignore' })
  const code = await new Promise((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`planetary ${args.join(' ')} exited ${String(code)}`)
}

const rows: Row[] = []
let underLoad: Row & { addSeconds: number } | undefined
const repo = join(work, 'daemon')
await run(['init', '--profile', 'test'], repo)
const daemon = spawn(process.execPath, [cli, 'daemon'], { env: { ...process.env, PLANETARY_PATH: repo }, stdio: ['ignore', 'pipe', 'inherit'] })
let client: ApiClient | undefined
try {
  let out = ''
  daemon.stdout.on('data', (d: Buffer) => { out += d.toString() })
  while (!out.includes('Daemon is ready')) await new Promise((resolve) => setTimeout(resolve, 50))
  const webui = /WebUI: (http:\/\/[^/]+)\/webui\/#token=(\S+)/.exec(out)
  if (webui?.[1] === undefined || webui[2] === undefined) throw new Error(`no WebUI line in: ${out}`)
  const origin = webui[1]
  client = createClient(await connectWebSocket(origin, webui[2]))
  const ws = client
  rows.push(await measure('WebSocket bridge: node.info', async () => await ws.node.info()))
  rows.push(await measure('Kubo RPC over HTTP: POST /api/v0/id', async () => await (await fetch(`${origin}/api/v0/id`, { method: 'POST' })).json()))

  const input = await seededFile(join(tmpdir(), 'planetary-bench-inputs'), ADD_BYTES, 'bench-api')
  const latencies: number[] = []
  const started = performance.now()
  const add = run(['add', '-Q', input], repo)
  let adding = true
  void add.finally(() => { adding = false })
  while (adding) {
    const t = performance.now()
    await ws.node.info()
    latencies.push(performance.now() - t)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  await add
  const addSeconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  underLoad = { door: `WebSocket bridge: node.info during a ${ADD_BYTES / 2 ** 20} MiB add`, callsPerSecond: latencies.length / addSeconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), max: latencies.at(-1) ?? 0, addSeconds }
  rows.push(underLoad)
} finally {
  await client?.close()
  daemon.kill('SIGTERM')
  await new Promise((resolve) => daemon.on('close', resolve))
}

const localPath = join(work, 'local')
await initRepo(localPath, 'test')
const local = await openRepo(localPath)
const node = await createNode(local)
await node.start()
try {
  const inProcess = createClient(inProcessTransport(createNodeApi(node)))
  rows.push(await measure('in-process: node.info', async () => await inProcess.node.info()))
} finally {
  await node.stop()
  await local.close()
  await rm(work, { recursive: true, force: true })
}

process.stdout.write(`\napi benchmark: ${CALLS} sequential calls per door, ${new Date().toISOString()}, ${machine()}\n\n`)
const table = printTable(['door', 'calls/s', 'p50 ms', 'p99 ms', 'max ms'], rows.map((r) => [r.door, r.callsPerSecond.toFixed(0), r.p50.toFixed(2), r.p99.toFixed(2), r.max.toFixed(1)]))
if (underLoad !== undefined) process.stdout.write(`\nthe add took ${underLoad.addSeconds.toFixed(1)} s (${(ADD_BYTES / 1e6 / underLoad.addSeconds).toFixed(0)} MB/s) through the daemon's RPC\n`)
const saved = await saveResult('api', { date: new Date().toISOString(), machine: machine(), calls: CALLS, addBytes: ADD_BYTES, rows, table })
process.stdout.write(`\nwrote ${saved}\n`)
