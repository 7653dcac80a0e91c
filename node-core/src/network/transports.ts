/**
 * The transports, encrypters and muxers of the host.
 *
 * `Swarm.Transports` says which transports are loaded (each is imported only
 * then: QUIC and WebRTC are native modules that cost 30 to 50 MB of memory
 * each); `Addresses.Swarm` says which of them listen. Noise comes before TLS: TLS measured faster here (see
 * bench/README.md), but closing a TCP+TLS connection aborts it instead of
 * closing it gracefully (seen with js-libp2p 3.3), which can cut the tail
 * of a transfer. `Swarm.Transports.Security` can reorder them or turn one
 * off, as in Kubo (which prefers TLS). Yamux comes before Mplex (Mplex only
 * for older peers). A transport marked unavailable in this runtime
 * (unavailable-transports.ts) is left out whatever the config says.
 */
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { circuitRelayTransport } from '@libp2p/circuit-relay-v2'
import { mplex } from '@libp2p/mplex'
import { tls } from '@libp2p/tls'
import { noiseCrypto } from './noise-crypto.ts'
import { transportUnavailable } from './unavailable-transports.ts'
import type { Config } from '../repo/config/schema.ts'
import type { Libp2pOptions } from 'libp2p'

type Transports = NonNullable<Libp2pOptions['transports']>

/** Transports for `createLibp2p`, from the config. */
export async function transports (config: Config): Promise<Transports> {
  const enabled = config.Swarm.Transports
  const list: Transports = []
  if (enabled.TCP) {
    const { tcp } = await import('@libp2p/tcp')
    list.push(tcp({ inboundSocketInactivityTimeout: 120_000, outboundSocketInactivityTimeout: 120_000 }))
  }
  if (enabled.Websocket) {
    const { webSockets } = await import('@libp2p/websockets')
    list.push(webSockets())
  }
  if (enabled.QUIC && transportUnavailable('QUIC') === undefined) {
    const { quic } = await import('@chainsafe/libp2p-quic')
    list.push(quic() as Transports[number])
  }
  if (enabled.WebRTCDirect && transportUnavailable('WebRTCDirect') === undefined) {
    const { webRTC, webRTCDirect } = await import('@libp2p/webrtc')
    list.push(webRTCDirect(), webRTC())
  }
  if (config.Swarm.RelayClient.Enabled) list.push(circuitRelayTransport())
  return list
}

/** Connection encrypters that `Swarm.Transports.Security` enables, preferred (lowest priority number) first. */
export function encrypters (config: Config): NonNullable<Libp2pOptions['connectionEncrypters']> {
  const { TLS, Noise } = config.Swarm.Transports.Security
  const enabled: Array<[number, NonNullable<Libp2pOptions['connectionEncrypters']>[number]]> = []
  if (Noise !== false) enabled.push([Noise, noise({ crypto: noiseCrypto })])
  if (TLS !== false) enabled.push([TLS, tls()])
  return enabled.sort((a, b) => a[0] - b[0]).map(([, encrypter]) => encrypter)
}

/** Unread bytes a stream may hold: room for two whole 4 MiB Bitswap messages, the largest any protocol here sends. */
export const MAX_STREAM_READ_BUFFER = 2 * 4 * 1024 * 1024 + 64 * 1024

/** Stream muxers, preferred first. */
export function muxers (): NonNullable<Libp2pOptions['streamMuxers']> {
  return [yamux({ streamOptions: { maxReadBufferLength: MAX_STREAM_READ_BUFFER } }), mplex()]
}

