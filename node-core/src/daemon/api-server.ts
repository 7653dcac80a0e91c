/**
 * The daemon's API server on `Addresses.API`: Kubo's RPC at `/api/v0/`,
 * the WebSocket bridge of the contract at `WS_PATH`, and the web UI at
 * `/webui/`, all under one access policy (access.ts).
 */
import { createServer } from 'node:http'
import { createNodeApi } from '../api/node-api.ts'
import { WS_PATH } from '../api/ws-protocol.ts'
import { accessPolicy, checkOrigin, checkRemote } from './access.ts'
import { multiaddrOf, originOf } from './bound.ts'
import { ApiAddressError, UnknownEndpointError } from './errors.ts'
import { handleRpc, sendError } from './rpc/server.ts'
import { serveWebui } from './webui.ts'
import { WsBridge } from './ws-bridge.ts'
import type { AccessPolicy } from './access.ts'
import type { NodeApiOptions, PortMove } from '../api/node-api.ts'
import type { LanLinkServer } from '../gateway/lan-link.ts'
import type { PlanetaryNode } from '../node.ts'
import type { Config } from '../repo/config/schema.ts'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { WebuiOptions } from './webui.ts'

/** Where and how to serve. */
export interface ApiServerOptions {
  host: string
  port: number
  /** The config's `API` section. */
  api: Config['API']
  /** The web UI token the bridge asks for. */
  token: string
  /** How long a client may take to send its request headers (slow-loris); default 10 s. */
  headersTimeoutMs?: number
  /** The local gateway's origin as bound: `node.info` reports it, and the web UI may show content from it. */
  gatewayUrl?: string
  /** The addresses moved off taken ports, which `node.info` reports (read at each call: the daemon adds the API's own once bound). */
  portsMoved?: readonly PortMove[]
  /** The LAN link server running beside the node, which `share.linkServer` drives. */
  lanLink?: LanLinkServer
  /** The web UI's folder; default the renderer's build (tests serve a folder of their own). */
  webuiRoot?: string
}

/** A listening API server. */
export interface ApiServer {
  readonly server: Server
  /** `http://<host>:<port>` as listened on (loopback's when listening on every interface). */
  readonly origin: string
  /** The multiaddr listened on. */
  readonly address: string
  close(): Promise<void>
}

/** Listen on `host:port`; ApiAddressError if the port is taken. */
export async function startApiServer (node: PlanetaryNode, options: ApiServerOptions): Promise<ApiServer> {
  const webui: WebuiOptions = {
    ...(options.webuiRoot === undefined ? {} : { root: options.webuiRoot }),
    ...(options.gatewayUrl === undefined ? {} : { gatewayOrigin: options.gatewayUrl })
  }
  // `node.info` reads these at each call; the API's address is filled in once the server is bound.
  const doors: NodeApiOptions = {
    ...(options.gatewayUrl === undefined ? {} : { gatewayUrl: options.gatewayUrl }),
    ...(options.portsMoved === undefined ? {} : { portsMoved: options.portsMoved }),
    ...(options.lanLink === undefined ? {} : { lanLink: options.lanLink })
  }
  const bridge = new WsBridge(createNodeApi(node, doors), options.token)
  let policy: AccessPolicy = accessPolicy(options.api, options.port)
  const headersTimeout = options.headersTimeoutMs ?? 10_000
  const server = createServer({ requestTimeout: 0, headersTimeout, connectionsCheckingInterval: Math.min(1000, headersTimeout), maxHeaderSize: 16 * 1024 }, (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    if (path.startsWith('/api/v0/')) {
      handleRpc(node, req, res, policy)
      return
    }
    try {
      checkRemote(req, policy)
      checkOrigin(req, policy)
      if (path !== '/webui' && !path.startsWith('/webui/')) throw new UnknownEndpointError(`404 page not found: ${path.slice(0, 200)}`)
    } catch (err) {
      sendError(res, err)
      return
    }
    serveWebui(req, res, webui).catch((err: unknown) => { sendError(res, err) })
  })
  server.keepAliveTimeout = 5_000
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== WS_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    bridge.upgrade(req, socket, head, policy)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE'
        ? new ApiAddressError(`RPC address ${options.host}:${options.port} is already in use: is another daemon running? Set Addresses.API to a free port`, { cause: err })
        : err)
    })
    server.listen(options.port, options.host, () => { resolve() })
  })
  const bound = server.address() as AddressInfo
  policy = accessPolicy(options.api, bound.port)
  const address = multiaddrOf(server)
  doors.apiAddress = address
  return {
    server,
    origin: originOf(server),
    address,
    async close () {
      await bridge.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => { resolve() }))
    }
  }
}
