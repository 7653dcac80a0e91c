/**
 * `planetary daemon`: the node running headless.
 *
 * Opens the repo (holding its lock), starts the node, serves the RPC on
 * `Addresses.API`, records that address in the repo's `api` file, and on
 * stop undoes all of it in reverse: RPC closed, node stopped, api file
 * removed, repo closed (lock released).
 */
import { parseMultiaddr } from '../network/parse.ts'
import { createNode } from '../node.ts'
import { ApiAddressError } from './errors.ts'
import { removeApiFile, writeApiFile } from './api-file.ts'
import { startRpcServer } from './rpc/server.ts'
import type { PlanetaryNode } from '../node.ts'
import type { Repo } from '../repo/repo.ts'
import type { AddressInfo } from 'node:net'

/** A running daemon. */
export interface Daemon {
  readonly node: PlanetaryNode
  /** The RPC multiaddr actually listened on. */
  readonly apiAddress: string
  stop(): Promise<void>
}

/** Start the node of `repo` and its RPC. */
export async function startDaemon (repo: Repo): Promise<Daemon> {
  const { host, port } = tcpAddress(repo.config.Addresses.API)
  const node = await createNode(repo)
  await node.start()
  let server
  try {
    server = await startRpcServer(node, host, port)
  } catch (err) {
    await node.stop()
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ApiAddressError(`RPC address ${repo.config.Addresses.API} is already in use: is another daemon running? Set Addresses.API to a free port`)
    }
    throw err
  }
  const bound = server.address() as AddressInfo
  const apiAddress = `/ip${bound.family === 'IPv6' ? 6 : 4}/${bound.address}/tcp/${bound.port}`
  await writeApiFile(repo.path, apiAddress)
  return {
    node,
    apiAddress,
    async stop () {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => { resolve() }))
      try {
        await node.stop()
      } finally {
        await removeApiFile(repo.path)
      }
    }
  }
}

/** Host and port of a `/ip4|ip6/<addr>/tcp/<port>` multiaddr. */
function tcpAddress (text: string): { host: string, port: number } {
  const parts = parseMultiaddr(text).getComponents()
  const ip = parts[0]
  const tcp = parts[1]
  if (ip === undefined || (ip.name !== 'ip4' && ip.name !== 'ip6') || tcp?.name !== 'tcp' || parts.length !== 2) {
    throw new ApiAddressError(`Addresses.API must be /ip4/<address>/tcp/<port> or /ip6/..., got ${text}`)
  }
  return { host: ip.value ?? '127.0.0.1', port: Number(tcp.value) }
}
