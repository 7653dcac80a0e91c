// The WebSocket client against a bridge that breaks the protocol (a real
// ws server on loopback answering with a bad frame): the call in flight
// fails with TransportClosedError saying why, instead of waiting forever.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { once } from 'node:events'
import { WebSocketServer } from 'ws'
import { connectWebSocket } from '../../src/api/ws-transport.ts'
import { WS_PATH } from '../../src/api/ws-protocol.ts'
import type { AddressInfo } from 'node:net'

async function bridgeAnswering (answer: string): Promise<{ origin: string, close: () => Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: WS_PATH })
  await once(server, 'listening')
  server.on('connection', (socket) => { socket.on('message', () => { socket.send(answer) }) })
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => { await new Promise((resolve) => { server.close(resolve) }) }
  }
}

for (const [what, frame, reason] of [
  ['a frame that is not JSON', '{nope', /not a reply, progress or event/],
  ['a reply of the wrong shape', JSON.stringify({ type: 'result', id: 'zero', output: 1 }), /not a reply, progress or event/]
] as const) {
  test(`a bridge that answers with ${what} fails the call in flight with TransportClosedError`, async (t) => {
    const bridge = await bridgeAnswering(frame)
    t.after(bridge.close)
    const transport = await connectWebSocket(bridge.origin, 'token')
    await assert.rejects(transport.call('node.info', {}, {}), (err: Error) => err.name === 'TransportClosedError' && reason.test(err.message))
    await transport.closed
    await assert.rejects(transport.call('node.info', {}, {}), { name: 'TransportClosedError' })
  })
}
