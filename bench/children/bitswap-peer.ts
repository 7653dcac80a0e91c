// One side of the bitswap benchmark, in its own process, driven by lines on
// stdin and answering with JSON lines on stdout.
//   seed <kind> <dir>                          serve the blocks already in <dir>
//   fetch <kind> <dir> <root> <bytes> <address>...
//   warm                                       load every kind's code once, exit
// Both print `{"ready": ...}` once listening (seeders) or once connected to
// every seeder with identify done (fetchers). On `go` the kernel's peak RSS
// (VmHWM) is reset, so what the parent reads later is the transfer's peak,
// and a fetcher streams the file through cat and prints its timings once it
// holds every byte; on `stop` each prints its counters (and the RSS before
// `go`), stops its node and exits. BENCH_BITSWAP_VERIFY=1 hashes what
// arrives. Compiled code is cached on disk as the `planetary` command does
// (`warm` fills the cache before anything is measured).
// BENCH_BITSWAP_PERF=<dir> records each peer with `perf record -g` from `go`
// until it is done (fetchers) or stopped (seeders), every thread of it
// (V8's GC workers and the libuv pool too): <dir>/<role>-<pid>.data.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { enableCompileCache } from 'node:module'
import { createInterface } from 'node:readline'
import type { Kind } from './bitswap-nodes.ts'

enableCompileCache()
const { CID } = await import('multiformats/cid')
const { connect, startNode, tcpAddress } = await import('./bitswap-nodes.ts')

const [role = 'seed', kind = 'ours', dir = '', root = '', bytesText = '0', ...addresses] = process.argv.slice(2)
const say = (value: unknown): void => { process.stdout.write(JSON.stringify(value) + '\n') }
const now = (): number => performance.timeOrigin + performance.now()

const statusMiB = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024
if (role === 'warm') {
  await Promise.all([import('../../node-core/src/node.ts'), import('../../node-core/src/exchange/bitswap.ts'), import('blockstore-fs'), import('datastore-core'), import('helia'), import('@helia/bitswap'), import('@helia/unixfs'), import('@helia/libp2p'), import('@libp2p/tls')])
  process.exit(0)
}
const node = await startNode(kind as Kind, dir, role === 'fetch')
let before = { peakMiB: 0, rssMiB: 0 }
let cpu = process.cpuUsage()
let elu = performance.eventLoopUtilization()
let mark = now()
let transfer: Promise<void> = Promise.resolve()
let perf: ReturnType<typeof spawn> | undefined

/** Start `perf record` on this process (BENCH_BITSWAP_PERF) and give it time to attach. */
async function startPerf (): Promise<void> {
  const dir = process.env.BENCH_BITSWAP_PERF
  if (dir === undefined || dir === '') return
  perf = spawn('perf', ['record', '-g', '-F', '999', '-p', String(process.pid), '-o', `${dir}/${role}-${process.pid}.data`], { stdio: 'ignore' })
  await new Promise((resolve) => setTimeout(resolve, 300))
}

async function stopPerf (): Promise<void> {
  const running = perf
  if (running === undefined) return
  perf = undefined
  const exited = new Promise((resolve) => running.on('close', resolve))
  running.kill('SIGINT')
  await exited
}

if (role === 'seed') {
  say({ ready: true, address: tcpAddress(node) })
} else {
  const encryption: string[] = []
  for (const address of addresses) encryption.push((await connect(node, address)).encryption)
  say({ ready: true, encryption: [...new Set(encryption)].join(',') })
}

async function fetch (): Promise<void> {
  const expected = Number(bytesText)
  const hash = process.env.BENCH_BITSWAP_VERIFY === '1' ? createHash('sha256') : undefined
  const progress = process.env.BENCH_BITSWAP_PROGRESS === '1' ? setInterval(() => { process.stderr.write(`fetch ${process.pid}: ${(received / 2 ** 20).toFixed(0)} MiB\n`) }, 2000) : undefined
  let received = 0
  let firstByte: number | undefined
  const started = now()
  try {
    for await (const chunk of node.cat(CID.parse(root))) {
      firstByte ??= now()
      received += chunk.byteLength
      hash?.update(chunk)
    }
  } finally {
    clearInterval(progress)
  }
  const ended = now()
  await stopPerf()
  if (received !== expected) throw new Error(`received ${received} bytes, expected ${expected}`)
  say({ done: true, started, ended, ttfbMs: (firstByte ?? ended) - started, bytes: received, sha256: hash?.digest('hex'), ...usage() })
}

function usage (): { cpuMs: number, systemMs: number, wallMs: number, elu: number } {
  const c = process.cpuUsage(cpu)
  return { cpuMs: (c.user + c.system) / 1000, systemMs: c.system / 1000, wallMs: now() - mark, elu: performance.eventLoopUtilization(elu).utilization }
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'go') {
    await startPerf()
    before = { peakMiB: statusMiB('VmHWM'), rssMiB: statusMiB('VmRSS') }
    writeFileSync('/proc/self/clear_refs', '5')
    cpu = process.cpuUsage()
    elu = performance.eventLoopUtilization()
    mark = now()
    if (role === 'fetch') transfer = fetch().catch((err: Error) => { say({ error: err.stack ?? err.message }) })
  } else if (line === 'stop') {
    await transfer
    await stopPerf()
    say({ stopped: true, ...(role === 'seed' ? usage() : {}), before, stat: node.stat() })
    break
  }
}
await node.stop()
process.exit(0)
