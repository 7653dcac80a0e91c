/**
 * The IPC binding of the node API: one `ipcMain.handle` per method of the
 * contract, cancel and progress by request id, and events pushed to the
 * windows that subscribed.
 *
 * Every handler first checks the sender is trusted (the caller's
 * `isTrusted`: the window's main frame at the app's URL), then validates
 * and runs the call through node-core's `dispatch`. Replies are
 * {@link CallReply} envelopes, so an error's name and code survive.
 */
import { dispatch } from '../../node-core/src/api/dispatch.ts'
import { InvalidInputError, TransportClosedError } from '../../node-core/src/api/errors.ts'
import { toWireError } from '../../node-core/src/api/wire-error.ts'
import { METHOD_NAMES } from '../../node-core/src/api/contract.ts'
import { CANCEL_CHANNEL, PROGRESS_CHANNEL, SUBSCRIBE_CHANNEL, UNSUBSCRIBE_CHANNEL, callChannel } from './ipc-channels.ts'
import { UntrustedSenderError } from './ipc-errors.ts'
import { createWindows } from './ipc-windows.ts'
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron'
import type { NodeApi } from '../../node-core/src/api/node-api.ts'
import type { CallReply, CallRequest, ProgressMessage } from './ipc-channels.ts'

/** What the binding needs of `ipcMain`. */
export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeListener'>

/**
 * Options of {@link bindIpc}.
 *
 * `isTrusted` decides whether a message comes from the app's own window.
 */
export interface BindIpcOptions {
  /** True when `event.senderFrame` is the app window's main frame, at the app's URL. */
  isTrusted(event: IpcMainInvokeEvent | IpcMainEvent): boolean
}

/**
 * A bound API: how to take it down.
 *
 * The quit sequence drains it before it stops the node.
 */
export interface IpcBinding {
  /** Remove every handler and listener, and stop every window's subscriptions. */
  unbind(): void
  /** Refuse new calls from now on (TransportClosedError); those in flight go on. */
  stopAccepting(): void
  /**
   * Refuse new calls and wait for those in flight.
   *
   * Past `timeoutMs`, those still running are aborted (TransportClosedError)
   * and drain resolves at once: the node stops next, with its own limit.
   */
  drain(timeoutMs: number): Promise<void>
}

/**
 * Bind `api` to `ipcMain`.
 *
 * One handler per method of the contract; cancel, subscribe and
 * unsubscribe listeners. Messages from untrusted senders are refused
 * (calls) or ignored (the rest).
 */
export function bindIpc (ipcMain: IpcMainLike, api: NodeApi, options: BindIpcOptions): IpcBinding {
  const windows = createWindows(api)
  const running = new Set<Promise<unknown>>()
  let draining = false

  const call = async (method: string, event: IpcMainInvokeEvent, request: unknown): Promise<CallReply> => {
    if (!options.isTrusted(event)) return failure(new UntrustedSenderError(`${method}: the sender is not the app's window`))
    if (draining) return failure(new TransportClosedError('the app is quitting'))
    if (!isCallRequest(request)) return failure(new InvalidInputError(`${method}: a call is {id, input} with a non-negative integer id`))
    const window = windows.of(event.sender)
    const controller = window.start(request.id)
    if (controller === undefined) return failure(new InvalidInputError(`${method}: call ${request.id} is already in flight`))
    try {
      const output = await dispatch(api.methods, method, request.input, {
        signal: controller.signal,
        progress: (progress) => { window.send(PROGRESS_CHANNEL, { id: request.id, progress } satisfies ProgressMessage) }
      })
      return { ok: true, output }
    } catch (err) {
      return failure(controller.signal.aborted ? controller.signal.reason : err)
    } finally {
      window.end(request.id)
    }
  }

  const handlers = METHOD_NAMES.map((method) => {
    const channel = callChannel(method)
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, request: unknown) => {
      const reply = call(method, event, request)
      running.add(reply)
      void reply.finally(() => running.delete(reply))
      return reply
    })
    return channel
  })

  const listeners: Array<[string, (event: IpcMainEvent, message: unknown) => void]> = [
    [CANCEL_CHANNEL, (event, message) => {
      if (!options.isTrusted(event) || !isIdMessage(message)) return
      windows.known(event.sender)?.cancel(message.id)
    }],
    [SUBSCRIBE_CHANNEL, (event, name) => {
      if (options.isTrusted(event) && typeof name === 'string') windows.of(event.sender).subscribe(name)
    }],
    [UNSUBSCRIBE_CHANNEL, (event, name) => {
      if (options.isTrusted(event) && typeof name === 'string') windows.known(event.sender)?.unsubscribe(name)
    }]
  ]
  for (const [channel, listener] of listeners) ipcMain.on(channel, listener)

  return {
    unbind () {
      for (const channel of handlers) ipcMain.removeHandler(channel)
      for (const [channel, listener] of listeners) ipcMain.removeListener(channel, listener)
      windows.forgetAll()
    },
    stopAccepting () {
      draining = true
    },
    async drain (timeoutMs) {
      draining = true
      let timer: ReturnType<typeof setTimeout> | undefined
      const timedOut = new Promise<boolean>((resolve) => { timer = setTimeout(() => { resolve(true) }, timeoutMs) })
      const settled = Promise.allSettled([...running]).then(() => false)
      try {
        if (await Promise.race([settled, timedOut])) windows.abortAll(new TransportClosedError(`the app is quitting; the call did not end within ${timeoutMs} ms`))
      } finally {
        clearTimeout(timer)
      }
    }
  }
}

function failure (err: unknown): CallReply {
  return { ok: false, error: toWireError(err) }
}

function isIdMessage (message: unknown): message is { id: number } {
  if (typeof message !== 'object' || message === null) return false
  const id = (message as { id?: unknown }).id
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0
}

function isCallRequest (request: unknown): request is CallRequest {
  return isIdMessage(request)
}
