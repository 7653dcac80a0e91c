/**
 * The stand-in's renderer processes: one Debian Chromium, started with the
 * app (as Electron starts its own), with a DevTools port so that both the
 * stand-in and the test can drive it (Playwright's connectOverCDP), killed
 * when the app's process ends, however it ends.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM, CHROMIUM_FLAGS } from '../helpers/browser.ts'
import type { ChildProcess } from 'node:child_process'
import type { Browser } from 'playwright-core'

/** The running Chromium: its DevTools endpoint and Playwright's handle. */
export interface StandinChromium {
  endpoint: string
  pid: number
  browser: Browser
  kill(): void
}

let started: Promise<StandinChromium> | undefined

async function endpointOf (child: ChildProcess): Promise<string> {
  return await new Promise<string>((resolve, reject) => {
    let text = ''
    const timer = setTimeout(() => { reject(new Error(`Chromium gave no DevTools endpoint in 20 s: ${text.slice(-500)}`)) }, 20_000)
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => {
      text += chunk
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text)
      if (match?.[1] !== undefined) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Chromium exited (${String(code)}) before it listened: ${text.slice(-500)}`))
    })
  })
}

async function start (): Promise<StandinChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'planetary-standin-chromium-'))
  const child = spawn(CHROMIUM, [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] })
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    rmSync(profile, { recursive: true, force: true })
  }
  process.once('exit', kill)
  const endpoint = await endpointOf(child)
  child.stderr?.resume()
  const browser = await chromium.connectOverCDP(endpoint)
  return { endpoint, pid: child.pid ?? -1, browser, kill }
}

/** The app's Chromium, started on first use. */
export async function standinChromium (): Promise<StandinChromium> {
  started ??= start()
  return await started
}

/** Kill Chromium if it was started. */
export async function stopChromium (): Promise<void> {
  if (started === undefined) return
  const running = await started.catch(() => undefined)
  running?.kill()
}
