/**
 * The swarm's listen addresses as bound, and what happens when one's port
 * is taken.
 *
 * libp2p listens on every `Addresses.Swarm` entry at once and, when one
 * fails, fails the whole start with one UnsupportedListenAddressesError
 * that holds every address's error in its message. Each transport is
 * wrapped here so that the listener's own bind decides instead: when it
 * fails because another program holds the port (EADDRINUSE; QUIC's native
 * socket says "os error 98"), the listener binds again on a port the
 * system picks (`fallback`) and the move is recorded, or it fails with
 * SwarmAddressInUseError naming the address, which `startError` gives
 * back in place of libp2p's summary. Nothing is probed beforehand, so no
 * other program can take a port between a check and the bind.
 */
import { multiaddr } from '@multiformats/multiaddr'
import { SwarmAddressInUseError } from './errors.ts'
import type { Listener, Transport } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { Libp2pOptions } from 'libp2p'

type Transports = NonNullable<Libp2pOptions['transports']>

/** A swarm listen address as configured, and as bound. */
export interface ListenBinding {
  /** The `Addresses.Swarm` entry. */
  configured: string
  /** The entry with the port actually bound (the system's choice for port 0, or for a taken one). */
  actual: string
  /** The configured port was taken, so `actual` has another. */
  moved: boolean
}

/** What the listeners do when their port is taken. */
export interface SwarmPortsInit {
  /** Listen on a port the system picks (true), or fail naming the address (false). */
  fallback: boolean
}

/** The swarm listeners' policy for taken ports, and the addresses they bound. */
export class SwarmPorts {
  readonly #fallback: boolean
  readonly #bound = new Map<string, ListenBinding>()
  #taken: SwarmAddressInUseError | undefined

  constructor (init: SwarmPortsInit) {
    this.#fallback = init.fallback
  }

  /** `transports` whose listeners follow this policy and report what they bind. */
  guard (transports: Transports): Transports {
    return transports.map((factory) => (components: Parameters<typeof factory>[0]) => {
      const transport: Transport = factory(components)
      const create = transport.createListener.bind(transport)
      transport.createListener = (options) => this.#guardListener(create(options))
      return transport
    })
  }

  /** Every configured address listened on since the start, in the order they were bound. */
  bindings (): ListenBinding[] {
    return [...this.#bound.values()]
  }

  /**
   * What a failed start reports: the taken swarm address, when that was the
   * cause (libp2p's summary of failed listeners), else `err`. Each taken
   * address is reported once: a later start's failure is its own.
   */
  startError (err: unknown): unknown {
    const taken = this.#taken
    this.#taken = undefined
    return taken !== undefined && (err as { name?: unknown } | null)?.name === 'UnsupportedListenAddressesError' ? taken : err
  }

  #guardListener (listener: Listener): Listener {
    const listen = listener.listen.bind(listener)
    listener.listen = async (ma) => {
      const port = portOf(ma)
      try {
        await listen(ma)
      } catch (err) {
        if (port === undefined || port === 0 || !isAddressInUse(err)) throw err
        if (!this.#fallback) {
          this.#taken = new SwarmAddressInUseError(`swarm address ${ma.toString()} is already in use: is another IPFS node running? Set Addresses.Swarm to free ports`, { cause: err })
          throw this.#taken
        }
        await listen(withPort(ma, 0))
      }
      const bound = listener.getAddrs().map(portOf).find((p) => p !== undefined) ?? port
      const actual = bound === undefined ? ma : withPort(ma, bound)
      this.#bound.set(ma.toString(), { configured: ma.toString(), actual: actual.toString(), moved: port !== undefined && port !== 0 && bound !== port })
    }
    return listener
  }
}

/** True when `err` (or an error it wraps) says that another socket holds the address. */
export function isAddressInUse (err: unknown): boolean {
  for (let e = err; e instanceof Error; e = e.cause) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') return true
    // Rust's io::Error through napi (QUIC): EADDRINUSE on Linux, macOS and Windows.
    if (/\(os error (98|48|10048)\)/.test(e.message)) return true
  }
  return false
}

/** The TCP or UDP port of `ma`, if it has one. */
function portOf (ma: Multiaddr): number | undefined {
  const value = ma.getComponents().find((c) => c.name === 'tcp' || c.name === 'udp')?.value
  return value === undefined ? undefined : Number(value)
}

/** `ma` with its TCP or UDP port replaced by `port`. */
function withPort (ma: Multiaddr, port: number): Multiaddr {
  let replaced = false
  return multiaddr(ma.getComponents().map(({ code, name, value }) => {
    if (replaced || (name !== 'tcp' && name !== 'udp')) return value === undefined ? { code, name } : { code, name, value }
    replaced = true
    return { code, name, value: String(port) }
  }))
}
