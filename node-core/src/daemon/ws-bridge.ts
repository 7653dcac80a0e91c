/**
 * The WebSocket bridge of the API contract, for the web UI in a browser.
 *
 * An upgrade to `WS_PATH` is accepted only from callers the access policy
 * lets in and with the repo's web UI token; each frame is checked against
 * the bridge protocol, each call against the contract. A connection runs
 * at most MAX_CALLS_IN_FLIGHT calls; closing it cancels them. Events go to
 * a connection only while it keeps up: past EVENT_BACKLOG bytes unsent,
 * events are dropped (replies never are).
 */
import { WebSocketServer } from 'ws'
import { isEventName } from '../api/contract.ts'
import { dispatch } from '../api/dispatch.ts'
import { CallCancelledError } from '../api/errors.ts'
import { toWireError } from '../api/wire-error.ts'
import { ClientMessage, MAX_CALLS_IN_FLIGHT, MAX_WS_MESSAGE, parseFrame } from '../api/ws-protocol.ts'
import { checkOrigin, checkRemote, sameSecret } from './access.ts'
import { BridgeProtocolError, UnauthorizedError } from './errors.ts'
import type { NodeMessage } from '../api/ws-protocol.ts'
import type { NodeApi } from '../api/node-api.ts'
import type { AccessPolicy } from './access.ts'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'

/** Bytes of unsent frames past which events are dropped for a connection. */
const EVENT_BACKLOG = 4 * 1024 * 1024

/** Serves the contract to WebSocket clients. */
export class WsBridge {
  readonly #api: NodeApi
  readonly #token: string
  readonly #server = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE })

  constructor (api: NodeApi, token: string) {
    this.#api = api
    this.#token = token
  }

  /** Take an HTTP upgrade request: refused with a status line, or a connection of the bridge. */
  upgrade (req: IncomingMessage, socket: Duplex, head: Buffer, policy: AccessPolicy): void {
    try {
      checkRemote(req, policy)
      checkOrigin(req, policy)
      const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? ''
      if (!sameSecret(token, this.#token)) throw new UnauthorizedError('the web UI token is missing or wrong')
    } catch (err) {
      const status = (err as Error).name === 'UnauthorizedError' ? '401 Unauthorized' : '403 Forbidden'
      socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${(err as Error).message}\n`)
      return
    }
    this.#server.handleUpgrade(req, socket, head, (ws) => { this.#serve(ws) })
  }

  /** Close every connection (their calls are cancelled). */
  async close (): Promise<void> {
    for (const ws of this.#server.clients) ws.terminate()
    await new Promise<void>((resolve) => { this.#server.close(() => { resolve() }) })
  }

  #serve (ws: WebSocket): void {
    const calls = new Map<number, AbortController>()
    const subscriptions = new Map<string, () => void>()
    const send = (message: NodeMessage): void => {
      if (ws.readyState !== ws.OPEN) return
      if (message.type === 'event' && ws.bufferedAmount > EVENT_BACKLOG) return
      ws.send(JSON.stringify(message))
    }
    const fail = (id: number | null, err: unknown): void => { send({ type: 'error', id, error: toWireError(err) }) }

    ws.on('message', (data, isBinary) => {
      const message = isBinary ? undefined : parseFrame(ClientMessage, data.toString())
      if (message === undefined) {
        fail(null, new BridgeProtocolError('not a message of the bridge protocol'))
        return
      }
      switch (message.type) {
        case 'call': {
          if (calls.has(message.id)) return fail(message.id, new BridgeProtocolError(`request id ${message.id} is in use`))
          if (calls.size >= MAX_CALLS_IN_FLIGHT) return fail(message.id, new BridgeProtocolError(`at most ${MAX_CALLS_IN_FLIGHT} calls at once`))
          const controller = new AbortController()
          calls.set(message.id, controller)
          const id = message.id
          dispatch(this.#api.methods, message.method, message.input, {
            signal: controller.signal,
            progress: (progress) => { send({ type: 'progress', id, progress }) }
          }).then((output) => { send({ type: 'result', id, output: output ?? {} }) }, (err: unknown) => {
            fail(id, controller.signal.aborted ? controller.signal.reason : err)
          }).finally(() => { calls.delete(id) })
          return
        }
        case 'cancel':
          calls.get(message.id)?.abort(new CallCancelledError(`call ${message.id} was cancelled`))
          return
        case 'subscribe':
          if (!isEventName(message.event)) return fail(null, new BridgeProtocolError(`no event named ${message.event}`))
          if (!subscriptions.has(message.event)) subscriptions.set(message.event, this.#api.on(message.event, (payload) => { send({ type: 'event', event: message.event, payload }) }))
          return
        case 'unsubscribe':
          subscriptions.get(message.event)?.()
          subscriptions.delete(message.event)
      }
    })
    ws.on('close', () => {
      for (const controller of calls.values()) controller.abort(new CallCancelledError('the client went away'))
      for (const stop of subscriptions.values()) stop()
      subscriptions.clear()
    })
    ws.on('error', () => { ws.terminate() })
  }
}
