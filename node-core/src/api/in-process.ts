/**
 * The in-process transport: calls go straight to the NodeApi, but inputs,
 * outputs and events are copied through JSON and errors become
 * `{name, message, code}`, exactly as over a wire, so the shared API
 * suite sees the same thing through every door.
 */
import { dispatch } from './dispatch.ts'
import { CallCancelledError, TransportClosedError } from './errors.ts'
import { RemoteError, toWireError } from './wire-error.ts'
import { isEventName } from './contract.ts'
import type { NodeApi } from './node-api.ts'
import type { ApiTransport, TransportCallOptions } from './transport.ts'

/** A transport to `api` in this process. */
export function inProcessTransport (api: NodeApi): ApiTransport {
  const calls = new Set<AbortController>()
  const stops = new Set<() => void>()
  let closed = false
  return {
    call: async (method: string, input: unknown, options: TransportCallOptions) => {
      if (closed) throw new TransportClosedError('the client is closed')
      const controller = new AbortController()
      const cancel = (): void => { controller.abort(new CallCancelledError(`${method} was cancelled`)) }
      options.signal?.addEventListener('abort', cancel, { once: true })
      calls.add(controller)
      try {
        if (options.signal?.aborted === true) cancel()
        const output = await dispatch(api.methods, method, viaJson(input), {
          signal: controller.signal,
          progress: (p) => { options.onProgress?.(viaJson(p)) }
        })
        return viaJson(output)
      } catch (err) {
        throw new RemoteError(toWireError(controller.signal.aborted ? controller.signal.reason : err))
      } finally {
        options.signal?.removeEventListener('abort', cancel)
        calls.delete(controller)
      }
    },
    subscribe: (event, listener) => {
      if (!isEventName(event)) throw new TypeError(`no event named ${event}`)
      const stop = api.on(event, (payload) => { listener(viaJson(payload)) })
      stops.add(stop)
      return () => {
        stop()
        stops.delete(stop)
      }
    },
    close: async () => {
      closed = true
      for (const controller of calls) controller.abort(new TransportClosedError('the client closed'))
      for (const stop of stops) stop()
      stops.clear()
    }
  }
}

function viaJson (value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value))
}
