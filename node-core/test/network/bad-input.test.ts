// Bad input at the network boundary: malformed addresses, unreachable peers,
// failed protocol negotiation, peers that stall or open too many streams.
// Each gets a named error or a timeout, and nothing is left open.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { parseMultiaddr, parsePeerId } from '../../src/network/parse.ts'
import { InvalidMultiaddrError, InvalidPeerIdError } from '../../src/network/errors.ts'
import { startTestNode, waitFor } from '../helpers/nodes.ts'
import type { Stream } from '@libp2p/interface'

test('malformed multiaddrs and peer IDs get named errors', () => {
  for (const bad of ['', 'ip4/1.2.3.4', '/ip4/999.1.1.1/tcp/1', '/ip4/1.2.3.4/tcp/99999', '/nonsense/1', '/ip4/1.2.3.4/tcp']) {
    assert.throws(() => parseMultiaddr(bad), InvalidMultiaddrError, bad)
  }
  for (const bad of ['', 'notapeer', 'Qm123', '12D3KooW']) assert.throws(() => parsePeerId(bad), InvalidPeerIdError, bad)
})

test('dialling a closed port or a silent server fails within the dial timeout and leaks nothing', async () => {
  const a = await startTestNode()
  const b = await startTestNode()
  const silent = createServer(() => {})
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  try {
    const port = (silent.address() as { port: number }).port
    const peer = b.node.host.peerId.toString()
    const started = Date.now()
    await assert.rejects(a.node.host.dial(parseMultiaddr(`/ip4/127.0.0.1/tcp/1/p2p/${peer}`)))
    await assert.rejects(a.node.host.dial(parseMultiaddr(`/ip4/127.0.0.1/tcp/${port}/p2p/${peer}`), { signal: AbortSignal.timeout(3000) }))
    assert.ok(Date.now() - started < 15_000)
    assert.equal(a.node.host.getConnections().length, 0)
  } finally {
    silent.close()
    await a.stop()
    await b.stop()
  }
})

test('an unsupported protocol fails negotiation; the connection stays usable; streams are cleaned up', async () => {
  const a = await startTestNode()
  const b = await startTestNode()
  try {
    const connection = await a.node.host.dial(b.node.host.getMultiaddrs()[0] ?? assert.fail('no address'))
    await assert.rejects(connection.newStream('/planetary/does-not-exist/1.0.0'))
    await assert.rejects(a.node.host.dialProtocol(b.node.host.peerId, '/also/missing/1.0.0'))
    assert.equal(connection.status, 'open')
    await waitFor(() => connection.streams.filter((s) => s.protocol?.startsWith('/planetary') === true).length === 0, 3000, 'failed streams to close')
  } finally {
    await a.stop()
    await b.stop()
  }
})

test('too many inbound streams for a protocol are refused, and the connection survives', async () => {
  const a = await startTestNode()
  const b = await startTestNode()
  try {
    const connection = await a.node.host.dial(b.node.host.getMultiaddrs()[0] ?? assert.fail('no address'))
    const opened: Stream[] = []
    let refused = 0
    for (let i = 0; i < 40; i++) {
      try {
        opened.push(await connection.newStream('/ipfs/ping/1.0.0', { runOnLimitedConnection: true, maxOutboundStreams: 100 }))
      } catch {
        refused++
      }
    }
    await waitFor(() => refused > 0 || opened.some((s) => s.status !== 'open'), 5000, 'the peer to refuse or reset excess ping streams')
    for (const s of opened) s.abort(new Error('test done'))
    assert.equal(connection.status, 'open', 'the connection survives')
  } finally {
    await a.stop()
    await b.stop()
  }
})

test('a stream opened and left silent is closed by the peer when its handler times out', async () => {
  const a = await startTestNode()
  const b = await startTestNode()
  try {
    const connection = await a.node.host.dial(b.node.host.getMultiaddrs()[0] ?? assert.fail('no address'))
    const stream = await connection.newStream('/ipfs/ping/1.0.0')
    await waitFor(() => stream.status !== 'open' || stream.remoteWriteStatus !== 'writable', 20_000, 'the peer to give up on the silent stream')
    const again = await a.node.host.dial(b.node.host.getMultiaddrs()[0] ?? assert.fail('no address'))
    assert.ok(await (a.node.host.services.ping as { ping(addr: unknown): Promise<number> }).ping(again.remoteAddr) >= 0, 'both nodes still serve')
  } finally {
    await a.stop()
    await b.stop()
  }
})
