/**
 * The gateway's HTTP server (node:http): GET and HEAD (and CORS
 * preflights) on `/ipfs/` and `/ipns/`, everything else 405 or 404.
 *
 * Limits: request headers at most `maxHeaderSize` bytes (larger ones get
 * Node's 431 before any handler runs), 10 s to send them, request bodies
 * discarded unread, idle keep-alive connections closed after 5 s. Errors
 * become plain-text answers with the status `status.ts` assigns; one that
 * happens after the status was sent cuts the connection.
 */
import { createServer } from 'node:http'
import { GatewayAddressError } from './errors.ts'
import { handleRequest } from './handler.ts'
import { CORS_HEADERS } from './headers.ts'
import { sendError } from './status.ts'
import type { HandlerSettings } from './handler.ts'
import type { GatewayComponents } from './index.ts'
import type { Server } from 'node:http'

/** Limits of the server. */
export interface ServerSettings extends HandlerSettings {
  maxHeaderSize: number
}

/** A server answering gateway requests; not yet listening. */
export function createGatewayServer (components: GatewayComponents, settings: ServerSettings): Server {
  const server = createServer({ maxHeaderSize: settings.maxHeaderSize, headersTimeout: 10_000, requestTimeout: 30_000 }, (req, res) => {
    req.resume()
    for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value)
    handleRequest(components, settings, req, res).catch((err: unknown) => { sendError(res, err, req.method === 'HEAD') })
  })
  server.keepAliveTimeout = 5_000
  return server
}

/** Listen on `host:port` (port 0: any free port); GatewayAddressError if that fails. */
export async function listen (server: Server, host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error): void => { reject(new GatewayAddressError(`cannot serve the gateway on ${host}:${port}: ${err.message}`, { cause: err })) }
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve()
    })
  })
}
