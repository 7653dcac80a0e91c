/**
 * The node's native modules, checked under this runtime before it starts.
 *
 * QUIC (@chainsafe/libp2p-quic's napi-rs binding) and WebRTC-Direct
 * (node-datachannel) are native modules. Electron's V8 memory cage refuses
 * buffers whose memory lives outside V8's heap ("External buffers are not
 * allowed"), which a native module may hand back on every read, so loading
 * one is not enough: each probe loads its module and sends bytes over a
 * loopback connection and back, in a try/catch. A transport whose probe
 * fails is marked unavailable in node-core for this process (the config on
 * disk is kept) with a logged reason; TCP and WebSockets, pure JavaScript,
 * never depend on it.
 */
import { randomBytes } from 'node:crypto'
import { markTransportUnavailable } from '../../node-core/src/network/unavailable-transports.ts'
import type { NativeTransport } from '../../node-core/src/network/unavailable-transports.ts'
import type { Config } from '../../node-core/src/repo/config/schema.ts'
import type { Libp2pOptions } from 'libp2p'

type TransportsConfig = Config['Swarm']['Transports']

/** One native module the node loads, and how to check it works here. */
export interface NativeModule {
  /** The `Swarm.Transports` key that loads it. */
  transport: NativeTransport
  /** The transport's name in log lines. */
  label: string
  /** Load the module and move bytes through it both ways; rejects when it cannot. */
  probe: () => Promise<void>
}

/** A transport turned off, and why. */
export interface TransportOff {
  transport: NativeTransport
  reason: string
}

/** What {@link checkNativeTransports} decided. */
export interface NativeTransportsCheck {
  /** The transports to run: the config's, with every failing native one off. */
  transports: TransportsConfig
  /** The ones turned off, each with its reason. */
  off: TransportOff[]
}

/** Options for {@link checkNativeTransports}. */
export interface CheckNativeTransportsOptions {
  /** The modules to probe; {@link NATIVE_MODULES} by default (tests inject loaders that throw or succeed). */
  modules?: readonly NativeModule[]
  /** Where each reason is logged; console.warn by default. */
  log?: (line: string) => void
  /** Longest a probe may take before it counts as failed. */
  timeoutMs?: number
}

const PROBE_PROTOCOL = '/planetary/native-probe/1.0.0'

/** Two loopback hosts over `transport` on `listen`; `b` echoes; 64 KiB go from `a` to `b` and back. */
async function echoOver (transport: () => NonNullable<Libp2pOptions['transports']>[number], listen: string, extra: Partial<Libp2pOptions> = {}): Promise<void> {
  const { createLibp2p } = await import('libp2p')
  const make = async () => await createLibp2p({ addresses: { listen: [listen] }, transports: [transport()], ...extra })
  const [a, b] = await Promise.all([make(), make()])
  try {
    await b.handle(PROBE_PROTOCOL, async (stream) => {
      for await (const chunk of stream) if (!stream.send(chunk)) await stream.onDrain()
      await stream.close()
    })
    const stream = await a.dialProtocol(b.getMultiaddrs(), PROBE_PROTOCOL)
    const sent = randomBytes(64 * 1024)
    const back: Uint8Array[] = []
    const reading = (async () => { for await (const chunk of stream) back.push(chunk.subarray()) })()
    if (!stream.send(sent)) await stream.onDrain()
    await stream.close()
    await reading
    if (!Buffer.concat(back).equals(sent)) throw new Error('bytes sent through it came back altered or cut short')
  } finally {
    await Promise.allSettled([a.stop(), b.stop()])
  }
}

/** The native modules the node loads, with real probes. */
export const NATIVE_MODULES: readonly NativeModule[] = [
  {
    transport: 'QUIC',
    label: 'QUIC',
    probe: async () => {
      const { quic } = await import('@chainsafe/libp2p-quic')
      await echoOver(() => quic() as NonNullable<Libp2pOptions['transports']>[number], '/ip4/127.0.0.1/udp/0/quic-v1')
    }
  },
  {
    transport: 'WebRTCDirect',
    label: 'WebRTC-Direct',
    probe: async () => {
      const { webRTCDirect } = await import('@libp2p/webrtc')
      const { noise } = await import('@chainsafe/libp2p-noise')
      const { yamux } = await import('@chainsafe/libp2p-yamux')
      await echoOver(() => webRTCDirect(), '/ip4/127.0.0.1/udp/0/webrtc-direct', { connectionEncrypters: [noise()], streamMuxers: [yamux()] })
    }
  }
]

function message (err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

async function withTimeout (run: () => Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_resolve, reject) => { timer = setTimeout(() => { reject(new Error(`no answer within ${ms} ms`)) }, ms) })
  try {
    await Promise.race([run(), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Probe each enabled native transport; turn off and mark unavailable the ones that fail.
 *
 * Call before the node starts. Transports the config has off are not
 * probed (nor loaded). Each one turned off is logged as
 * "QUIC off: its native module failed under this runtime: <message>".
 */
export async function checkNativeTransports (transports: TransportsConfig, options: CheckNativeTransportsOptions = {}): Promise<NativeTransportsCheck> {
  const { modules = NATIVE_MODULES, log = (line: string) => { console.warn(line) }, timeoutMs = 10_000 } = options
  const result: TransportsConfig = { ...transports }
  const off: TransportOff[] = []
  for (const module of modules) {
    if (!transports[module.transport]) continue
    try {
      await withTimeout(module.probe, timeoutMs)
    } catch (err) {
      const reason = `${module.label} off: its native module failed under this runtime: ${message(err)}`
      result[module.transport] = false
      off.push({ transport: module.transport, reason })
      markTransportUnavailable(module.transport, reason)
      log(reason)
    }
  }
  return { transports: result, off }
}
