/**
 * Where a listening server is bound, as a multiaddr and as an HTTP origin
 * a browser on this machine can open.
 */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

/** The `/ip4|ip6/<address>/tcp/<port>` a server is bound to. */
export function multiaddrOf (server: Server): string {
  const bound = server.address() as AddressInfo
  return `/ip${bound.family === 'IPv6' ? 6 : 4}/${bound.address}/tcp/${bound.port}`
}

/** `http://<host>:<port>` of a server; bound to every interface (`0.0.0.0`, `::`), it is loopback's. */
export function originOf (server: Server): string {
  const bound = server.address() as AddressInfo
  return httpOrigin(bound.address, bound.port, bound.family === 'IPv6')
}

/** `http://<address>:<port>`, bracketed for IPv6; every interface (`0.0.0.0`, `::`) is loopback's. */
export function httpOrigin (address: string, port: number | string, v6: boolean): string {
  const host = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address
  return `http://${v6 ? `[${host}]` : host}:${port}`
}
