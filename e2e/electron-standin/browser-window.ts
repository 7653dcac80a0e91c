/**
 * The stand-in's `BrowserWindow`: a Chromium page (web-contents.ts) sized as
 * the window, with the window's own state (shown, hidden, minimized,
 * maximized, bounds) kept and recorded, since a headless page has no
 * window manager. `close()` is what the user's close button does: `close`
 * is emitted and may be prevented; otherwise the page goes and `closed`
 * follows.
 */
import { EventEmitter } from 'node:events'
import { onCommand, record } from './control.ts'
import { StandinWebContents, preventable } from './web-contents.ts'
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron'

const windows = new Set<StandinBrowserWindow>()
let nextId = 1

/** Called when the last window is gone (the app decides what follows). */
let onAllClosed: () => void = () => {}

/** Set what happens when the last window closes (app.ts). */
export function whenAllWindowsClosed (listener: () => void): void {
  onAllClosed = listener
}

onCommand('register-files', async ({ files }) => {
  const win = [...windows].at(-1)
  if (win === undefined) throw new Error('there is no window')
  await win.webContents.registerFiles(files as Array<{ path: string, name: string, lastModified: number }>)
  return true
})

onCommand('close-window', () => {
  const win = [...windows].at(-1)
  if (win === undefined) throw new Error('there is no window')
  win.close()
  return { destroyed: win.isDestroyed(), visible: win.isVisible() }
})

function describeOptions (options: BrowserWindowConstructorOptions): Record<string, unknown> {
  const { webPreferences, ...rest } = options
  return { ...rest, webPreferences: { ...webPreferences } }
}

/** Electron's BrowserWindow, the part electron/ uses. */
export class StandinBrowserWindow extends EventEmitter {
  static getAllWindows (): StandinBrowserWindow[] { return [...windows] }

  readonly id = nextId++
  readonly webContents: StandinWebContents
  #bounds: Rectangle
  #visible = false
  #minimized = false
  #maximized = false
  #destroyed = false

  constructor (options: BrowserWindowConstructorOptions = {}) {
    super()
    this.#bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 }
    this.webContents = new StandinWebContents({
      width: this.#bounds.width,
      height: this.#bounds.height,
      preload: options.webPreferences?.preload,
      dark: process.env.PLANETARY_STANDIN_DARK === '1'
    })
    windows.add(this)
    record('window:created', { id: this.id, options: describeOptions(options) })
    this.webContents.once('did-finish-load', () => { this.emit('ready-to-show') })
    if (options.show !== false) this.show()
  }

  async loadURL (url: string): Promise<void> { await this.webContents.loadURL(url) }

  show (): void {
    this.#visible = true
    this.#minimized = false
    record('window:shown', { id: this.id })
  }

  hide (): void {
    this.#visible = false
    record('window:hidden', { id: this.id })
  }

  focus (): void { record('window:focused', { id: this.id }) }
  restore (): void { this.#minimized = false }
  minimize (): void { this.#minimized = true }
  maximize (): void { this.#maximized = true }
  unmaximize (): void { this.#maximized = false }
  isVisible (): boolean { return this.#visible }
  isMinimized (): boolean { return this.#minimized }
  isMaximized (): boolean { return this.#maximized }
  isDestroyed (): boolean { return this.#destroyed }
  getBounds (): Rectangle { return { ...this.#bounds } }
  getNormalBounds (): Rectangle { return { ...this.#bounds } }
  setBounds (bounds: Partial<Rectangle>): void { this.#bounds = { ...this.#bounds, ...bounds } }

  /** As the window's close button: `close` (preventable), then the page goes. */
  close (): void {
    if (this.#destroyed) return
    const event = preventable()
    this.emit('close', event)
    if (event.defaultPrevented) {
      record('window:close-prevented', { id: this.id })
      return
    }
    this.destroy()
  }

  /** Gone at once, no `close` event. */
  destroy (): void {
    if (this.#destroyed) return
    this.#destroyed = true
    this.#visible = false
    windows.delete(this)
    void this.webContents.destroy()
    record('window:closed', { id: this.id })
    this.emit('closed')
    if (windows.size === 0) onAllClosed()
  }
}
