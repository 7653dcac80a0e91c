// A real `planetary daemon` in a child process, over a fresh test repo.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CLI, freshRepo } from './cli.ts'
import { waitFor } from './nodes.ts'
import type { ChildProcess } from 'node:child_process'

/** A running daemon: its repo, peer ID, listen addresses and how to stop it. */
export interface TestDaemon {
  repo: string
  peerId: string
  addresses: string[]
  child: ChildProcess
  output(): string
  stop(): Promise<void>
}

/** Start a daemon on a new test-profile repo (after `configure` runs CLI config edits). */
export async function startTestDaemon (configure: (repo: string) => Promise<void> = async () => {}): Promise<TestDaemon> {
  const { repo, cleanup } = await freshRepo()
  await configure(repo)
  return await runDaemon(repo, ['daemon'], cleanup)
}

/** Run `planetary ...args` (a daemon command line) on `repo` until it is ready; `stop` ends it, then runs `cleanup`. */
export async function runDaemon (repo: string, args: string[], cleanup: () => Promise<void> = async () => {}): Promise<TestDaemon> {
  return await spawnDaemon(repo, [CLI, ...args], cleanup)
}

/** Run the daemon on `repo` as the desktop app starts it (taken ports moved), until it is ready. */
export async function runDesktopDaemon (repo: string, cleanup: () => Promise<void> = async () => {}): Promise<TestDaemon> {
  return await spawnDaemon(repo, [DESKTOP_DAEMON], cleanup)
}

/** The desktop app's start of the daemon, as a script (spelled without `new URL(…, import.meta.url)`, as in cli.ts). */
const DESKTOP_DAEMON = join(dirname(fileURLToPath(import.meta.url)), 'desktop-daemon.ts')

async function spawnDaemon (repo: string, argv: string[], cleanup: () => Promise<void>): Promise<TestDaemon> {
  const child = spawn(process.execPath, argv, { env: { ...process.env, PLANETARY_PATH: repo }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => { out += d.toString() })
  child.stderr.on('data', (d: Buffer) => { out += d.toString() })
  await waitFor(() => out.includes('Daemon is ready') || child.exitCode !== null, 20_000, 'daemon to start')
  if (!out.includes('Daemon is ready')) throw new Error(`daemon failed to start: ${out}`)
  const addresses = [...out.matchAll(/^Swarm listening on (\S+)$/gm)].map((m) => m[1] ?? '')
  const peerId = addresses[0]?.split('/p2p/')[1] ?? ''
  return {
    repo,
    peerId,
    addresses,
    child,
    output: () => out,
    async stop () {
      if (child.exitCode === null && child.signalCode === null) {
        const closed = new Promise((resolve) => child.on('close', resolve))
        child.kill('SIGTERM')
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 8000))])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      await cleanup()
    }
  }
}
