/**
 * Ports another program holds (a Kubo or IPFS Desktop on 4001, 5001 or
 * 8080), for the desktop app, which must start whatever else runs.
 *
 * A server whose configured port is taken binds again on port 0, so the
 * system picks a free one: nothing is scanned, no other program can take
 * it between a check and the bind, and it never collides with this
 * node's own listeners binding at the same moment. The daemon then writes
 * every moved address into the repo config (atomically, as `config` does),
 * so the next start listens there again and the CLI, reading the config
 * and the api file, sees the truth.
 */
import { isAddressInUse } from '../network/swarm-ports.ts'
import { parseMultiaddr } from '../network/parse.ts'
import { multiaddrOf } from './bound.ts'
import type { PortMove } from '../api/node-api.ts'
import type { PlanetaryNode } from '../node.ts'
import type { Config } from '../repo/config/schema.ts'
import type { Repo } from '../repo/repo.ts'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Start a server on `port`; when another program holds it and `fallback` is on, on a port the system picks. */
export async function startOnFreePort<T> (port: number, fallback: boolean, start: (port: number) => Promise<T>): Promise<T> {
  try {
    return await start(port)
  } catch (err) {
    if (!fallback || port === 0 || !isAddressInUse(err)) throw err
    return await start(0)
  }
}

/** The move of `server`, configured at `configured`: none unless it listens on another port than a fixed one configured. */
export function serverMove (kind: 'api' | 'gateway', configured: string, server: Server): PortMove[] {
  const port = Number(parseMultiaddr(configured).getComponents().find((c) => c.name === 'tcp')?.value ?? 0)
  return port === 0 || port === (server.address() as AddressInfo).port ? [] : [{ kind, configured, actual: multiaddrOf(server) }]
}

/** The swarm listen addresses the node moved off taken ports. */
export function swarmMoves (node: PlanetaryNode): PortMove[] {
  return node.listening().filter((binding) => binding.moved).map(({ configured, actual }) => ({ kind: 'swarm', configured, actual }))
}

/** Write `moves` into the repo's `Addresses`, saying one line per move. */
export async function recordMoves (repo: Repo, moves: readonly PortMove[], log: (line: string) => void): Promise<void> {
  if (moves.length === 0) return
  await repo.saveConfig(withMoves(repo.config, moves))
  for (const move of moves) log(`${KEYS[move.kind]}: ${move.configured} was in use, so listening on ${move.actual} instead (saved in the config)`)
}

const KEYS = { swarm: 'Addresses.Swarm', api: 'Addresses.API', gateway: 'Addresses.Gateway' } as const

/** `config` with each moved address in place of the configured one. */
function withMoves (config: Config, moves: readonly PortMove[]): Config {
  const canonical = (address: string): string => parseMultiaddr(address).toString()
  const actual = (kind: PortMove['kind'], address: string): string =>
    moves.find((m) => m.kind === kind && canonical(m.configured) === canonical(address))?.actual ?? address
  return {
    ...config,
    Addresses: {
      ...config.Addresses,
      API: actual('api', config.Addresses.API),
      Gateway: actual('gateway', config.Addresses.Gateway),
      Swarm: config.Addresses.Swarm.map((address) => actual('swarm', address))
    }
  }
}
