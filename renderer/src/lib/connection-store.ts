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
/** What each hook set up for the connection open now, undone when it is lost or stopped. */
const cleanups = new Map<ConnectHook, () => void>()

function runHook (hook: ConnectHook, api: ApiClient): void {
  const cleanup = hook(api)
  if (typeof cleanup === 'function') cleanups.set(hook, cleanup)
}

function undoHooks (): void {
  for (const cleanup of cleanups.values()) cleanup()
  cleanups.clear()
}

/** Run `hook` on every connection (at once too, if connected now). Returns a function that removes it and undoes what it set up. */
export function onConnect (hook: ConnectHook): () => void {
  hooks.add(hook)
  const api = useConnection.getState().api
  if (api !== undefined) runHook(hook, api)
  return () => {
    hooks.delete(hook)
    cleanups.get(hook)?.()
    cleanups.delete(hook)
  }
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

/** Refusals in a row (the daemon answering, its bridge not) before the page says the token is wrong. */
const REFUSALS_FOR_BAD_TOKEN = 2

let stopCurrent: (() => void) | undefined

/** Connect, and keep reconnecting whenever the door closes, until `stop` is called. One connection at a time: starting one stops the one before. */
export function startConnection (options: ConnectOptions): () => void {
  stopCurrent?.()
  let stopped = false
  let refusals = 0
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
      // The daemon answers its own page but refuses the bridge, again and again: the token is wrong, not the daemon gone.
      // The page keeps trying (slowly), so a refusal that passes (a daemon mid-restart) still ends online.
      refusals = preload === undefined && options.open === undefined && !stopped && await reachable(options.origin) ? refusals + 1 : 0
      if (stopped) return
      if (refusals >= REFUSALS_FOR_BAD_TOKEN) useConnection.setState({ status: 'bad-token', attempts })
      else useConnection.setState((s) => ({ status: s.status === 'connecting' && s.lostAt === undefined ? 'connecting' : 'reconnecting', attempts }))
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
    refusals = 0
    useConnection.setState({ status: 'online', api, info, attempts: 0, lostAt: undefined })
    undoHooks()
    for (const hook of hooks) runHook(hook, api)
    void transport.closed?.then(() => {
      if (stopped) return
      undoHooks()
      useConnection.setState({ status: 'reconnecting', api: undefined, lostAt: Date.now(), attempts: 0 })
      timer = setTimeout(() => { void attempt() }, RETRY_MS[0])
    })
  }
  void attempt()
  const stop = (): void => {
    if (stopped) return
    stopped = true
    if (stopCurrent === stop) stopCurrent = undefined
    clearTimeout(timer)
    undoHooks()
    const api = useConnection.getState().api
    useConnection.setState({ status: 'connecting', api: undefined, info: undefined, lostAt: undefined, attempts: 0 })
    void api?.close()
  }
  stopCurrent = stop
  return stop
}

async function reachable (origin: string): Promise<boolean> {
  try {
    const reply = await fetch(new URL('/webui/', origin), { method: 'HEAD', cache: 'no-store' })
    return reply.status < 500
  } catch {
    return false
  }
}
