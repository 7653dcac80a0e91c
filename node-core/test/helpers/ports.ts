// Ports held by another program, as a Kubo or IPFS Desktop holds 4001,
// 5001 and 8080: real sockets bound on ports the system picks (so tests
// running side by side never clash), and a repo configured to use them.
import { createSocket } from 'node:dgram'
import { createServer } from 'node:net'
import { planetaryOk } from './cli.ts'
import type { AddressInfo, Server } from 'node:net'
import type { Socket } from 'node:dgram'

/** The addresses a repo is given, each on a port a blocker holds. */
export interface BlockedAddresses {
  API: string
  Gateway: string
  /** TCP, QUIC and WebSocket, in that order. */
  Swarm: [string, string, string]
}

/** Sockets holding ports on 127.0.0.1. */
export interface PortBlockers {
  /** Hold a TCP port; returns it. */
  tcp(): Promise<number>
  /** Hold a UDP port (as a QUIC listener would); returns it. */
  udp(): Promise<number>
  /** Free every port held (again: nothing). */
  close(): Promise<void>
}

/** New blockers, holding nothing yet. */
export function portBlockers (): PortBlockers {
  const servers: Server[] = []
  const sockets: Socket[] = []
  return {
    async tcp () {
      const server = createServer()
      servers.push(server)
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      return (server.address() as AddressInfo).port
    },
    async udp () {
      const socket = createSocket('udp4')
      sockets.push(socket)
      await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
      return socket.address().port
    },
    async close () {
      await Promise.all([
        ...servers.splice(0).map(async (server) => { await new Promise((resolve) => server.close(resolve)) }),
        ...sockets.splice(0).map(async (socket) => { await new Promise<void>((resolve) => socket.close(resolve)) })
      ])
    }
  }
}

/** Hold a port for each address a test repo listens on (API, gateway, swarm TCP, QUIC and WebSocket). */
export async function blockAddresses (blockers: PortBlockers): Promise<BlockedAddresses> {
  const [api, gateway, tcp, quic, ws] = await Promise.all([blockers.tcp(), blockers.tcp(), blockers.tcp(), blockers.udp(), blockers.tcp()])
  return {
    API: `/ip4/127.0.0.1/tcp/${api}`,
    Gateway: `/ip4/127.0.0.1/tcp/${gateway}`,
    Swarm: [`/ip4/127.0.0.1/tcp/${tcp}`, `/ip4/127.0.0.1/udp/${quic}/quic-v1`, `/ip4/127.0.0.1/tcp/${ws}/ws`]
  }
}

/** Set the repo's `Addresses` to `addresses` with the CLI, as a user would. */
export async function configureAddresses (repo: string, addresses: BlockedAddresses): Promise<void> {
  await planetaryOk(repo, ['config', 'Addresses.API', addresses.API])
  await planetaryOk(repo, ['config', 'Addresses.Gateway', addresses.Gateway])
  await planetaryOk(repo, ['config', '--json', 'Addresses.Swarm', JSON.stringify(addresses.Swarm)])
}
