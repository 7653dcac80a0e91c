/**
 * A fake ipcMain and ipcRenderer pair, with webContents and frames, as
 * Electron behaves for the binding: every value that crosses is copied with
 * structuredClone (so what Electron cannot clone fails here too), a call to
 * a channel without a handler rejects, and messages are delivered
 * asynchronously in the order they were sent (a call's progress before its
 * reply).
 */
import { EventEmitter } from 'node:events'
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron'
import type { IpcMainLike } from '../src/ipc-main.ts'
import type { IpcRendererLike, WebUtilsLike } from '../src/preload-bridge.ts'

type MainListener = (event: IpcMainEvent, ...args: unknown[]) => void
type MainHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown
type RendererListener = (event: unknown, ...args: unknown[]) => void

/** One delivery after those already queued (setImmediate runs in order). */
function later (deliver: () => void): void {
  setImmediate(deliver)
}

/**
 * A frame of a window, as `event.senderFrame` shows it.
 *
 * `url` can be changed to simulate a navigation.
 */
export class FakeFrame {
  url: string
  constructor (url: string) {
    this.url = url
  }
}

/**
 * A window's webContents: `send` to its renderer, `destroy` to close it.
 *
 * Its frames share one renderer process, so they see the same channels.
 */
export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame
  readonly rendererListeners = new Map<string, Set<RendererListener>>()
  #destroyed = false
  constructor (url: string) {
    super()
    this.mainFrame = new FakeFrame(url)
  }

  /** As Electron's: cloned, delivered to the renderer's listeners later; throws on a value that cannot be cloned. */
  send (channel: string, ...args: unknown[]): void {
    if (this.#destroyed) throw new Error('Object has been destroyed')
    const copies = structuredClone(args)
    later(() => { for (const listener of [...this.rendererListeners.get(channel) ?? []]) listener({ sender: this }, ...copies) })
  }

  isDestroyed (): boolean {
    return this.#destroyed
  }

  /** Close the window: 'destroyed' is emitted. */
  destroy (): void {
    if (this.#destroyed) return
    this.#destroyed = true
    this.emit('destroyed')
  }
}

/**
 * The fake ipcMain: handlers by channel and listeners by channel.
 *
 * Registering a second handler for a channel throws, as in Electron.
 */
export class FakeIpcMain {
  readonly handlers = new Map<string, MainHandler>()
  readonly listeners = new Map<string, Set<MainListener>>()

  handle (channel: string, handler: MainHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  }

  removeHandler (channel: string): void {
    this.handlers.delete(channel)
  }

  on (channel: string, listener: MainListener): this {
    let set = this.listeners.get(channel)
    if (set === undefined) this.listeners.set(channel, set = new Set())
    set.add(listener)
    return this
  }

  removeListener (channel: string, listener: MainListener): this {
    this.listeners.get(channel)?.delete(listener)
    return this
  }

  /** Count of listeners over all channels. */
  listenerTotal (): number {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0)
  }

  /** This fake as the binding's parameter type. */
  asIpcMain (): IpcMainLike {
    return this as unknown as IpcMainLike
  }
}

/**
 * The fake ipcRenderer of one frame of `webContents`.
 *
 * `invoke` and `send` arrive at `ipcMain` with that frame as `senderFrame`.
 */
export class FakeIpcRenderer {
  readonly #main: FakeIpcMain
  readonly #contents: FakeWebContents
  readonly #frame: FakeFrame
  constructor (main: FakeIpcMain, contents: FakeWebContents, frame: FakeFrame) {
    this.#main = main
    this.#contents = contents
    this.#frame = frame
  }

  #event (): { sender: FakeWebContents, senderFrame: FakeFrame, frameId: number, processId: number } {
    return { sender: this.#contents, senderFrame: this.#frame, frameId: this.#frame === this.#contents.mainFrame ? 1 : 2, processId: 1 }
  }

  async invoke (channel: string, ...args: unknown[]): Promise<unknown> {
    const copies = structuredClone(args)
    const event = this.#event() as unknown as IpcMainInvokeEvent
    return await new Promise((resolve, reject) => {
      later(() => {
        const handler = this.#main.handlers.get(channel)
        if (handler === undefined) {
          reject(new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`))
          return
        }
        Promise.resolve().then(() => handler(event, ...copies)).then((value) => {
          let copy: unknown
          try {
            copy = structuredClone(value)
          } catch (err) {
            later(() => { reject(new Error(`Error invoking remote method '${channel}': ${String(err)}`)) })
            return
          }
          later(() => { resolve(copy) })
        }, (err: unknown) => {
          later(() => { reject(new Error(`Error invoking remote method '${channel}': ${String(err)}`)) })
        })
      })
    })
  }

  send (channel: string, ...args: unknown[]): void {
    const copies = structuredClone(args)
    const event = this.#event() as unknown as IpcMainEvent
    later(() => { for (const listener of [...this.#main.listeners.get(channel) ?? []]) listener(event, ...copies) })
  }

  on (channel: string, listener: RendererListener): this {
    let set = this.#contents.rendererListeners.get(channel)
    if (set === undefined) this.#contents.rendererListeners.set(channel, set = new Set())
    set.add(listener)
    return this
  }

  /** This fake as the bridge's parameter type. */
  asIpcRenderer (): IpcRendererLike {
    return this as unknown as IpcRendererLike
  }
}

/** A fake webUtils: a File's path is `/picked/<its name>`. */
export const fakeWebUtils: WebUtilsLike = {
  getPathForFile: (file: File) => `/picked/${file.name}`
}

/**
 * A window opened at `url`: its webContents, and the ipcRenderer of its
 * main frame or of a child frame (another origin, say).
 */
export interface FakeWindow {
  contents: FakeWebContents
  renderer: FakeIpcRenderer
  /** The ipcRenderer of a child frame at `url`. */
  childFrame(url: string): FakeIpcRenderer
}

/** Open a window at `url` on `main`. */
export function openWindow (main: FakeIpcMain, url: string): FakeWindow {
  const contents = new FakeWebContents(url)
  return {
    contents,
    renderer: new FakeIpcRenderer(main, contents, contents.mainFrame),
    childFrame: (childUrl) => new FakeIpcRenderer(main, contents, new FakeFrame(childUrl))
  }
}

/**
 * The trust check the app makes: the window's main frame, at the app's URL.
 *
 * What the tests pass as `isTrusted`.
 */
export function trustedIn (windows: () => FakeWebContents[], appUrl: string): (event: IpcMainInvokeEvent | IpcMainEvent) => boolean {
  return (event) => {
    const frame = event.senderFrame as unknown as FakeFrame | null
    return frame !== null && windows().some((w) => w.mainFrame === frame) && frame.url === appUrl
  }
}
