/**
 * The client side of the WebSocket bridge, on the standard WebSocket (the
 * browser's, or Node's global one). The token goes in the URL's query,
 * because a browser cannot set headers on a WebSocket.
 */
import { CallCancelledError, TransportClosedError } from './errors.ts'
import { RemoteError } from './wire-error.ts'
import { MAX_WS_REPLY, NodeMessage, parseFrame, WS_PATH } from './ws-protocol.ts'
import type { ClientMessage } from './ws-protocol.ts'
import type { ApiTransport, TransportCallOptions } from './transport.ts'

interface Pending {
  resolve(output: unknown): void
  reject(err: Error): void
  onProgress?: (progress: unknown) => void
}

/** Options of {@link connectWebSocket}. */
export interface ConnectOptions {
  /** Gives up opening the connection (a daemon that does not answer): TransportClosedError. */
  signal?: AbortSignal
}

/** Connect to the bridge of the daemon whose RPC is at `origin` (`http://127.0.0.1:5001`). */
export async function connectWebSocket (origin: string, token: string, options: ConnectOptions = {}): Promise<ApiTransport & Required<Pick<ApiTransport, 'closed'>>> {
  const url = new URL(WS_PATH, origin.replace(/^http/, 'ws'))
  url.searchParams.set('token', token)
  if (options.signal?.aborted === true) throw new TransportClosedError(`gave up opening the WebSocket bridge at ${url.origin}${WS_PATH}`)
  const socket = new WebSocket(url)
  await new Promise<void>((resolve, reject) => {
    const giveUp = (): void => {
      reject(new TransportClosedError(`the WebSocket bridge at ${url.origin}${WS_PATH} did not open in time`))
      socket.close()
    }
    options.signal?.addEventListener('abort', giveUp, { once: true })
    socket.addEventListener('open', () => { options.signal?.removeEventListener('abort', giveUp); resolve() }, { once: true })
    socket.addEventListener('error', () => {
      options.signal?.removeEventListener('abort', giveUp)
      reject(new TransportClosedError(`cannot open the WebSocket bridge at ${url.origin}${WS_PATH} (refused, or a wrong token)`))
    }, { once: true })
  })
  const pending = new Map<number, Pending>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let nextId = 0
  let closed = false
  let markClosed = (): void => {}
  const whenClosed = new Promise<void>((resolve) => { markClosed = resolve })
  const send = (message: ClientMessage): void => { socket.send(JSON.stringify(message)) }

  let closeReason = 'the WebSocket bridge closed'
  // A frame that breaks the protocol cannot be matched to its call: the connection ends, failing every call in flight, rather than leaving one waiting forever.
  const protocolError = (what: string): void => {
    closeReason = `the WebSocket bridge sent ${what}; the connection was closed`
    // A client may only send 1000 or an application code (3000-4999).
    socket.close(4002, 'protocol error')
  }
  socket.addEventListener('message', (event: MessageEvent) => {
    const text = typeof event.data === 'string' ? event.data : ''
    if (text.length > MAX_WS_REPLY) {
      protocolError(`a frame over ${MAX_WS_REPLY} characters`)
      return
    }
    const message = parseFrame(NodeMessage, text)
    if (message === undefined) {
      protocolError('a frame that is not a reply, progress or event')
      return
    }
    if (message.type === 'event') {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload)
      return
    }
    if (message.id === null) return
    const call = pending.get(message.id)
    if (call === undefined) return
    if (message.type === 'progress') {
      call.onProgress?.(message.progress)
      return
    }
    pending.delete(message.id)
    if (message.type === 'result') call.resolve(message.output)
    else call.reject(new RemoteError(message.error))
  })
  socket.addEventListener('close', () => {
    closed = true
    for (const call of pending.values()) call.reject(new TransportClosedError(closeReason))
    pending.clear()
    markClosed()
  })

  return {
    closed: whenClosed,
    call: async (method: string, input: unknown, options: TransportCallOptions) => {
      if (closed) throw new TransportClosedError('the WebSocket bridge is closed')
      options.signal?.throwIfAborted()
      const id = nextId++
      return await new Promise((resolve, reject) => {
        const cancel = (): void => {
          send({ type: 'cancel', id })
          pending.delete(id)
          reject(new CallCancelledError(`${method} was cancelled`))
        }
        options.signal?.addEventListener('abort', cancel, { once: true })
        const done = (): void => { options.signal?.removeEventListener('abort', cancel) }
        pending.set(id, {
          resolve: (output) => { done(); resolve(output) },
          reject: (err) => { done(); reject(err) },
          ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress })
        })
        send({ type: 'call', id, method, input })
      })
    },
    subscribe: (event, listener) => {
      let set = listeners.get(event)
      if (set === undefined) {
        set = new Set()
        listeners.set(event, set)
        if (!closed) send({ type: 'subscribe', event })
      }
      set.add(listener)
      return () => {
        const current = listeners.get(event)
        current?.delete(listener)
        if (current?.size === 0) {
          listeners.delete(event)
          if (!closed) send({ type: 'unsubscribe', event })
        }
      }
    },
    close: async () => {
      if (socket.readyState === WebSocket.CLOSED) return
      const ended = new Promise((resolve) => { socket.addEventListener('close', resolve, { once: true }) })
      socket.close(1000)
      await ended
    }
  }
}
