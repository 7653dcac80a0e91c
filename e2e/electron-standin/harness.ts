/**
 * The test's side of the stand-in: start the real bundled main
 * (`electron/dist/main.mjs`, built once per run) on Node with the
 * stand-in `electron`, hear what it records, send it commands, and drive
 * its window's page through the same Chromium (DevTools).
 *
 * Every process the app starts (the relaunch, a second instance) says
 * hello on the control socket, so the harness knows every pid and can
 * tell when all are gone.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { build } from 'vite'
import { chromium } from 'playwright-core'
import { CONTROL_ENV } from './control.ts'
import { isAlive } from '../../node-core/src/repo/lock.ts'
import { dropPaths } from '../helpers/ui.ts'
import type { ChildProcess } from 'node:child_process'
import type { Server, Socket } from 'node:net'
import type { Browser, Page } from 'playwright-core'

const ROOT = join(import.meta.dirname, '..', '..')
/** The bundled main the stand-in runs. */
export const MAIN_BUNDLE = join(ROOT, 'electron', 'dist', 'main.mjs')
const REGISTER = join(import.meta.dirname, 'register.ts')

/** One thing the app did, as the stand-in recorded it. */
export interface StandinRecord {
  kind: string
  data: Record<string, unknown>
  pid: number
  at: number
}

let built: Promise<void> | undefined

/** Build main and the preload into electron/dist (once per test process). */
export async function buildDesktop (): Promise<void> {
  const config = join(ROOT, 'electron', 'vite.config.ts')
  built ??= (async () => {
    await build({ configFile: config, logLevel: 'warn' })
    await build({ configFile: config, mode: 'preload', logLevel: 'warn' })
  })()
  await built
}

/** Options of {@link launchStandin}. */
export interface LaunchOptions {
  /** The repo (`PLANETARY_PATH`). */
  repoPath: string
  /** userData (window bounds, the single-instance lock). */
  userData: string
  /** Arguments after main (files, ipfs:// links). */
  args?: string[]
  /** More environment. */
  env?: Record<string, string>
}

/** A running app under the stand-in. */
export interface StandinApp {
  readonly records: StandinRecord[]
  /** Every pid that said hello. */
  readonly pids: Set<number>
  /** What the processes printed (stdout and stderr). */
  output(): string
  /** The first record of `kind` (after `from`) that `match` accepts. */
  waitFor(kind: string, match?: (data: Record<string, unknown>) => boolean, options?: { timeout?: number, from?: number }): Promise<StandinRecord>
  /** The newest record of `kind`. */
  latest(kind: string): StandinRecord | undefined
  /** Send a command to the newest process. */
  command(name: string, args?: Record<string, unknown>): Promise<unknown>
  /** Click a tray (or application) menu item by its label. */
  clickMenu(label: string, menu?: 'tray' | 'app'): Promise<void>
  /** The window's page (through DevTools). */
  page(): Promise<Page>
  /** Drop files from disk onto the window, as the OS does. */
  drop(paths: string[]): Promise<void>
  /** Start a second instance with `args` (it hands them over and exits): its exit code. */
  secondInstance(args: string[]): Promise<number | null>
  /** Resolves when every process that said hello has exited. */
  allExited(timeoutMs?: number): Promise<void>
  /** Kill whatever is left and clean up. */
  close(): Promise<void>
}

