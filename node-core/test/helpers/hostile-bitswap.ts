// A hostile Bitswap peer for bad-input tests: a bare libp2p host (TCP,
// Noise, Yamux, identify) that speaks /ipfs/bitswap/1.2.0 by hand. It
// records every message the node under test sends it, answers through
// `respond` (or never), and writes whatever bytes a test hands it.
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { tcp } from '@libp2p/tcp'
import { lpStream } from '@libp2p/utils'
import { createLibp2p } from 'libp2p'
import { BITSWAP_120, fromWire } from '../../src/exchange/message/message.ts'
import { encodeWire } from '../../src/exchange/message/wire.ts'
import { waitFor } from './nodes.ts'
import type { BitswapMessage } from '../../src/exchange/message/message.ts'
import type { WireMessage } from '../../src/exchange/message/wire.ts'
import type { PlanetaryNode } from '../../src/node.ts'
import type { Connection, Libp2p, Stream } from '@libp2p/interface'
import type { LengthPrefixedStream } from '@libp2p/utils'

/** What the hostile peer does with a message from the node: `reply` writes on its stream to the node. */
export type Responder = (message: BitswapMessage, reply: (wire: WireMessage) => Promise<void>) => void

/** A started hostile peer. */
export interface HostilePeer {
  host: Libp2p
  /** Messages the node sent us (all of them parsed). */
  received: BitswapMessage[]
  /** Dial the node and wait until it has seen (through identify) that we speak Bitswap. */
  connect(node: PlanetaryNode): Promise<Connection>
  /** Write `wire`, length-prefixed, on our one stream to the node. */
  send(node: PlanetaryNode, wire: WireMessage): Promise<void>
  /** Open a fresh Bitswap stream to the node and write `chunks` as they are (no prefix added), `pauseMs` apart. */
  raw(node: PlanetaryNode, chunks: Uint8Array[], pauseMs?: number): Promise<Stream>
  stop(): Promise<void>
}

export const bitswapReady = async (node: PlanetaryNode, peer: Libp2p): Promise<boolean> =>
  (await node.host.peerStore.get(peer.peerId).catch(() => undefined))?.protocols.includes(BITSWAP_120) === true

/** Start a hostile peer; `respond` sees each message the node sends (default: never answer). */
export async function startHostile (respond: Responder = () => {}): Promise<HostilePeer> {
  const host = await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { identify: identify() }
  })
  const received: BitswapMessage[] = []
  let out: Promise<LengthPrefixedStream<Stream>> | undefined
  let tail = Promise.resolve()
  const write = async (target: Libp2p['peerId'], wire: WireMessage): Promise<void> => {
    out ??= host.dialProtocol(target, BITSWAP_120).then((s) => lpStream(s, { maxDataLength: 64 << 20 }))
    const stream = out
    const done = tail.then(async () => { await (await stream).write(encodeWire(wire)) })
    tail = done.catch(() => {})
    await done
  }
  await host.handle(BITSWAP_120, async (stream, connection) => {
    const lp = lpStream(stream, { maxDataLength: 64 << 20 })
    try {
      for (;;) {
        const message = fromWire(await lp.read())
        received.push(message)
        respond(message, async (wire) => { await write(connection.remotePeer, wire) })
      }
    } catch {
      // the node closed or reset the stream
    }
  }, { maxInboundStreams: 64 })
  return {
    host,
    received,
    async connect (node) {
      const connection = await host.dial(node.host.getMultiaddrs().find((a) => /\/tcp\/\d+\/p2p\//.test(a.toString())) ?? node.host.peerId)
      await waitFor(async () => await bitswapReady(node, host), 10_000, 'the node to learn that the hostile peer speaks Bitswap')
      return connection
    },
    async send (node, wire) {
      await write(node.host.peerId, wire)
    },
    async raw (node, chunks, pauseMs = 0) {
      const stream = await host.dialProtocol(node.host.peerId, BITSWAP_120)
      try {
        for (const [i, chunk] of chunks.entries()) {
          if (i > 0 && pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs))
          if (stream.send(chunk)) continue
          await new Promise((resolve) => {
            stream.addEventListener('drain', resolve, { once: true })
            stream.addEventListener('close', resolve, { once: true })
          })
          if (stream.status !== 'open') break
        }
      } catch {
        // the node reset the stream while we wrote
      }
      return stream
    },
    async stop () {
      await host.stop()
    }
  }
}
