// Real sockets on loopback: each transport dials, encrypts, muxes and pings,
// the UI events name what happened, and nothing is left open afterwards.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestNode, waitFor } from '../helpers/nodes.ts'
import { defaultConfig } from '../../src/repo/config/defaults.ts'
import { validateConfig } from '../../src/repo/config/store.ts'
import { InvalidConfigError } from '../../src/repo/errors.ts'
import type { PeerConnected } from '../../src/network/peer-events.ts'
import type { Config } from '../../src/repo/config/schema.ts'
import type { Multiaddr } from '@multiformats/multiaddr'

interface Ping { ping(target: unknown, options?: { signal?: AbortSignal }): Promise<number> }

test('TCP, WebSockets and QUIC each connect, ping and close cleanly', async () => {
  const a = await startTestNode()
  const b = await startTestNode()
  try {
    const events: PeerConnected[] = []
    a.node.events.on('peer:connected', (e) => events.push(e))
    const byTransport = new Map<string, string>()
    for (const address of b.node.host.getMultiaddrs()) {
      const text = address.toString()
      const transport = text.includes('/quic-v1') ? 'quic' : text.includes('/ws') ? 'websockets' : 'tcp'
      byTransport.set(transport, text)
    }
    assert.deepEqual([...byTransport.keys()].sort(), ['quic', 'tcp', 'websockets'])
    for (const [transport, address] of byTransport) {
      // force: b may have dialled a by itself meanwhile (its DHT keeps its closest peers), and without it the dial would hand back that connection instead of opening one over this transport.
      const connection = await a.node.host.dial(b.node.host.getMultiaddrs().find((m) => m.toString() === address) ?? address as never, { force: true })
      assert.equal(connection.remoteAddr.toString(), address, `${transport}: a new connection over this transport`)
      const rtt = await (a.node.host.services.ping as Ping).ping(connection.remoteAddr)
      assert.ok(rtt >= 0, `${transport}: ping answered`)
      const event = events.find((e) => e.transport === transport)
      assert.ok(event !== undefined, `${transport}: peer:connected event`)
      assert.equal(event.peer, b.node.host.peerId.toString())
      assert.equal(event.direction, 'outbound')
      if (transport === 'tcp' || transport === 'websockets') {
        assert.equal(event.encryption, '/noise')
        assert.equal(event.muxer, '/yamux/1.0.0')
      }
      await connection.close()
      assert.equal(connection.status, 'closed', `${transport}: closed gracefully, not aborted`)
      assert.ok(a.node.host.getConnections().every((c) => c.id !== connection.id), `${transport}: closed connection is gone`)
    }
    // b may dial a again by itself (the DHT keeps its closest peers alive), so
    // what must close on b's side is every connection that was open at hang-up.
    const remoteSide = b.node.host.getConnections()
    await a.node.host.hangUp(b.node.host.peerId)
    await waitFor(() => a.node.host.getConnections().every((c) => c.direction === 'inbound'), 5000, 'no connection of a left')
    await waitFor(() => remoteSide.every((c) => c.status === 'closed'), 5000, 'the remote side to see every connection closed', () => remoteSide.map((c) => `${c.direction} ${c.remoteAddr.toString()} ${c.status}`).join(', '))
  } finally {
    await a.stop()
    await b.stop()
  }
})

test('identify exchanges protocols, agent and the LAN DHT, and disconnect is reported', async () => {
  const a = await startTestNode()
  const b = await startTestNode()
  try {
    const identified: string[] = []
    const disconnected: string[] = []
    a.node.events.on('peer:identified', (e) => { if (e.agent.startsWith('planetary/')) identified.push(...e.protocols) })
    a.node.events.on('peer:disconnected', (e) => disconnected.push(e.peer))
    await a.node.host.dial(b.node.host.getMultiaddrs()[0] ?? assert.fail('no address'))
    await waitFor(() => identified.length > 0, 5000, 'identify')
    for (const protocol of ['/ipfs/id/1.0.0', '/ipfs/ping/1.0.0', '/ipfs/lan/kad/1.0.0']) assert.ok(identified.includes(protocol), protocol)
    await a.node.host.hangUp(b.node.host.peerId)
    await waitFor(() => disconnected.includes(b.node.host.peerId.toString()), 5000, 'peer:disconnected')
  } finally {
    await a.stop()
    await b.stop()
  }
})

test('Swarm.Transports.Security chooses the encrypter as Kubo does, and cannot turn both off', async () => {
  const security = (s: { TLS: number | false, Noise: number | false }) => (c: Config): Config => ({ ...c, Swarm: { ...c.Swarm, Transports: { ...c.Swarm.Transports, Security: s } } })
  const tlsFirst = await startTestNode(security({ TLS: 100, Noise: 300 }))
  const tlsToo = await startTestNode(security({ TLS: 100, Noise: 300 }))
  const noiseOnly = await startTestNode(security({ TLS: false, Noise: 100 }))
  const tlsOnly = await startTestNode(security({ TLS: 100, Noise: false }))
  const tcp = (n: typeof tlsFirst): Multiaddr => {
    const address = n.node.host.getMultiaddrs().find((m) => m.toString().includes('/tcp/') && !m.toString().includes('/ws'))
    assert.ok(address !== undefined)
    return address
  }
  try {
    const preferred = await tlsFirst.node.host.dial(tcp(tlsToo))
    assert.equal(preferred.encryption, '/tls/1.0.0')
    const fallback = await tlsFirst.node.host.dial(tcp(noiseOnly))
    assert.equal(fallback.encryption, '/noise')
    await assert.rejects(noiseOnly.node.host.dial(tcp(tlsOnly), { signal: AbortSignal.timeout(5000) }))
  } finally {
    // One after another, as the other tests stop theirs: stopped all at once, a node's repo was
    // once still being written (ENOTEMPTY) while its directory was removed.
    for (const n of [tlsFirst, tlsToo, noiseOnly, tlsOnly]) await n.stop()
  }
  const config = defaultConfig({ PeerID: 'x', PrivKey: 'y' })
  assert.throws(() => validateConfig(security({ TLS: false, Noise: false })(config)), (err: Error) => err.name === InvalidConfigError.name && /at least one of TLS and Noise/.test(err.message))
  assert.throws(() => validateConfig(security({ TLS: -1, Noise: 100 })(config)), InvalidConfigError)
  const { Security: _, ...withoutSecurity } = config.Swarm.Transports
  const older = validateConfig({ ...config, Swarm: { ...config.Swarm, Transports: withoutSecurity } })
  assert.deepEqual(older.Swarm.Transports.Security, { TLS: 200, Noise: 100 }, 'a repo made before the setting gets the default')
})
