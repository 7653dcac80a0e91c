// `npm run bench -- net`: one stream between two processes over loopback for
// TCP+Noise+Yamux, TCP+TLS+Yamux, QUIC and WebSockets+Noise+Yamux, with raw
// TCP as the yardstick; connection setup time; idle daemon RSS after 60 s.
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { machine, printTable, saveResult, timeChild } from './measure.ts'

const MIB = Number(process.env.BENCH_NET_MIB ?? 256)
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60)
const child = (name: string): string => new URL(`./children/${name}`, import.meta.url).pathname

async function pair (script: string, kind: string): Promise<{ setupMs: number, mbPerSecond: number }> {
  const listener = spawn(process.execPath, [child(script), 'listen', kind], { stdio: ['ignore', 'pipe', 'inherit'] })
  const address = await new Promise<string>((resolve) => listener.stdout.once('data', (d: Buffer) => { resolve(d.toString().trim()) }))
  try {
    const sender = await timeChild([child(script), 'send', script === 'raw-tcp.ts' ? address : kind, script === 'raw-tcp.ts' ? String(MIB) : address, String(MIB)])
    return JSON.parse(sender.stdout.trim().split('\n').pop() ?? '{}') as { setupMs: number, mbPerSecond: number }
  } finally {
    listener.kill('SIGTERM')
  }
}

const rows: Array<{ name: string, mbPerSecond: number, setupMs: number }> = []
const raw = await pair('raw-tcp.ts', '')
rows.push({ name: 'raw TCP (yardstick)', ...raw })
for (const [name, kind] of [['TCP + Noise + Yamux', 'tcp-noise'], ['TCP + TLS + Yamux', 'tcp-tls'], ['QUIC', 'quic'], ['WebSockets + Noise + Yamux', 'ws-noise']] as const) {
  rows.push({ name, ...await pair('net-peer.ts', kind) })
}

const work = await mkdtemp(join(tmpdir(), 'planetary-bench-net-'))
const idleRssMiB: Record<string, number> = {}
try {
  const cli = new URL('../node-core/bin/planetary.js', import.meta.url).pathname
  const repo = join(work, 'repo')
  // The default config, kept off the network: loopback, no bootstrap, no mDNS or UPnP.
  await timeChild([cli, 'init'], { PLANETARY_PATH: repo })
  for (const [key, value] of [
    ['Addresses.Swarm', '["/ip4/127.0.0.1/tcp/0", "/ip4/127.0.0.1/udp/0/quic-v1", "/ip4/127.0.0.1/tcp/0/ws"]'],
    ['Addresses.API', '"/ip4/127.0.0.1/tcp/0"'],
    ['Addresses.Gateway', '"/ip4/127.0.0.1/tcp/0"'],
    ['Bootstrap', '[]'],
    ['Discovery.MDNS.Enabled', 'false'],
    ['Swarm.DisableNatPortMap', 'true']
  ] as const) await timeChild([cli, 'config', '--json', key, value], { PLANETARY_PATH: repo })
  // Twice: the first start compiles and caches the daemon's code (and loads
  // the type stripper), every later start runs from the compile cache.
  for (const run of ['first start', 'later starts'] as const) {
    const daemon = spawn(process.execPath, [cli, 'daemon'], { env: { ...process.env, PLANETARY_PATH: repo, NODE_COMPILE_CACHE: join(work, 'compile-cache') }, stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>((resolve) => daemon.stdout.on('data', (d: Buffer) => { if (d.toString().includes('Daemon is ready')) resolve() }))
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000))
    const status = await readFile(`/proc/${daemon.pid ?? 0}/status`, 'utf8')
    idleRssMiB[run] = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
    daemon.kill('SIGTERM')
    await new Promise((resolve) => daemon.on('close', resolve))
  }
} finally {
  await rm(work, { recursive: true, force: true })
}

process.stdout.write(`\nnet benchmark: ${MIB} MiB on one stream over loopback, ${new Date().toISOString()}, ${machine()}\n\n`)
printTable(['transport', 'MB/s', 'vs raw TCP', 'connection setup ms'], rows.map((r) => [r.name, r.mbPerSecond.toFixed(0), `${(r.mbPerSecond / raw.mbPerSecond * 100).toFixed(0)}%`, r.setupMs.toFixed(1)]))
for (const [run, mib] of Object.entries(idleRssMiB)) process.stdout.write(`${run === 'first start' ? '\n' : ''}idle daemon (default transports, offline) RSS after ${IDLE_SECONDS} s, ${run}: ${mib.toFixed(0)} MiB\n`)
const saved = await saveResult('net', { date: new Date().toISOString(), machine: machine(), mib: MIB, rows, idleSeconds: IDLE_SECONDS, idleRssMiB })
process.stdout.write(`wrote ${saved}\n`)
