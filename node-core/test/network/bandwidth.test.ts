// Bandwidth by protocol and by peer, measured on real streams between two
// nodes on loopback (TCP and QUIC), as the UI receives it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestNode, waitFor } from '../helpers/nodes.ts'
import type { BandwidthSample } from '../../src/network/bandwidth.ts'

const PROTOCOL = '/planetary-test/sink/1.0.0'
const MIB = 2 ** 20

test('bytes are counted by protocol and by peer on both sides, over TCP and QUIC; samples arrive as events', async () => {
  const a = await startTestNode()
  const b = await startTestNode()
  try {
    await b.node.host.handle(PROTOCOL, async (stream) => {
      for await (const chunk of stream) void chunk
      stream.send(new Uint8Array([1]))
      await stream.close()
    })
    const samples: BandwidthSample[] = []
    a.node.events.on('bandwidth:sample', (s) => samples.push(s))
    const aPeer = a.node.host.peerId.toString()
    const bPeer = b.node.host.peerId.toString()
    let sent = 0
    for (const transport of ['/tcp/', '/quic-v1']) {
      const address = b.node.host.getMultiaddrs().find((m) => m.toString().includes(transport) && !m.toString().includes('/ws')) ?? assert.fail(transport)
      const connection = await a.node.host.dial(address)
      const stream = await connection.newStream(PROTOCOL)
      const chunk = new Uint8Array(64 * 1024).fill(1)
      for (let i = 0; i < 48; i++) {
        if (!stream.send(chunk)) await stream.onDrain()
      }
      sent += 48 * chunk.byteLength
      await stream.close()
      for await (const reply of stream) void reply
      const out = a.node.bandwidth.sample()
      assert.ok((out.byProtocol[PROTOCOL]?.totalOut ?? 0) >= sent, `${transport}: sender counts ${sent} bytes out on the protocol`)
      assert.ok((out.byPeer[bPeer]?.totalOut ?? 0) >= sent, `${transport}: sender counts them for the peer`)
      assert.ok(out.totalOut >= sent)
      assert.ok(out.rateOut > 0)
      const into = b.node.bandwidth.sample()
      assert.ok((into.byProtocol[PROTOCOL]?.totalIn ?? 0) >= sent, `${transport}: receiver counts ${sent} bytes in`)
      assert.ok((into.byPeer[aPeer]?.totalIn ?? 0) >= sent, `${transport}: receiver counts them for the peer`)
      assert.equal(into.byProtocol[PROTOCOL]?.totalOut, out.byProtocol[PROTOCOL]?.totalIn, 'the one-byte answers match')
      await connection.close()
    }
    assert.ok(sent >= 6 * MIB)
    const identify = a.node.bandwidth.sample().byProtocol['/ipfs/id/1.0.0']
    assert.ok(identify !== undefined && identify.totalIn > 0, 'identify still works through the meter and is counted')
    await waitFor(() => samples.length >= 2, 5000, 'bandwidth:sample events')
    assert.ok(samples.every((s, i) => i === 0 || s.at >= (samples[i - 1]?.at ?? 0)), 'samples in time order')
    assert.ok(a.node.bandwidth.history().length >= samples.length)
    await a.node.host.hangUp(b.node.host.peerId)
    await b.node.host.hangUp(a.node.host.peerId)
    await waitFor(() => a.node.host.getConnections().length === 0, 5000, 'disconnect')
    const after = a.node.bandwidth.sample()
    assert.equal(after.byPeer[bPeer], undefined, 'a peer gone and silent leaves the per-peer table')
    assert.ok((after.byProtocol[PROTOCOL]?.totalOut ?? 0) >= sent, 'its bytes stay in the protocol totals')
  } finally {
    await a.stop()
    await b.stop()
  }
})
