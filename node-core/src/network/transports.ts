/**
 * The transports, encrypters and muxers of the host.
 *
 * Every transport is present so that any listen address in the config and
 * any address a peer gives can be used; which ones listen is the config's
 * `Addresses.Swarm`. Noise comes before TLS: TLS measured faster here (see
 * bench/README.md), but closing a TCP+TLS connection aborts it instead of
 * closing it gracefully (seen with js-libp2p 3.3), which can cut the tail
 * of a transfer. Yamux comes before Mplex (Mplex only for older peers).
 */
import { noise } from '@chainsafe/libp2p-noise'
import { quic } from '@chainsafe/libp2p-quic'
import { yamux } from '@chainsafe/libp2p-yamux'
import { circuitRelayTransport } from '@libp2p/circuit-relay-v2'
import { mplex } from '@libp2p/mplex'
import { tcp } from '@libp2p/tcp'
import { tls } from '@libp2p/tls'
import { webRTC, webRTCDirect } from '@libp2p/webrtc'
import { webSockets } from '@libp2p/websockets'
import type { Config } from '../repo/config/schema.ts'
import type { Libp2pOptions } from 'libp2p'

type Transports = NonNullable<Libp2pOptions['transports']>

/** Transports for `createLibp2p`, from the config. */
export function transports (config: Config): Transports {
  const list: Transports = [
    tcp({ inboundSocketInactivityTimeout: 120_000, outboundSocketInactivityTimeout: 120_000 }),
    webSockets(),
    quic() as Transports[number],
    webRTCDirect(),
    webRTC()
  ]
  if (config.Swarm.RelayClient.Enabled) list.push(circuitRelayTransport())
  return list
}

/** Connection encrypters, preferred first. */
export function encrypters (): NonNullable<Libp2pOptions['connectionEncrypters']> {
  return [noise(), tls()]
}

/** Stream muxers, preferred first. */
export function muxers (): NonNullable<Libp2pOptions['streamMuxers']> {
  return [yamux(), mplex()]
}
