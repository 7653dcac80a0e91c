/**
 * The node slice: how this page reaches the node, and who the node is.
 *
 * One API client for the whole app, over the desktop window's preload when
 * there is one, else the daemon's WebSocket bridge with the page's token.
 * When the bridge closes (the daemon stopped), the state turns
 * `reconnecting` and the page tries again with backoff until the daemon is
 * back; then every feature's `onConnect` hook runs again, so stores reload
 * and re-subscribe by themselves. Stores are the only callers of `api`.
 */
import { create } from 'zustand'
import { createClient } from '../../../node-core/src/api/client.ts'
import { connectWebSocket } from '../../../node-core/src/api/ws-transport.ts'
import { preloadTransport } from './preload.ts'
import type { ApiClient } from '../../../node-core/src/api/client.ts'
import type { ApiTransport } from '../../../node-core/src/api/transport.ts'
import type { Output } from '../../../node-core/src/api/contract.ts'

/** Where the connection stands. */
export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'no-token' | 'bad-token'

/** The node slice's state. */
export interface ConnectionState {
  status: ConnectionStatus
  api: ApiClient | undefined
  info: Output<'node.info'> | undefined
  /** When the page last lost the node (ms since epoch), for the banner. */
  lostAt: number | undefined
  /** Times in a row a connection attempt failed. */
  attempts: number
}

/** Runs on every (re)connection; may return what to undo when the connection is lost. */
export type ConnectHook = (api: ApiClient) => (() => void) | undefined | void

/** Thrown by `requireApi` while there is no connection. */
export class NotConnectedError extends Error {
  static override name = 'NotConnectedError'
  override name = 'NotConnectedError'
  readonly code = 'ERR_NOT_CONNECTED'
}

/** The node slice. */
export const useConnection = create<ConnectionState>()(() => ({ status: 'connecting', api: undefined, info: undefined, lostAt: undefined, attempts: 0 }))

const hooks = new Set<ConnectHook>()
let undo: Array<() => void> = []

/** Run `hook` on every connection (at once too, if connected now). Returns a function that removes it. */
export function onConnect (hook: ConnectHook): () => void {
  hooks.add(hook)
  const api = useConnection.getState().api
  if (api !== undefined) {
    const cleanup = hook(api)
    if (typeof cleanup === 'function') undo.push(cleanup)
  }
  return () => { hooks.delete(hook) }
}

/** The client, or NotConnectedError. */
export function requireApi (): ApiClient {
  const api = useConnection.getState().api
  if (api === undefined) throw new NotConnectedError('not connected to the node')
  return api
}

/** How to reach a node: the desktop window's preload, or a daemon's bridge. */
export interface ConnectOptions {
  /** The daemon's origin (the page's own, in a browser). */
  origin: string
  token: string | undefined
  /** For tests: open a transport another way. */
  open?: () => Promise<ApiTransport>
}

const RETRY_MS = [250, 500, 1000, 2000, 3000]

/** Connect, and keep reconnecting whenever the door closes, until `stop` is called. */
export function startConnection (options: ConnectOptions): () => void {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const preload = preloadTransport()
  const open = options.open ?? (preload !== undefined
    ? async () => preload
    : options.token === undefined ? undefined : async () => await connectWebSocket(options.origin, options.token ?? ''))
  if (open === undefined) {
    useConnection.setState({ status: 'no-token' })
    return () => {}
  }

  const attempt = async (): Promise<void> => {
    if (stopped) return
    let transport: ApiTransport
    try {
      transport = await open()
    } catch {
      if (stopped) return
      const attempts = useConnection.getState().attempts + 1
      // The daemon answers its own page but refused the bridge: the token is wrong, not the daemon gone.
      if (preload === undefined && options.open === undefined && await reachable(options.origin)) {
        useConnection.setState({ status: 'bad-token', attempts })
        return
      }
      useConnection.setState((s) => ({ status: s.status === 'connecting' && s.lostAt === undefined ? 'connecting' : 'reconnecting', attempts }))
      timer = setTimeout(() => { void attempt() }, RETRY_MS[Math.min(attempts - 1, RETRY_MS.length - 1)])
      return
    }
    if (stopped) {
      await transport.close()
      return
    }
    const api = createClient(transport)
    let info: Output<'node.info'> | undefined
    try {
      info = await api.node.info()
    } catch {
      info = undefined
    }
    useConnection.setState({ status: 'online', api, info, attempts: 0, lostAt: undefined })
    undo = []
    for (const hook of hooks) {
      const cleanup = hook(api)
      if (typeof cleanup === 'function') undo.push(cleanup)
    }
    void transport.closed?.then(() => {
      if (stopped) return
      for (const cleanup of undo) cleanup()
      undo = []
      useConnection.setState({ status: 'reconnecting', api: undefined, lostAt: Date.now(), attempts: 0 })
      timer = setTimeout(() => { void attempt() }, RETRY_MS[0])
    })
  }
  void attempt()
  return () => {
    stopped = true
    clearTimeout(timer)
    const api = useConnection.getState().api
    useConnection.setState({ status: 'connecting', api: undefined, info: undefined, lostAt: undefined, attempts: 0 })
    void api?.close()
  }
}

async function reachable (origin: string): Promise<boolean> {
  try {
    const reply = await fetch(new URL('/webui/', origin), { method: 'HEAD', cache: 'no-store' })
    return reply.status < 500
  } catch {
    return false
  }
}
