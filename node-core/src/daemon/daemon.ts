/**
 * `planetary daemon`: the node running headless.
 *
 * Opens the repo (holding its lock), starts the node, serves the HTTP
 * gateway on `Addresses.Gateway` and then, knowing the gateway's origin
 * (`node.info` reports it; the web UI may show content from it), the RPC,
 * the WebSocket bridge and the web UI on `Addresses.API` (and, while
 * `Share.LanLink.Enabled`, the LAN link server, which the API turns on and
 * off and which starts without failing the daemon); records the RPC
 * address in the repo's `api` file, and on stop undoes all of it in
 * reverse: servers closed, node stopped, api file removed, repo closed
 * (lock released). A taken port fails the start naming the address, as in
 * Kubo, unless `portFallback` (the desktop app) moves it (ports.ts).
 */
import { parseMultiaddr } from '../network/parse.ts'
import { createNode } from '../node.ts'
import { ApiAddressError } from './errors.ts'
import { startApiServer } from './api-server.ts'
import { HeapMode } from './heap-mode.ts'
import { webuiToken } from './webui-token.ts'
import { WEBUI_PATH } from './webui.ts'
import { removeApiFile, writeApiFile } from './api-file.ts'
import { multiaddrOf, originOf } from './bound.ts'
import { recordMoves, serverMove, startOnFreePort, swarmMoves } from './ports.ts'
import { startGateway } from '../gateway/index.ts'
import { LanLinkServer } from '../gateway/lan-link.ts'
import type { ApiServer } from './api-server.ts'
import type { PortMove } from '../api/node-api.ts'
import type { PlanetaryNode } from '../node.ts'
import type { Repo } from '../repo/repo.ts'
import type { Server } from 'node:http'

/** A running daemon. */
export interface Daemon {
  readonly node: PlanetaryNode
  /** The RPC multiaddr actually listened on. */
  readonly apiAddress: string
  /** The gateway multiaddr actually listened on. */
  readonly gatewayAddress: string
  /** The gateway's origin (`http://127.0.0.1:8080`) as listened on. */
  readonly gatewayUrl: string
  /** The web UI's address, its bridge token in the fragment (never sent to a server). */
  readonly webuiUrl: string
  /** The addresses moved off taken ports this start (under `portFallback`), as now recorded in the config. */
  readonly portsMoved: readonly PortMove[]
  /** The LAN link server (listening while `Share.LanLink.Enabled`, or once `share.linkServer` turns it on). */
  readonly lanLink: LanLinkServer
  stop(): Promise<void>
}

/** How the daemon starts. */
export interface StartDaemonOptions {
  /**
   * When a configured port (`Addresses.API`, `Addresses.Gateway`, an
   * `Addresses.Swarm` entry) is taken, listen on one the system picks and
   * record it in the config (the desktop app). Off (`planetary daemon`), a
   * taken port fails the start with an error naming the address.
   */
  portFallback?: boolean
  /** Where each moved port is said, one line per move; default stderr. */
  log?: (line: string) => void
}

/** Start the node of `repo` and its RPC. */
export async function startDaemon (repo: Repo, options: StartDaemonOptions = {}): Promise<Daemon> {
  const fallback = options.portFallback ?? false
  const log = options.log ?? ((line: string) => { process.stderr.write(`${line}\n`) })
  const apiAt = tcpAddress(repo.config.Addresses.API, 'Addresses.API')
  const gatewayAt = tcpAddress(repo.config.Addresses.Gateway, 'Addresses.Gateway')
  const node = await createNode(repo, { portFallback: fallback })
  await node.start()
  const heap = new HeapMode()
  heap.start()
  let api: ApiServer | undefined
  let gateway: Server | undefined
  let token: string
  const portsMoved: PortMove[] = swarmMoves(node)
  const lanLink = new LanLinkServer({ links: node.links, store: node.repo.blockstore, address: () => repo.config.Share.LanLink.Address, log })
  try {
    token = await webuiToken(repo)
    gateway = await startOnFreePort(gatewayAt.port, fallback, async (port) => await startGateway({
      store: node.repo.blockstore,
      session: () => node.bitswap.session(),
      resolveIpns: async (path, options) => await node.ipns.resolve(path, options)
    }, gatewayAt.host, port))
    portsMoved.push(...serverMove('gateway', repo.config.Addresses.Gateway, gateway))
    const gatewayUrl = originOf(gateway)
    // a LAN link that cannot listen (no LAN address) is said, and the daemon starts without it
    if (repo.config.Share.LanLink.Enabled) await lanLink.start().catch((err: unknown) => { log(`Share.LanLink: not serving: ${(err as Error).message}`) })
    api = await startOnFreePort(apiAt.port, fallback, async (port) =>
      await startApiServer(node, { host: apiAt.host, port, api: repo.config.API, token, gatewayUrl, portsMoved, lanLink }))
    portsMoved.push(...serverMove('api', repo.config.Addresses.API, api.server))
    await recordMoves(repo, portsMoved, log)
  } catch (err) {
    if (api !== undefined) await api.close()
    if (gateway !== undefined) await close(gateway)
    await lanLink.stop()
    heap.stop()
    await node.stop()
    throw err
  }
  const rpc = api
  const web = gateway
  const apiAddress = rpc.address
  await writeApiFile(repo.path, apiAddress)
  return {
    node,
    apiAddress,
    gatewayAddress: multiaddrOf(web),
    gatewayUrl: originOf(web),
    webuiUrl: `${rpc.origin}${WEBUI_PATH}#token=${token}`,
    portsMoved,
    lanLink,
    async stop () {
      await Promise.all([rpc.close(), close(web), lanLink.stop()])
      heap.stop()
      try {
        await node.stop()
      } finally {
        await removeApiFile(repo.path)
      }
    }
  }
}

async function close (server: Server): Promise<void> {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => { resolve() }))
}

/** Host and port of a `/ip4|ip6/<addr>/tcp/<port>` multiaddr (the config key `key`). */
function tcpAddress (text: string, key: string): { host: string, port: number } {
  const parts = parseMultiaddr(text).getComponents()
  const ip = parts[0]
  const tcp = parts[1]
  if (ip === undefined || (ip.name !== 'ip4' && ip.name !== 'ip6') || tcp?.name !== 'tcp' || parts.length !== 2) {
    throw new ApiAddressError(`${key} must be /ip4/<address>/tcp/<port> or /ip6/..., got ${text}`)
  }
  return { host: ip.value ?? '127.0.0.1', port: Number(tcp.value) }
}
