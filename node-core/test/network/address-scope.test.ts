// Where an address is, from the address alone: the LAN ranges (loopback,
// RFC 1918, link-local, CGNAT, IPv6 ULA and link-local), relays, and the
// IP address a multiaddr starts with.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ipOf, isLanIp, isRelayed, plainIp } from '../../src/network/address-scope.ts'

test('LAN addresses are told from public ones, range edges included', () => {
  const lan = ['127.0.0.1', '127.255.255.254', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.0.1', '169.254.10.10', '100.64.0.1', '100.127.255.255', '::1', 'fc00::1', 'fdff::1', 'fe80::1', 'febf::1', 'fe80::1%eth0', '::ffff:10.0.0.1', '::ffff:a00:1']
  const wan = ['8.8.8.8', '172.15.255.255', '172.32.0.1', '192.169.0.1', '100.63.255.255', '100.128.0.1', '2001:4860:4860::8888', 'fec0::1', 'fbff::1', '::ffff:8.8.8.8', 'localhost', '']
  for (const ip of lan) assert.equal(isLanIp(ip), true, ip)
  for (const ip of wan) assert.equal(isLanIp(ip), false, ip)
})

test('a multiaddr\'s IP address, relays, and plain addresses', () => {
  assert.equal(ipOf('/ip4/1.2.3.4/tcp/4001/p2p/QmRelay/p2p-circuit'), '1.2.3.4')
  assert.equal(ipOf('/ip6/::1/udp/4001/quic-v1'), '::1')
  assert.equal(ipOf('/ip6zone/eth0/ip6/fe80::1/tcp/4001'), 'fe80::1')
  assert.equal(ipOf('/dns4/example.com/tcp/443/wss'), undefined)
  assert.equal(isRelayed('/ip4/1.2.3.4/tcp/4001/p2p/QmRelay/p2p-circuit'), true)
  assert.equal(isRelayed('/ip4/1.2.3.4/tcp/4001/p2p/QmRelay/p2p-circuit/p2p/QmPeer'), true)
  assert.equal(isRelayed('/ip4/1.2.3.4/tcp/4001/p2p/QmPeer'), false)
  assert.equal(plainIp('::ffff:8.8.8.8'), '8.8.8.8')
  assert.equal(plainIp('nope'), undefined)
})