/** Start the app (main.mjs on the stand-in). */
export async function launchStandin (options: LaunchOptions): Promise<StandinApp> {
  await buildDesktop()
  const dir = await mkdtemp(join(tmpdir(), 'planetary-standin-'))
  const socketPath = join(dir, 'control.sock')
  const records: StandinRecord[] = []
  const pids = new Set<number>()
  const sockets = new Map<number, Socket>()
  const replies = new Map<number, { resolve: (value: unknown) => void, reject: (err: Error) => void }>()
  const waiters = new Set<() => void>()
  const children: ChildProcess[] = []
  let newest: number | undefined
  let nextCommand = 1
  let output = ''
  let browser: Browser | undefined

  const server: Server = createServer((socket) => {
    let buffered = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      buffered += chunk
      let end
      while ((end = buffered.indexOf('\n')) >= 0) {
        const message = JSON.parse(buffered.slice(0, end)) as Record<string, unknown>
        buffered = buffered.slice(end + 1)
        if (message.type === 'hello') {
          const pid = message.pid as number
          pids.add(pid)
          sockets.set(pid, socket)
          newest = pid
          records.push({ kind: 'hello', data: message, pid, at: Date.now() })
        } else if (message.type === 'record') {
          records.push(message as unknown as StandinRecord)
        } else if (message.type === 'reply') {
          const waiter = replies.get(message.id as number)
          replies.delete(message.id as number)
          if (message.ok === true) waiter?.resolve(message.value)
          else waiter?.reject(new Error(String(message.error)))
        }
        for (const wake of [...waiters]) wake()
      }
    })
    socket.on('error', () => {})
  })
  server.listen(socketPath)
  await once(server, 'listening')

  const env = { ...process.env, PLANETARY_PATH: options.repoPath, PLANETARY_STANDIN_USER_DATA: options.userData, [CONTROL_ENV]: socketPath, ...options.env }
  const start = (args: string[]): ChildProcess => {
    const child = spawn(process.execPath, ['--import', REGISTER, MAIN_BUNDLE, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => { output += chunk })
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => { output += chunk })
    children.push(child)
    return child
  }
  start(options.args ?? [])

  const waitFor = async (kind: string, match: (data: Record<string, unknown>) => boolean = () => true, opts: { timeout?: number, from?: number } = {}): Promise<StandinRecord> => {
    const timeout = opts.timeout ?? 30_000
    const find = (): StandinRecord | undefined => records.slice(opts.from ?? 0).find((r) => r.kind === kind && match(r.data))
    const found = find()
    if (found !== undefined) return found
    return await new Promise<StandinRecord>((resolve, reject) => {
      const wake = (): void => {
        const hit = find()
        if (hit === undefined) return
        waiters.delete(wake)
        clearTimeout(timer)
        resolve(hit)
      }
      const timer = setTimeout(() => {
        waiters.delete(wake)
        reject(new Error(`no ${kind} record in ${timeout} ms; last records: ${records.slice(-8).map((r) => `${r.kind} ${JSON.stringify(r.data).slice(0, 160)}`).join(' | ')}\noutput: ${output.slice(-2000)}`))
      }, timeout)
      waiters.add(wake)
    })
  }

  const command = async (name: string, args: Record<string, unknown> = {}): Promise<unknown> => {
    // The process with the window (a second instance or a relaunched one says hello too, then exits).
    const target = records.findLast((r) => r.kind === 'window:created' && isAlive(r.pid))?.pid ?? newest
    const socket = target === undefined ? undefined : sockets.get(target)
    if (socket === undefined) throw new Error('no stand-in process is connected')
    const id = nextCommand++
    const reply = new Promise<unknown>((resolve, reject) => { replies.set(id, { resolve, reject }) })
    socket.write(`${JSON.stringify({ id, name, args })}\n`)
    return await reply
  }

  const page = async (): Promise<Page> => {
    const { data } = await waitFor('chromium', undefined, { from: records.findLastIndex((r) => r.kind === 'hello') })
    browser ??= await chromium.connectOverCDP(String(data.endpoint))
    await waitFor('window:load')
    for (let i = 0; i < 100; i++) {
      const found = browser.contexts().flatMap((context) => context.pages()).find((p) => p.url().includes('.standin/'))
      if (found !== undefined) return found
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error('the window has no page')
  }

  const app: StandinApp = {
    records,
    pids,
    output: () => output,
    waitFor,
    latest: (kind) => records.findLast((r) => r.kind === kind),
    command,
    async clickMenu (label, menu = 'tray') { await command('click-menu', { label, menu }) },
    page,
    async drop (paths) {
      const files = await Promise.all(paths.map(async (path) => ({ path, name: basename(path), lastModified: (await stat(path)).mtimeMs })))
      await command('register-files', { files })
      await dropPaths(await page(), paths)
    },
    async secondInstance (args) {
      const child = start(args)
      const [code] = await once(child, 'exit') as [number | null]
      return code
    },
    async allExited (timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs
      while ([...pids].some(isAlive)) {
        if (Date.now() > deadline) throw new Error(`still running after ${timeoutMs} ms: ${[...pids].filter(isAlive).join(', ')}\noutput: ${output.slice(-2000)}`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    },
    async close () {
      await browser?.close().catch(() => {})
      for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL')
      for (const record of records.filter((r) => r.kind === 'chromium')) {
        const pid = record.data.pid as number
        if (isAlive(pid)) process.kill(pid, 'SIGKILL')
      }
      server.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
  return app
}
