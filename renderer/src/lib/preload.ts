/**
 * The desktop window's door: Electron's preload exposes one bridge object
 * as `window.planetary` (contextBridge); in a browser there is none.
 *
 * The bridge cannot carry an AbortSignal or an Error's name, so a call
 * returns its request id and an envelope; `preloadTransport` adapts it to
 * the ApiTransport every client speaks.
 */
import { isEventName, isMethodName } from '../../../node-core/src/api/contract.ts'
import { CallCancelledError, UnknownMethodError } from '../../../node-core/src/api/errors.ts'
import { RemoteError } from '../../../node-core/src/api/wire-error.ts'
import type { WireError } from '../../../node-core/src/api/contract.ts'
import type { ApiTransport, TransportCallOptions } from '../../../node-core/src/api/transport.ts'

/**
 * How a call through the bridge resolves: never a rejection.
 *
 * The same envelope as electron/src/ipc-channels.ts's CallReply.
 */
export type BridgeReply = { ok: true, output: unknown } | { ok: false, error: WireError }

/**
 * The object the desktop window's preload exposes.
 *
 * The same shape as electron/src/ipc-channels.ts's PlanetaryBridge (the
 * desktop shell's tests check they agree).
 */
export interface PlanetaryBridge {
  /** Start a call; `result` never rejects. */
  call(method: string, input: unknown, onProgress?: (progress: unknown) => void): { id: number, result: Promise<BridgeReply> }
  /** Cancel a call in flight by its id. */
  cancel(id: number): void
  /** Listen to an event; returns a function that stops listening. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void
  /** The local paths of dropped or picked files (Electron's webUtils.getPathForFile). */
  pathsOf(files: File[]): string[]
}

declare global {
  interface Window {
    /** Set by the desktop window's preload only. */
    planetary?: PlanetaryBridge
  }
}

function bridge (): PlanetaryBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.planetary
}

/**
 * The preload's transport, when this page runs in the desktop window.
 *
 * Undefined in a browser.
 */
export function preloadTransport (): ApiTransport | undefined {
  const exposed = bridge()
  return exposed === undefined ? undefined : bridgeTransport(exposed)
}

/**
 * The local paths of `files`, when this page runs in the desktop window.
 *
 * Undefined in a browser, where the files themselves are uploaded.
 */
export function preloadPaths (files: File[]): string[] | undefined {
  return bridge()?.pathsOf(files)
}

/**
 * An ApiTransport over a preload bridge.
 *
 * Rejections are RemoteError (the node's name and code), CallCancelledError
 * (the signal aborted: a cancel is sent and the call rejects at once) or
 * UnknownMethodError (a name the contract does not have: nothing is sent).
 * The window's IPC never closes by itself: `closed` is undefined.
 */
export function bridgeTransport (bridge: PlanetaryBridge): ApiTransport {
  return {
    call: async (method: string, input: unknown, options: TransportCallOptions) => {
      if (!isMethodName(method)) throw new UnknownMethodError(`no method named ${JSON.stringify(method.slice(0, 100))}`)
      const signal = options.signal
      if (signal?.aborted === true) throw new CallCancelledError(`${method} was cancelled`)
      const { id, result } = bridge.call(method, input, options.onProgress)
      let onAbort: (() => void) | undefined
      const cancelled = new Promise<never>((_resolve, reject) => {
        onAbort = () => {
          bridge.cancel(id)
          reject(new CallCancelledError(`${method} was cancelled`))
        }
        signal?.addEventListener('abort', onAbort, { once: true })
      })
      try {
        const reply = await Promise.race([result, cancelled])
        if (reply.ok) return reply.output
        throw reply.error.name === CallCancelledError.name ? new CallCancelledError(reply.error.message) : new RemoteError(reply.error)
      } finally {
        if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort)
      }
    },
    subscribe: (event, listener) => {
      if (!isEventName(event)) throw new TypeError(`no event named ${event}`)
      return bridge.subscribe(event, listener)
    },
    close: async () => {}
  }
}
