// Native modules under a runtime that refuses them, simulated by injecting
// probes that throw as Electron's memory cage does: the transport is off
// with a logged reason and the node still starts over TCP and WebSockets;
// a probe that succeeds keeps QUIC on; the real probes pass under Node.
import { afterEach, test } from 'node:test'
import assert from 'node:assert/strict'
import { startTestNode } from '../../node-core/test/helpers/nodes.ts'
import { clearUnavailableTransports, transportUnavailable } from '../../node-core/src/network/unavailable-transports.ts'
import { NATIVE_MODULES, checkNativeTransports } from '../src/native-modules.ts'
import type { NativeModule } from '../src/native-modules.ts'
import type { Config } from '../../node-core/src/repo/config/schema.ts'

const CAGE = 'External buffers are not allowed'
/** The test profile's transports: TCP, WebSockets and QUIC on, WebRTC-Direct off. */
const TRANSPORTS: Config['Swarm']['Transports'] = { TCP: true, Websocket: true, QUIC: true, WebRTCDirect: false, Security: { TLS: 200, Noise: 100 } }

function quicProbe (probe: () => Promise<void>): NativeModule & { calls: number } {
  const module = { transport: 'QUIC' as const, label: 'QUIC', calls: 0, probe: async () => { module.calls++; await probe() } }
  return module
}

const kinds = (addresses: Array<{ toString: () => string }>): string[] =>
  [...new Set(addresses.map(String).map((a) => a.includes('/quic-v1') ? 'quic' : a.includes('/ws') ? 'websockets' : a.includes('/tcp/') ? 'tcp' : a))].sort()

afterEach(() => { clearUnavailableTransports() })

test('a native module the runtime refuses turns its transport off with the reason, and the node starts over TCP and WebSockets', async () => {
  const lines: string[] = []
  const check = await checkNativeTransports(TRANSPORTS, { modules: [quicProbe(async () => { throw new Error(CAGE) })], log: (line) => lines.push(line) })
  const reason = `QUIC off: its native module failed under this runtime: ${CAGE}`
  assert.deepEqual(check.off, [{ transport: 'QUIC', reason }])
  assert.deepEqual(check.transports, { ...TRANSPORTS, QUIC: false })
  assert.deepEqual(lines, [reason])
  assert.equal(transportUnavailable('QUIC'), reason)
  let config: Config | undefined
  const { node, stop } = await startTestNode((c) => (config = c))
  try {
    assert.equal(config?.Swarm.Transports.QUIC, true, 'the config itself still has QUIC on')
    assert.deepEqual(kinds(node.host.getMultiaddrs()), ['tcp', 'websockets'], 'QUIC is left out, its listen addresses with it')
  } finally {
    await stop()
  }
})

test('a native module that works keeps QUIC on, and transports the config has off are not probed', async () => {
  const lines: string[] = []
  const quic = quicProbe(async () => {})
  const webrtc = { transport: 'WebRTCDirect' as const, label: 'WebRTC-Direct', probe: async () => { throw new Error('must not be probed') } }
  const check = await checkNativeTransports(TRANSPORTS, { modules: [quic, webrtc], log: (line) => lines.push(line) })
  assert.equal(quic.calls, 1)
  assert.deepEqual(check, { transports: TRANSPORTS, off: [] })
  assert.deepEqual(lines, [])
  assert.equal(transportUnavailable('QUIC'), undefined)
  const { node, stop } = await startTestNode()
  try {
    assert.deepEqual(kinds(node.host.getMultiaddrs()), ['quic', 'tcp', 'websockets'])
  } finally {
    await stop()
  }
})

test('a probe that never answers counts as failed', async () => {
  const lines: string[] = []
  const check = await checkNativeTransports(TRANSPORTS, { modules: [quicProbe(async () => await new Promise(() => {}))], log: (line) => lines.push(line), timeoutMs: 50 })
  assert.deepEqual(check.off, [{ transport: 'QUIC', reason: 'QUIC off: its native module failed under this runtime: no answer within 50 ms' }])
  assert.equal(lines.length, 1)
})

test('the real probes load QUIC\'s and WebRTC\'s native modules and move bytes both ways under Node', async () => {
  const lines: string[] = []
  const check = await checkNativeTransports({ ...TRANSPORTS, WebRTCDirect: true }, { log: (line) => lines.push(line) })
  assert.deepEqual(lines, [])
  assert.deepEqual(check.off, [])
  assert.deepEqual(NATIVE_MODULES.map((m) => m.transport), ['QUIC', 'WebRTCDirect'])
})
