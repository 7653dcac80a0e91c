// What a real daemon tells the web UI through its WebSocket bridge:
// node.info names the gateway's origin and the RPC API's address as bound
// (ports chosen by the system), the gateway answers at that origin, and
// the web UI page allows that gateway (or, unbuilt, says how to build it).
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { createClient } from '../../src/api/client.ts'
import { connectWebSocket } from '../../src/api/ws-transport.ts'
import { planetaryOk } from '../helpers/cli.ts'
import { startTestDaemon } from '../helpers/daemon.ts'

test('node.info over the daemon\'s bridge names the gateway\'s origin and the RPC address as bound', async () => {
  const daemon = await startTestDaemon()
  try {
    const out = daemon.output()
    const webui = new URL(/^WebUI: (\S+)$/m.exec(out)?.[1] ?? '')
    const token = webui.hash.replace(/^#token=/, '')
    const rpc = /^RPC API server listening on (\S+)$/m.exec(out)?.[1] ?? ''
    const [, , gatewayHost, , gatewayPort] = (/^Gateway server listening on (\S+)$/m.exec(out)?.[1] ?? '').split('/')
    const client = createClient(await connectWebSocket(webui.origin, token))
    try {
      const info = await client.node.info()
      assert.equal(info.apiAddress, rpc)
      assert.equal(info.apiAddress, (await readFile(join(daemon.repo, 'api'), 'utf8')).trim(), 'the address in the api file')
      assert.equal(info.gatewayUrl, `http://${gatewayHost ?? ''}:${gatewayPort ?? ''}`)
      assert.notEqual(gatewayPort, '0')
      const cid = (await planetaryOk(daemon.repo, ['add', '-Q', '--cid-version', '1'], 'through the gateway\n')).stdout.trim()
      const res = await fetch(`${info.gatewayUrl ?? ''}/ipfs/${cid}`)
      assert.equal(await res.text(), 'through the gateway\n', 'the gateway answers at that origin')
      const page = await fetch(`${webui.origin}/webui/`)
      if (page.status === 503) {
        assert.match(await page.text(), /npm run build:ui/)
      } else {
        assert.equal(page.status, 200)
        assert.match(page.headers.get('content-security-policy') ?? '', new RegExp(`frame-src ${info.gatewayUrl ?? ''}(;|$)`))
      }
    } finally {
      await client.close()
    }
  } finally {
    await daemon.stop()
  }
})
