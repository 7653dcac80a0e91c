/**
 * The stand-in's `app`: ready after the main module has run its first turn
 * (as Electron's 'ready' follows the main script), Chromium's command line
 * (`appendSwitch`/`getSwitchValue` over this process's arguments),
 * `relaunch` that really starts the process again (Node with the V8 flags
 * of `--js-flags`, as Electron's main reads them), `quit` with Electron's
 * order (`before-quit`, every window's `close`, `will-quit`, exit), `exit`
 * at once, and a real single-instance lock: the first instance holds a
 * lock file and a Unix socket in userData; a second launch sends it its
 * argv and working directory (`second-instance`) and is refused the lock.
 */
import { spawn } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { homedir, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { isAlive } from '../../node-core/src/repo/lock.ts'
import { flushControl, record } from './control.ts'
import { stopChromium, standinChromium } from './chromium.ts'
import { StandinBrowserWindow, whenAllWindowsClosed } from './browser-window.ts'
import { preventable } from './web-contents.ts'
import type { Server } from 'node:net'

const userData = process.env.PLANETARY_STANDIN_USER_DATA ?? join(tmpdir(), 'planetary-standin-user-data')
mkdirSync(userData, { recursive: true })
const lockFile = join(userData, 'SingletonLock')
const socketFile = join(userData, 'SingletonSocket')

class StandinApp extends EventEmitter {
  readonly isPackaged = false
  readonly name = 'Planetary'
  #ready = false
  #readyWaiters: Array<() => void> = []
  #switches = new Map<string, string>()
  #relaunch: string[] | undefined
  #lockServer: Server | undefined
  #handover: Promise<void> | undefined
  #loginItem = false
  #exiting = false
  readonly commandLine = {
    appendSwitch: (name: string, value = ''): void => {
      this.#switches.set(name, value)
      record('app:switch', { name, value })
    },
    getSwitchValue: (name: string): string => {
      if (this.#switches.has(name)) return this.#switches.get(name) ?? ''
      const prefix = `--${name}=`
      return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? ''
    },
    hasSwitch: (name: string): boolean => this.#switches.has(name) || process.argv.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`)),
    appendArgument: (): void => {}
  }

  constructor () {
    super()
    whenAllWindowsClosed(() => {
      if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed')
      else this.quit()
    })
    // Electron quits on SIGINT and SIGTERM (Chromium's shutdown handler).
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => { this.quit() })
    setImmediate(() => {
      standinChromium().then(({ endpoint, pid }) => {
        record('chromium', { endpoint, pid })
        this.#ready = true
        record('app:ready')
        this.emit('ready')
        for (const waiter of this.#readyWaiters.splice(0)) waiter()
      }, (err: unknown) => {
        record('app:chromium-failed', { message: String(err) })
        this.exit(1)
      })
    })
  }

  isReady (): boolean { return this.#ready }

  async whenReady (): Promise<void> {
    if (this.#ready) return
    await new Promise<void>((resolve) => { this.#readyWaiters.push(resolve) })
  }

  getPath (name: string): string {
    switch (name) {
      case 'userData': return userData
      case 'appData': return dirname(userData)
      case 'home': return homedir()
      case 'downloads': return join(homedir(), 'Downloads')
      case 'temp': return tmpdir()
      case 'logs': return join(userData, 'logs')
      case 'exe': return process.execPath
      default: throw new Error(`the stand-in has no path named ${name}`)
    }
  }

  getAppPath (): string { return dirname(process.argv[1] ?? '.') }
  getVersion (): string { return '0.0.0-standin' }
  getName (): string { return this.name }

  setAsDefaultProtocolClient (scheme: string): boolean {
    record('app:protocol-client', { scheme })
    return true
  }

  getLoginItemSettings (): { openAtLogin: boolean } { return { openAtLogin: this.#loginItem } }
  setLoginItemSettings (settings: { openAtLogin?: boolean }): void {
    this.#loginItem = settings.openAtLogin === true
    record('app:login-item', { openAtLogin: this.#loginItem })
  }

  requestSingleInstanceLock (): boolean {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(lockFile, 'wx')
        writeSync(fd, String(process.pid))
        closeSync(fd)
        this.#listen()
        return true
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      }
      const holder = Number.parseInt(readFileSync(lockFile, 'utf8'), 10)
      if (Number.isSafeInteger(holder) && holder !== process.pid && isAlive(holder)) {
        this.#handover = this.#handOver()
        record('app:single-instance-refused', { holder })
        return false
      }
      rmSync(lockFile, { force: true })
      rmSync(socketFile, { force: true })
    }
    return false
  }

  #listen (): void {
    rmSync(socketFile, { force: true })
    this.#lockServer = createServer((socket) => {
      let text = ''
      socket.setEncoding('utf8')
      socket.on('data', (chunk: string) => { text += chunk })
      socket.on('end', () => {
        const { argv, cwd } = JSON.parse(text) as { argv: string[], cwd: string }
        record('app:second-instance', { argv, cwd })
        this.emit('second-instance', preventable(), argv, cwd, {})
        socket.end()
      })
    })
    this.#lockServer.listen(socketFile)
    this.#lockServer.unref()
  }

  async #handOver (): Promise<void> {
    await new Promise<void>((resolve) => {
      const socket = connect(socketFile, () => { socket.end(JSON.stringify({ argv: process.argv, cwd: process.cwd() })) })
      socket.on('close', () => { resolve() })
      socket.on('error', () => { resolve() })
    })
  }

  relaunch (options: { args?: string[], execPath?: string } = {}): void {
    this.#relaunch = options.args ?? process.argv.slice(1)
    record('app:relaunch', { args: this.#relaunch })
  }

  quit (): void {
    const event = preventable()
    this.emit('before-quit', event)
    if (event.defaultPrevented) return
    for (const win of StandinBrowserWindow.getAllWindows()) {
      win.close()
      if (!win.isDestroyed()) return
    }
    const willQuit = preventable()
    this.emit('will-quit', willQuit)
    if (!willQuit.defaultPrevented) this.exit(0)
  }

  exit (code = 0): void {
    if (this.#exiting) return
    this.#exiting = true
    void this.#exit(code)
  }

  async #exit (code: number): Promise<void> {
    record('app:exit', { code })
    for (const win of StandinBrowserWindow.getAllWindows()) win.destroy()
    await this.#handover
    await stopChromium()
    if (this.#lockServer !== undefined) {
      this.#lockServer.close()
      rmSync(lockFile, { force: true })
      rmSync(socketFile, { force: true })
    }
    if (this.#relaunch !== undefined) this.#spawnRelaunch(this.#relaunch)
    await flushControl()
    process.exit(code)
  }

  #spawnRelaunch (args: string[]): void {
    const jsFlags = args.find((arg) => arg.startsWith('--js-flags='))?.slice('--js-flags='.length) ?? ''
    const v8Flags = jsFlags.split(/\s+/).filter((flag) => flag !== '')
    const child = spawn(process.execPath, [...process.execArgv, ...v8Flags, ...args], { stdio: 'inherit', env: process.env })
    child.unref()
  }
}

/** The one `app`. */
export const app = new StandinApp()
