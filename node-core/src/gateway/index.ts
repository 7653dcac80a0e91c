/**
 * The HTTP gateway: IPFS content over HTTP, as the path gateway and the
 * trustless gateway specs define it.
 *
 * `GET`/`HEAD /ipfs/<cid>[/path]` and `/ipns/<name>[/path]` serve UnixFS
 * files (Content-Type by name and magic bytes, single `Range`s),
 * directories (`index.html`, else a generated listing, after the
 * trailing-slash redirect), dag-json/dag-cbor/json/cbor documents as
 * stored, raw blocks (`?format=raw`, `Accept: application/vnd.ipld.raw`)
 * and CAR streams (`?format=car`, `dag-scope`, `entity-bytes`, `dups`).
 * Immutable responses are cached for a year (`Etag`, `If-None-Match`).
 *
 * The gateway reads blocks through the store it is given: the repo alone
 * makes a non-recursive gateway (a missing block is a 404), a store that
 * fetches from the network (a Bitswap session) a recursive one, whose
 * stalls end in 504 after `retrievalTimeoutMs` without a block.
 */
import { createGatewayServer, listen } from './server.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { Server } from 'node:http'

export { createGatewayServer } from './server.ts'

/**
 * What the gateway needs from the node.
 *
 * Without a `session`, `store.get` may fetch from the network and must
 * honour `signal`; with one, it must read local storage only. `store.has`
 * must answer from local storage only (it decides
 * `Cache-Control: only-if-cached`). Without `resolveIpns`, `/ipns/` paths
 * answer 501.
 */
export interface GatewayComponents {
  store: Pick<Blockstore, 'get' | 'has'>
  /**
   * A fresh reader for each request (a Bitswap session, so that each
   * request keeps its own peers). When given, blocks are read with
   * `store.get` first and through the session only when that fails with a
   * BlockNotFoundError, so `store.get` must then read local storage only.
   */
  session?: () => Pick<Blockstore, 'get'>
  /** Resolve `/ipns/<name>` (a key or a DNSLink domain) to an `/ipfs/` path, as `Ipns.resolve` does. */
  resolveIpns?: (path: string, options: AbortOptions) => Promise<string>
}

/** Options of the gateway. */
export interface GatewayInit {
  /** Give up (504) when no block arrives for this long while one is awaited. Default 30 s, as Kubo's Gateway.RetrievalTimeout. */
  retrievalTimeoutMs?: number
  /** Largest request line plus headers, in bytes; larger requests get a 431. Default 16 KiB. */
  maxHeaderSize?: number
}

/** Kubo's default retrieval timeout. */
export const DEFAULT_RETRIEVAL_TIMEOUT_MS = 30_000
/** Default cap on the request line and headers. */
export const DEFAULT_MAX_HEADER_SIZE = 16 * 1024

/**
 * Start a gateway on `host:port` (port 0 picks a free one; read it from
 * `server.address()`); resolves once it listens. Stop it with
 * `server.close()` (and `server.closeAllConnections()` to cut streams).
 */
export async function startGateway (components: GatewayComponents, host: string, port: number, init: GatewayInit = {}): Promise<Server> {
  const server = createGatewayServer(components, {
    retrievalTimeoutMs: init.retrievalTimeoutMs ?? DEFAULT_RETRIEVAL_TIMEOUT_MS,
    maxHeaderSize: init.maxHeaderSize ?? DEFAULT_MAX_HEADER_SIZE
  })
  await listen(server, host, port)
  return server
}
