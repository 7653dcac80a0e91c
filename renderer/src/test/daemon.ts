// A real daemon for the web UI's store and component tests, with the app's
// connection (lib/connection-store.ts) opened to its WebSocket bridge.
import { startUiDaemon } from '../../../e2e/helpers/app.ts'
import { startConnection, useConnection } from '../lib/connection-store.ts'
import type { UiDaemon } from '../../../e2e/helpers/app.ts'

/** A daemon the app is connected to; `stop` closes the connection, then the daemon. */
export interface ConnectedDaemon {
  daemon: UiDaemon
  stop(): Promise<void>
}

/** Start a daemon and connect the app's stores to it (resolves once online). */
export async function connectedDaemon (configure?: (repo: string) => Promise<void>): Promise<ConnectedDaemon> {
  return await connectTo(await startUiDaemon(configure))
}

/** Connect the app's stores to a running daemon (resolves once online); `stop` stops it too. */
export async function connectTo (daemon: UiDaemon): Promise<ConnectedDaemon> {
  const token = new URLSearchParams(new URL(daemon.webui).hash.slice(1)).get('token') ?? ''
  const disconnect = startConnection({ origin: daemon.origin, token })
  await waitUntil(() => useConnection.getState().status === 'online', 15_000, 'the app to connect to the daemon')
  return {
    daemon,
    async stop () {
      disconnect()
      await daemon.stop()
    }
  }
}

/** Wait until `check` holds, polling every 20 ms; fails naming `what` after `ms`. */
export async function waitUntil (check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
