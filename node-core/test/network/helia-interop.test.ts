// Interop with Helia 7 (a hermetic Helia: TCP + Noise + Yamux, identify,
// ping and a LAN Kad-DHT): it connects to our daemon, each side identifies
// the other's protocols, pings work both ways, and provider records put
// through one side's DHT are found by the other's.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { withLibp2pLight } from '@helia/libp2p'
import { identify } from '@libp2p/identify'
import { kadDHT, passthroughMapper } from '@libp2p/kad-dht'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { createHeliaLight } from 'helia'
import { CID } from 'multiformats/cid'
import { planetaryOk } from '../helpers/cli.ts'
import { startTestDaemon } from '../helpers/daemon.ts'
import { waitFor } from '../helpers/nodes.ts'

async function startHelia () {
  const helia = withLibp2pLight(createHeliaLight(), {
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: {
      identify: identify(),
      ping: ping({ maxOutboundStreams: 4 }),
      dht: kadDHT({ protocol: '/ipfs/lan/kad/1.0.0', clientMode: false, peerInfoMapper: passthroughMapper })
    }
  })
  await helia.start()
  return helia
}

test('Helia connects to our daemon over TCP+Noise+Yamux; identify, ping and DHT provider records work both ways', async () => {
  const daemon = await startTestDaemon()
  const helia = await startHelia()
  try {
    const tcpAddress = daemon.addresses.find((a) => /\/tcp\/\d+\/p2p\//.test(a) && !a.includes('/ws'))
    assert.ok(tcpAddress !== undefined, daemon.output())
    const connection = await helia.libp2p.dial(multiaddr(tcpAddress))
    assert.equal(connection.encryption, '/noise')
    assert.equal(connection.multiplexer, '/yamux/1.0.0')

    await waitFor(async () => (await helia.libp2p.peerStore.get(connection.remotePeer)).protocols.includes('/ipfs/lan/kad/1.0.0'), 5000, 'Helia to identify our protocols')
    const ours = (await helia.libp2p.peerStore.get(connection.remotePeer)).protocols
    for (const p of ['/ipfs/id/1.0.0', '/ipfs/ping/1.0.0', '/ipfs/lan/kad/1.0.0']) assert.ok(ours.includes(p), `we announce ${p}`)
    const heliaId = helia.libp2p.peerId.toString()
    const peers = JSON.parse((await planetaryOk(daemon.repo, ['--enc', 'json', 'swarm', 'peers', '-v'])).stdout) as { Peers: Array<{ Peer: string, Transport: string, Muxer: string }> }
    const seen = peers.Peers.find((p) => p.Peer === heliaId)
    assert.ok(seen !== undefined, 'our daemon lists Helia')
    assert.equal(seen.Transport, 'tcp')

    assert.ok(await helia.libp2p.services.ping.ping(connection.remoteAddr) >= 0, 'Helia pings us')
    const pong = await planetaryOk(daemon.repo, ['ping', '-n', '1', heliaId])
    assert.match(pong.stdout, /Pong received/)

    await waitFor(async () => {
      const table = await helia.libp2p.services.dht.getClosestPeers(connection.remotePeer.toMultihash().bytes)
      for await (const _ of table) return true
      return false
    }, 5000, 'Helia\'s DHT to know our daemon')
    const fromHelia = CID.parse('bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e')
    await helia.routing.provide(fromHelia, { signal: AbortSignal.timeout(10_000) })
    const found = await planetaryOk(daemon.repo, ['dht', 'findprovs', '-n', '1', fromHelia.toString()])
    assert.equal(found.stdout.trim(), heliaId, 'our DHT finds the provider record Helia put')

    const fromUs = CID.parse('bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku')
    await planetaryOk(daemon.repo, ['dht', 'provide', fromUs.toString()])
    let provider: string | undefined
    for await (const p of helia.routing.findProviders(fromUs, { signal: AbortSignal.timeout(10_000) })) {
      provider = p.id.toString()
      break
    }
    assert.equal(provider, peerIdFromString(daemon.peerId).toCID().toString(), 'Helia\'s DHT finds the provider record we put')
  } finally {
    await helia.stop()
    await daemon.stop()
  }
})
