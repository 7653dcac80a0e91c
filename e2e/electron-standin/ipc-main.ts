/**
 * The stand-in's `ipcMain`: `handle` for `invoke`, events for `send`, with
 * Electron's own rules — one handler per channel, and an invoke with no
 * handler (or whose handler throws) rejecting in the page with Electron's
 * message.
 */
import { EventEmitter } from 'node:events'

/** The event a handler or listener gets (what electron/ reads of it). */
export interface StandinIpcEvent {
  sender: unknown
  senderFrame: { url: string, processId: number, routingId: number } | null
  processId: number
  frameId: number
}

type Handler = (event: StandinIpcEvent, ...args: unknown[]) => unknown

class StandinIpcMain extends EventEmitter {
  readonly #handlers = new Map<string, Handler>()

  handle (channel: string, handler: Handler): void {
    if (this.#handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.#handlers.set(channel, handler)
  }

  handleOnce (channel: string, handler: Handler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel)
      return handler(event, ...args)
    })
  }

  removeHandler (channel: string): void {
    this.#handlers.delete(channel)
  }

  /** An `invoke` from a page: the handler's value, or Electron's rejection. */
  async invoke (event: StandinIpcEvent, channel: string, args: unknown[]): Promise<unknown> {
    const handler = this.#handlers.get(channel)
    if (handler === undefined) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`)
    try {
      return await handler(event, ...args)
    } catch (err) {
      throw new Error(`Error invoking remote method '${channel}': ${String(err)}`, { cause: err })
    }
  }
}

/** The one `ipcMain`. */
export const ipcMain = new StandinIpcMain()
