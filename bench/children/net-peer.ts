// One side of the net benchmark, in its own process. `listen` prints its
// address and counts bytes on /bench/sink/1.0.0, answering one byte when the
// sender half-closes; `send` dials, times connection setup, and pushes
// `mib` MiB through one stream until that answer arrives.
import { noise } from '@chainsafe/libp2p-noise'
import { quic } from '@chainsafe/libp2p-quic'
import { yamux } from '@chainsafe/libp2p-yamux'
import { tcp } from '@libp2p/tcp'
import { tls } from '@libp2p/tls'
import { webSockets } from '@libp2p/websockets'
import { multiaddr } from '@multiformats/multiaddr'
import { createLibp2p } from 'libp2p'

const [role = 'listen', kind = 'tcp-noise', target = '', mibText = '256'] = process.argv.slice(2)
const PROTOCOL = '/bench/sink/1.0.0'

const setups: Record<string, { listen: string, transports: unknown[], encrypters: unknown[] }> = {
  'tcp-noise': { listen: '/ip4/127.0.0.1/tcp/0', transports: [tcp()], encrypters: [noise()] },
  'tcp-tls': { listen: '/ip4/127.0.0.1/tcp/0', transports: [tcp()], encrypters: [tls()] },
  'ws-noise': { listen: '/ip4/127.0.0.1/tcp/0/ws', transports: [webSockets()], encrypters: [noise()] },
  quic: { listen: '/ip4/127.0.0.1/udp/0/quic-v1', transports: [quic()], encrypters: [noise()] }
}
const setup = setups[kind]
if (setup === undefined) throw new Error(`unknown kind ${kind}`)
const node = await createLibp2p({
  addresses: { listen: role === 'listen' ? [setup.listen] : [] },
  transports: setup.transports as never,
  connectionEncrypters: setup.encrypters as never,
  streamMuxers: [yamux()]
})

if (role === 'listen') {
  await node.handle(PROTOCOL, async (stream) => {
    let received = 0
    for await (const chunk of stream) received += chunk.byteLength
    stream.send(new Uint8Array([1]))
    await stream.close()
    process.stderr.write(`received ${received}\n`)
  }, { maxInboundStreams: 4 })
  process.stdout.write(`${node.getMultiaddrs()[0]?.toString() ?? ''}\n`)
  await new Promise((resolve) => process.once('SIGTERM', resolve))
  await node.stop()
} else {
  const total = Number(mibText) * 2 ** 20
  const t0 = performance.now()
  const connection = await node.dial(multiaddr(target))
  const setupMs = performance.now() - t0
  const stream = await connection.newStream(PROTOCOL)
  const chunk = new Uint8Array(256 * 1024).fill(7)
  const t1 = performance.now()
  for (let sent = 0; sent < total; sent += chunk.byteLength) {
    if (!stream.send(chunk)) await stream.onDrain()
  }
  await stream.close()
  for await (const _ of stream) break
  const seconds = (performance.now() - t1) / 1000
  process.stdout.write(JSON.stringify({ setupMs, seconds, mbPerSecond: total / 1e6 / seconds }) + '\n')
  await node.stop()
}
