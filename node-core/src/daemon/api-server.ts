/**
 * The daemon's API server on `Addresses.API`: Kubo's RPC at `/api/v0/`,
 * the WebSocket bridge of the contract at `WS_PATH`, and the web UI at
 * `/webui/`, all under one access policy (access.ts).
 */
import { createServer } from 'node:http'
import { createNodeApi } from '../api/node-api.ts'
import { WS_PATH } from '../api/ws-protocol.ts'
import { accessPolicy, checkOrigin, checkRemote } from './access.ts'
import { ApiAddressError, UnknownEndpointError } from './errors.ts'
import { handleRpc, sendError } from './rpc/server.ts'
import { serveWebui } from './webui.ts'
import { WsBridge } from './ws-bridge.ts'
import type { AccessPolicy } from './access.ts'
import type { PlanetaryNode } from '../node.ts'
import type { Config } from '../repo/config/schema.ts'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

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
}

/** A listening API server. */
export interface ApiServer {
  readonly server: Server
  /** `http://<host>:<port>` as listened on. */
  readonly origin: string
  close(): Promise<void>
}

/** Listen on `host:port`; ApiAddressError if the port is taken. */
export async function startApiServer (node: PlanetaryNode, options: ApiServerOptions): Promise<ApiServer> {
  const bridge = new WsBridge(createNodeApi(node), options.token)
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
    serveWebui(req, res).catch((err: unknown) => { sendError(res, err) })
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
        ? new ApiAddressError(`RPC address ${options.host}:${options.port} is already in use: is another daemon running? Set Addresses.API to a free port`)
        : err)
    })
    server.listen(options.port, options.host, () => { resolve() })
  })
  const bound = server.address() as AddressInfo
  policy = accessPolicy(options.api, bound.port)
  return {
    server,
    origin: `http://${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}`,
    async close () {
      await bridge.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => { resolve() }))
    }
  }
}
