// WebRTC-Direct between two daemons on loopback (a real UDP socket and
// node-datachannel): connect, ping and disconnect over it. WebRTC-Direct is
// off by default (Swarm.Transports) because node-datachannel 0.33 aborts the
// process in about one shutdown in three ('terminate called after throwing
// an instance of std::system_error: Invalid argument'); the stop is checked
// to end either cleanly or in exactly that known abort, nothing else.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { planetaryOk } from '../helpers/cli.ts'
import { startTestDaemon } from '../helpers/daemon.ts'
import type { TestDaemon } from '../helpers/daemon.ts'

async function enableWebRTC (repo: string): Promise<void> {
  await planetaryOk(repo, ['config', '--json', 'Swarm.Transports.WebRTCDirect', 'true'])
  await planetaryOk(repo, ['config', '--json', 'Addresses.Swarm', '["/ip4/127.0.0.1/tcp/0", "/ip4/127.0.0.1/udp/0/webrtc-direct"]'])
}

async function stopDaemon (daemon: TestDaemon): Promise<number | null> {
  const closed = new Promise<number | null>((resolve) => daemon.child.on('close', (code) => { resolve(code) }))
  daemon.child.kill('SIGTERM')
  const code = await closed
  await daemon.stop()
  return code
}

const KNOWN_ABORT = /terminate called after throwing an instance of 'std::system_error'\n\s+what\(\):\s+Invalid argument/

test('WebRTC-Direct: two daemons connect, ping and disconnect over it', async () => {
  const a = await startTestDaemon(enableWebRTC)
  const b = await startTestDaemon(enableWebRTC)
  try {
    const address = b.addresses.find((m) => m.includes('/webrtc-direct/'))
    assert.ok(address !== undefined, b.output())
    assert.match((await planetaryOk(a.repo, ['swarm', 'connect', address])).stdout, /success/)
    const peers = JSON.parse((await planetaryOk(a.repo, ['--enc', 'json', 'swarm', 'peers', '-v'])).stdout) as { Peers: Array<{ Peer: string, Transport: string }> }
    assert.equal(peers.Peers.find((p) => p.Peer === b.peerId)?.Transport, 'webrtc-direct')
    assert.match((await planetaryOk(a.repo, ['ping', '-n', '2', b.peerId])).stdout, /Pong received/)
    await planetaryOk(a.repo, ['swarm', 'disconnect', b.peerId])
  } finally {
    for (const daemon of [a, b]) {
      const code = await stopDaemon(daemon)
      assert.ok(code === 0 || KNOWN_ABORT.test(daemon.output()), `daemon exits 0 or with the known node-datachannel abort: ${daemon.output().slice(-400)}`)
    }
  }
})
