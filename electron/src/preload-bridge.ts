/**
 * The object the preload exposes as `window.planetary`, built over
 * `ipcRenderer` and `webUtils` (passed in, so tests build it over fakes).
 *
 * It carries calls, cancels and subscriptions on the channels of
 * `ipc-channels.ts` and nothing else: no generic send. It imports types and
 * channel names only, so the bundled preload stays small and runs sandboxed.
 */
import { CANCEL_CHANNEL, EVENT_CHANNEL, PROGRESS_CHANNEL, SUBSCRIBE_CHANNEL, UNSUBSCRIBE_CHANNEL, callChannel } from './ipc-channels.ts'
import type { IpcRenderer, WebUtils } from 'electron'
import type { CallReply, CallRequest, CancelMessage, EventMessage, PlanetaryBridge, ProgressMessage } from './ipc-channels.ts'

/** What the bridge needs of `ipcRenderer`. */
export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'send' | 'on'>

/** What the bridge needs of `webUtils`. */
export type WebUtilsLike = Pick<WebUtils, 'getPathForFile'>

/**
 * The bridge over `ipcRenderer` and `webUtils`.
 *
 * Request ids count up from 1; progress and events are routed by the
 * preload to the page's callbacks. A failed `invoke` (no handler for the
 * method, an input or output that cannot be cloned) resolves as an
 * IpcInvokeError.
 */
export function createBridge (ipcRenderer: IpcRendererLike, webUtils: WebUtilsLike): PlanetaryBridge {
  let nextId = 1
  const progress = new Map<number, (progress: unknown) => void>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()

  ipcRenderer.on(PROGRESS_CHANNEL, (_event, message: ProgressMessage) => { progress.get(message.id)?.(message.progress) })
  ipcRenderer.on(EVENT_CHANNEL, (_event, message: EventMessage) => {
    for (const listener of [...listeners.get(message.event) ?? []]) {
      try {
        listener(message.payload)
      } catch (err) {
        // One page listener's failure is reported, and the others still hear the event.
        queueMicrotask(() => { throw err })
      }
    }
  })

  return {
    call (method, input, onProgress) {
      const id = nextId++
      if (typeof onProgress === 'function') progress.set(id, onProgress)
      const request: CallRequest = { id, input }
      // Through a promise, so that even an input that cannot be cloned resolves as an envelope.
      const result = Promise.resolve(request)
        .then(async (request) => await ipcRenderer.invoke(callChannel(String(method)), request))
        .then((reply: CallReply) => reply, (err: unknown): CallReply => ({
          ok: false,
          error: { name: 'IpcInvokeError', message: err instanceof Error ? err.message : String(err), code: 'ERR_IPC_INVOKE' }
        }))
        .finally(() => { progress.delete(id) })
      return { id, result }
    },
    cancel (id) {
      if (typeof id === 'number') ipcRenderer.send(CANCEL_CHANNEL, { id } satisfies CancelMessage)
    },
    subscribe (event, listener) {
      if (typeof listener !== 'function') throw new TypeError('a listener is a function')
      const name = String(event)
      let set = listeners.get(name)
      if (set === undefined) {
        set = new Set()
        listeners.set(name, set)
        ipcRenderer.send(SUBSCRIBE_CHANNEL, name)
      }
      const own = (payload: unknown): void => { listener(payload) }
      set.add(own)
      return () => {
        if (set.delete(own) && set.size === 0) {
          listeners.delete(name)
          ipcRenderer.send(UNSUBSCRIBE_CHANNEL, name)
        }
      }
    },
    pathsOf: (files) => Array.from(files, (file) => webUtils.getPathForFile(file))
  }
}
