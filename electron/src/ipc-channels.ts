/**
 * Every IPC channel between the main process and the desktop window, and
 * what crosses each one.
 *
 * Method and event names come from the contract (node-core's
 * `api/contract.ts`); this file spells only the channels. It imports types
 * only, so the preload (bundled for a sandboxed renderer) carries no zod.
 * Electron drops an Error's `name` and `code` across `invoke`, so a call
 * resolves with a {@link CallReply} envelope instead of rejecting.
 */
import type { MethodName, WireError } from '../../node-core/src/api/contract.ts'

/** The prefix of the per-method call channels. */
export const CALL_PREFIX = 'planetary:call:'

/** A method's call channel: `planetary:call:<method>` (one `ipcMain.handle` each). */
export type CallChannel<M extends string = MethodName> = `${typeof CALL_PREFIX}${M}`

/**
 * The call channel of `method`.
 *
 * The preload passes whatever name the page gives; the main process has a
 * handler for the contract's methods only, so any other name has none.
 */
export function callChannel<M extends string> (method: M): CallChannel<M> {
  return `${CALL_PREFIX}${method}`
}

/** Renderer → main (`send`): cancel one of this window's calls, a {@link CancelMessage}. */
export const CANCEL_CHANNEL = 'planetary:cancel'
/** Main → renderer: a {@link ProgressMessage} of a long call. */
export const PROGRESS_CHANNEL = 'planetary:progress'
/** Renderer → main (`send`): start pushing an event (its name) to this window. */
export const SUBSCRIBE_CHANNEL = 'planetary:subscribe'
/** Renderer → main (`send`): stop pushing an event (its name) to this window. */
export const UNSUBSCRIBE_CHANNEL = 'planetary:unsubscribe'
/** Main → renderer: an {@link EventMessage}. */
export const EVENT_CHANNEL = 'planetary:event'

/**
 * What a call carries on its call channel.
 *
 * `id` is chosen by the window (unique among its calls in flight); progress
 * and cancel name the call by it.
 */
export interface CallRequest {
  id: number
  input: unknown
}

/**
 * How every call resolves.
 *
 * Never a rejection: the error travels as `{name, message, code}`.
 */
export type CallReply = { ok: true, output: unknown } | { ok: false, error: WireError }

/**
 * A progress event of a long call.
 *
 * Sent to the calling window, before the call's reply, in order.
 */
export interface ProgressMessage {
  id: number
  progress: unknown
}

/**
 * A cancel of one call in flight.
 *
 * The call then replies with CallCancelledError.
 */
export interface CancelMessage {
  id: number
}

/**
 * An event the node pushed, to a window that subscribed to its name.
 *
 * The payload is the contract's, as the node emitted it.
 */
export interface EventMessage {
  event: string
  payload: unknown
}

/**
 * The one object the preload exposes to the page as `window.planetary`.
 *
 * AbortSignals cannot cross contextBridge, so a call returns its id and the
 * page cancels by id. The renderer declares the same shape
 * (renderer/src/lib/preload.ts); electron/test/ipc.test.ts checks they agree.
 */
export interface PlanetaryBridge {
  /** Start a call; `result` never rejects. */
  call(method: string, input: unknown, onProgress?: (progress: unknown) => void): { id: number, result: Promise<CallReply> }
  /** Cancel a call in flight by its id. */
  cancel(id: number): void
  /** Listen to an event; returns a function that stops listening. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void
  /** The local paths of dropped or picked files. */
  pathsOf(files: File[]): string[]
}
