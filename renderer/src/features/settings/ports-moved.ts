/**
 * The node's moved ports (node.info's `portsMoved`) as the Settings page
 * tells them: one line per taken port, with every port used instead (a
 * swarm port is often configured twice, for IPv4 and IPv6, or for TCP and
 * QUIC, and each listener got its own).
 */
import type { Output } from '../../../../node-core/src/api/contract.ts'

/** An address moved off a taken port, as node.info reports it. */
export type PortMove = Output<'node.info'>['portsMoved'][number]

/** A taken port of one kind of listener, and the ports listened on instead. */
export interface MovedPort {
  kind: PortMove['kind']
  from: number
  to: number[]
}

/** The TCP or UDP port of a multiaddr (0 if it names none). */
export function portOf (address: string): number {
  return Number(/\/(?:tcp|udp)\/(\d+)/.exec(address)?.[1] ?? 0)
}

/** `moves` grouped by listener kind and taken port, in the order reported. */
export function movedPorts (moves: readonly PortMove[]): MovedPort[] {
  const lines: MovedPort[] = []
  for (const move of moves) {
    const from = portOf(move.configured)
    const to = portOf(move.actual)
    const line = lines.find((l) => l.kind === move.kind && l.from === from)
    if (line === undefined) lines.push({ kind: move.kind, from, to: [to] })
    else if (!line.to.includes(to)) line.to.push(to)
  }
  return lines
}
