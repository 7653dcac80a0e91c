// The shared API suite through the daemon's WebSocket bridge (a real
// server on loopback, Node's standard WebSocket client), and what the
// bridge itself must refuse: a wrong token, a foreign origin, frames that
// are not its protocol, too many calls, oversized messages.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import WebSocket from 'ws'
import { createClient } from '../../src/api/client.ts'
import { connectWebSocket } from '../../src/api/ws-transport.ts'
import { MAX_CALLS_IN_FLIGHT, MAX_WS_MESSAGE, WS_PATH } from '../../src/api/ws-protocol.ts'
import { startApiServer } from '../../src/daemon/api-server.ts'
import { startTestNode } from '../helpers/nodes.ts'
import { apiSuite } from './suite.ts'
import type { ApiServer } from '../../src/daemon/api-server.ts'
import type { TestNode } from '../helpers/nodes.ts'

const TOKEN = 'bridge-test-token-0123456789abcdefghijklmnopq'

describe('the shared API suite over the WebSocket bridge', () => {
  apiSuite(async (a) => {
    const server = await startApiServer(a, { host: '127.0.0.1', port: 0, api: a.repo.config.API, token: TOKEN })
    return { transport: await connectWebSocket(server.origin, TOKEN), close: async () => { await server.close() } }
  })
})

/** Open a raw socket to the bridge; resolves with it open, or with the refusal's status. */
async function raw (server: ApiServer, token: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  const ws = new WebSocket(`${server.origin.replace('http', 'ws')}${WS_PATH}?token=${token}`, { headers })
  return await new Promise((resolve) => {
    ws.once('open', () => { resolve(ws) })
    ws.once('unexpected-response', (_req, res) => { resolve(res.statusCode ?? 0) })
    ws.once('error', () => { resolve(0) })
  })
}

/** The next frame on `ws`, parsed. */
async function next (ws: WebSocket): Promise<Record<string, unknown>> {
  return await new Promise((resolve) => { ws.once('message', (data) => { resolve(JSON.parse(String(data)) as Record<string, unknown>) }) })
}

describe('what the bridge refuses', () => {
  let node: TestNode
  let server: ApiServer
  before(async () => {
    node = await startTestNode()
    server = await startApiServer(node.node, { host: '127.0.0.1', port: 0, api: node.node.repo.config.API, token: TOKEN })
  })
  after(async () => {
    await server.close()
    await node.stop()
  })

  test('a missing or wrong token is 401; a web page of another origin is 403; the daemon\'s own page is let in', async () => {
    assert.equal(await raw(server, ''), 401)
    assert.equal(await raw(server, TOKEN.slice(0, -1) + 'x'), 401)
    assert.equal(await raw(server, TOKEN, { Origin: 'https://evil.example' }), 403)
    assert.equal(await raw(server, TOKEN, { Host: 'evil.example' }), 403, 'a rebinding DNS name is not this node')
    const own = await raw(server, TOKEN, { Origin: server.origin })
    assert.ok(own instanceof WebSocket)
    own.close()
    await assert.rejects(connectWebSocket(server.origin, 'wrong'), { name: 'TransportClosedError' })
  })

  test('frames outside the protocol get a BridgeProtocolError and the connection stays usable', async () => {
    const ws = await raw(server, TOKEN)
    assert.ok(ws instanceof WebSocket)
    for (const frame of ['not json', '{"type":"call"}', JSON.stringify({ type: 'call', id: -1, method: 'node.info', input: {} }), JSON.stringify({ type: 'subscribe', event: 'no:such' })]) {
      ws.send(frame)
      const reply = await next(ws)
      assert.equal(reply.type, 'error')
      assert.equal((reply.error as { name: string }).name, 'BridgeProtocolError', frame)
    }
    ws.send(Buffer.from('binary'), { binary: true })
    assert.equal(((await next(ws)).error as { name: string }).name, 'BridgeProtocolError')
    ws.send(JSON.stringify({ type: 'call', id: 7, method: 'node.info', input: {} }))
    const reply = await next(ws)
    assert.equal(reply.type, 'result')
    assert.equal(reply.id, 7)
    ws.close()
  })

  test(`at most ${MAX_CALLS_IN_FLIGHT} calls run at once; closing the socket cancels them`, async () => {
    const ws = await raw(server, TOKEN)
    assert.ok(ws instanceof WebSocket)
    const replies: Array<Record<string, unknown>> = []
    ws.on('message', (data) => { replies.push(JSON.parse(String(data)) as Record<string, unknown>) })
    // Fetches of a block nobody has: they run until cancelled.
    for (let id = 0; id <= MAX_CALLS_IN_FLIGHT; id++) ws.send(JSON.stringify({ type: 'call', id, method: 'files.fetch', input: { path: 'bafkreie7q3iidccmpvszul7kudcvvuavuo7u6gzlbobczuk5nqk3b4akba' } }))
    const deadline = Date.now() + 5000
    while (replies.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    assert.equal(replies.length, 1, 'only the call past the limit is answered')
    assert.equal(replies[0]?.id, MAX_CALLS_IN_FLIGHT)
    assert.equal((replies[0]?.error as { name: string }).name, 'BridgeProtocolError')
    ws.terminate()
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.equal(node.node.bitswap.wantlist().length, 0, 'the cancelled fetches want nothing any more')
  })

  test('a message over the size limit closes that connection only', async () => {
    const ws = await raw(server, TOKEN)
    assert.ok(ws instanceof WebSocket)
    const closed = new Promise<number>((resolve) => { ws.once('close', (code) => { resolve(code) }) })
    ws.send('x'.repeat(MAX_WS_MESSAGE + 1))
    assert.equal(await closed, 1009)
    const client = createClient(await connectWebSocket(server.origin, TOKEN))
    assert.equal((await client.node.info()).online, true)
    await client.close()
  })
})
