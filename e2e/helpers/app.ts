// A real daemon and the web UI it serves, for the e2e tests.
import { startTestDaemon } from '../../node-core/test/helpers/daemon.ts'
import type { TestDaemon } from '../../node-core/test/helpers/daemon.ts'

/** A daemon with its web UI's address (token included) and its API origin. */
export interface UiDaemon extends TestDaemon {
  /** `http://127.0.0.1:<port>/webui/#token=…`, as the daemon printed it. */
  webui: string
  /** `http://127.0.0.1:<port>`: the RPC API's origin. */
  origin: string
  /** The local gateway's origin. */
  gateway: string
}

/** Start a test daemon and read its web UI line. */
export async function startUiDaemon (configure?: (repo: string) => Promise<void>): Promise<UiDaemon> {
  const daemon = await startTestDaemon(configure)
  return withUi(daemon)
}

/** The web UI address of a running daemon, from what it printed. */
export function withUi (daemon: TestDaemon): UiDaemon {
  const webui = /^WebUI: (\S+)$/m.exec(daemon.output())?.[1]
  const gatewayPort = /^Gateway server listening on \/ip4\/127\.0\.0\.1\/tcp\/(\d+)$/m.exec(daemon.output())?.[1]
  if (webui === undefined || gatewayPort === undefined) throw new Error(`the daemon printed no WebUI or gateway line:\n${daemon.output()}`)
  return Object.assign(daemon, { webui, origin: new URL(webui).origin, gateway: `http://127.0.0.1:${gatewayPort}` })
}
