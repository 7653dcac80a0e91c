/**
 * Transports this runtime cannot run, whatever the config says.
 *
 * QUIC and WebRTC-Direct are native modules; a host such as Electron (whose
 * V8 memory cage refuses their external buffers) may find one failing and
 * mark it here before the node starts. `transports()` then leaves it out,
 * with its listen addresses; the config on disk is not changed, so the same
 * repo run by the daemon under Node keeps it. The mark is per process, as
 * the runtime is.
 */

/** The config keys (`Swarm.Transports.*`) of the transports that load a native module. */
export type NativeTransport = 'QUIC' | 'WebRTCDirect'

const unavailable = new Map<NativeTransport, string>()

/** Mark `transport` as not runnable in this process, and why. */
export function markTransportUnavailable (transport: NativeTransport, reason: string): void {
  unavailable.set(transport, reason)
}

/** Why `transport` cannot run in this process, or undefined when it can. */
export function transportUnavailable (transport: NativeTransport): string | undefined {
  return unavailable.get(transport)
}

/** Forget every mark (tests, or after the runtime changed). */
export function clearUnavailableTransports (): void {
  unavailable.clear()
}
