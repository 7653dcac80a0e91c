/**
 * Attaching to a running `planetary daemon`: when the repo's lock is a live
 * daemon's, the desktop window uses that daemon through its API instead of
 * opening the repo.
 *
 * The daemon's RPC address comes from the repo's `api` file and the bridge's
 * token from the repo's web UI token record, both read without the repo's
 * lock (the app runs as the repo's owner; nothing is written). The
 * connection is the daemon's WebSocket bridge, as the web UI's: a loopback
 * client that sends no Origin (as Kubo's CLI), presenting the token, so the
 * daemon's access policy lets it in unchanged. What comes back is a NodeApi
 * with the shape `bindIpc` binds.
 */
import { readApiFile } from '../../node-core/src/daemon/api-file.ts'
import { httpOrigin } from '../../node-core/src/daemon/bound.ts'
import { readWebuiToken } from '../../node-core/src/daemon/webui-token.ts'
import { connectWebSocket } from '../../node-core/src/api/ws-transport.ts'
import { remoteNodeApi } from '../../node-core/src/api/remote-api.ts'
import { parseMultiaddr } from '../../node-core/src/network/parse.ts'
import { DaemonNotReachableError } from './attach-errors.ts'
import type { NodeApi } from '../../node-core/src/api/node-api.ts'
import type { Output } from '../../node-core/src/api/contract.ts'

/** Options of {@link attachDaemon}. */
export interface AttachOptions {
  /** How long the daemon has to open the bridge and answer `node.info` (default 5 s). */
  timeoutMs?: number
}

/**
 * A daemon attached to: its API, what it said of itself, and its end.
 *
 * Closing it closes the connection only; the daemon runs on.
 */
export interface AttachedDaemon {
  /** The daemon's NodeApi: methods forwarded over the bridge, events from its subscriptions. */
  readonly api: NodeApi
  /** `node.info` as the daemon answered it on attach (its peer ID, gateway URL, ...). */
  readonly info: Output<'node.info'>
  /** The daemon's RPC origin (`http://127.0.0.1:5001`). */
  readonly origin: string
  /** Resolves when the daemon goes away (the bridge closed without `close`); calls then fail with TransportClosedError. */
  readonly gone: Promise<void>
  close(): Promise<void>
}

/** Attach to the daemon holding the repo at `repoPath`; DaemonNotReachableError, saying why, when it cannot be used. */
export async function attachDaemon (repoPath: string, options: AttachOptions = {}): Promise<AttachedDaemon> {
  const timeoutMs = options.timeoutMs ?? 5000
  const address = await readApiFile(repoPath).catch((err: unknown) => { throw unreachable(`cannot read ${repoPath}'s api file`, err) })
  if (address === undefined) throw new DaemonNotReachableError(`no daemon's API is recorded in ${repoPath} (no api file): its holder serves no API, or is still starting`)
  const token = await readWebuiToken(repoPath).catch((err: unknown) => { throw unreachable(`cannot read ${repoPath}'s web UI token`, err) })
  if (token === undefined) throw new DaemonNotReachableError(`${repoPath} holds no web UI token for the daemon's bridge`)
  const origin = originOfApiAddress(address)
  // One limit for opening the bridge and the daemon's first answer together.
  const signal = AbortSignal.timeout(timeoutMs)
  const transport = await connectWebSocket(origin, token, { signal })
    .catch((err: unknown) => { throw unreachable(`the daemon at ${origin} (from ${repoPath}'s api file) cannot be reached`, err) })
  const api = remoteNodeApi(transport)
  let info: Output<'node.info'>
  try {
    info = await api.methods['node.info']({}, { signal, progress: () => {} })
  } catch (err) {
    await transport.close()
    throw unreachable(`the daemon at ${origin} did not answer node.info`, err)
  }
  let closing = false
  return {
    api,
    info,
    origin,
    gone: new Promise((resolve) => { void transport.closed.then(() => { if (!closing) resolve() }) }),
    async close () {
      closing = true
      await transport.close()
    }
  }
}

/** The HTTP origin of an api file's `/ip4|ip6/<address>/tcp/<port>` (DaemonNotReachableError otherwise); a daemon bound to every interface is loopback's. */
export function originOfApiAddress (address: string): string {
  let parts
  try {
    parts = parseMultiaddr(address).getComponents()
  } catch (err) {
    throw unreachable('the api file holds no address', err)
  }
  const [ip, tcp] = parts
  if ((ip?.name !== 'ip4' && ip?.name !== 'ip6') || tcp?.name !== 'tcp' || ip.value === undefined) {
    throw new DaemonNotReachableError(`the api file holds ${address.slice(0, 200)}, not /ip4|ip6/<address>/tcp/<port>`)
  }
  return httpOrigin(ip.value, tcp.value ?? '', ip.name === 'ip6')
}

function unreachable (what: string, cause: unknown): DaemonNotReachableError {
  return new DaemonNotReachableError(`${what}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
}
