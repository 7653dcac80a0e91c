/**
 * What the IPC binding keeps per window: its calls in flight (by request
 * id) and its event subscriptions, all dropped when its webContents is
 * destroyed.
 */
import { CallCancelledError, TransportClosedError } from '../../node-core/src/api/errors.ts'
import { isEventName } from '../../node-core/src/api/contract.ts'
import { EVENT_CHANNEL } from './ipc-channels.ts'
import type { WebContents } from 'electron'
import type { NodeApi } from '../../node-core/src/api/node-api.ts'
import type { EventMessage } from './ipc-channels.ts'

/** What the binding needs of a window's webContents. */
export type IpcSender = Pick<WebContents, 'send' | 'isDestroyed' | 'once' | 'removeListener'>

/**
 * One window's calls and subscriptions.
 *
 * Created on the window's first call or subscription.
 */
export interface IpcWindow {
  /** Track call `id`; undefined when a call of that id is already in flight. */
  start(id: number): AbortController | undefined
  /** Forget call `id` (it ended). */
  end(id: number): void
  /** Abort call `id` with CallCancelledError. */
  cancel(id: number): void
  /** Push event `name` to this window (ignored if the contract has no such event, or it is already pushed). */
  subscribe(name: string): void
  /** Stop pushing event `name`. */
  unsubscribe(name: string): void
  /** Send to the window unless it is gone; a value that cannot be cloned is dropped. */
  send(channel: string, message: unknown): void
}

/**
 * The windows the binding has heard from.
 *
 * `of` registers a window (and a 'destroyed' listener), `known` only looks.
 */
export interface IpcWindows {
  of(sender: IpcSender): IpcWindow
  known(sender: IpcSender): IpcWindow | undefined
  /** Abort every window's calls in flight with `reason`. */
  abortAll(reason: Error): void
  /** Abort every call, stop every subscription, stop watching every window. */
  forgetAll(): void
}

interface Entry {
  window: IpcWindow
  abort(reason: Error): void
  forget(reason: Error): void
}

/**
 * The per-window registry of a binding over `api`.
 *
 * A destroyed window's calls are aborted and its subscriptions stopped.
 */
export function createWindows (api: NodeApi): IpcWindows {
  const entries = new Map<IpcSender, Entry>()

  const open = (sender: IpcSender): Entry => {
    const calls = new Map<number, AbortController>()
    const subscriptions = new Map<string, () => void>()
    const send = (channel: string, message: unknown): void => {
      if (sender.isDestroyed()) return
      try {
        sender.send(channel, message)
      } catch {
        // Not cloneable, or the window went away mid-send: nothing to deliver to.
      }
    }
    const abort = (reason: Error): void => {
      for (const controller of calls.values()) controller.abort(reason)
    }
    const forget = (reason: Error): void => {
      sender.removeListener('destroyed', onDestroyed)
      entries.delete(sender)
      abort(reason)
      for (const stop of subscriptions.values()) stop()
      subscriptions.clear()
    }
    const onDestroyed = (): void => { forget(new TransportClosedError('the window closed')) }
    sender.once('destroyed', onDestroyed)
    const window: IpcWindow = {
      start (id) {
        if (calls.has(id)) return undefined
        const controller = new AbortController()
        calls.set(id, controller)
        return controller
      },
      end (id) { calls.delete(id) },
      cancel (id) { calls.get(id)?.abort(new CallCancelledError(`call ${id} was cancelled`)) },
      subscribe (name) {
        if (!isEventName(name) || subscriptions.has(name)) return
        subscriptions.set(name, api.on(name, (payload) => { send(EVENT_CHANNEL, { event: name, payload } satisfies EventMessage) }))
      },
      unsubscribe (name) {
        subscriptions.get(name)?.()
        subscriptions.delete(name)
      },
      send
    }
    return { window, abort, forget }
  }

  return {
    of (sender) {
      let entry = entries.get(sender)
      if (entry === undefined) {
        entry = open(sender)
        entries.set(sender, entry)
      }
      return entry.window
    },
    known: (sender) => entries.get(sender)?.window,
    abortAll (reason) {
      for (const entry of entries.values()) entry.abort(reason)
    },
    forgetAll () {
      for (const entry of [...entries.values()]) entry.forget(new TransportClosedError('the IPC binding was removed'))
    }
  }
}
