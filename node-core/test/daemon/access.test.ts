// Who may reach the daemon's API server: web pages of other origins are
// refused, API.Authorizations secrets are required once set, the web UI is
// served with its security headers (the gateway allowed for images, media
// and frames) and never a file outside its folder (raw requests, plain and
// encoded, 1 to 6 levels up, to files that exist there; through the whole
// server and through serveWebui alone), a 503 says when it is not built,
// and callers from another host are refused unless API.AllowRemote (a real
// daemon in a network namespace, called from another).
import assert from 'node:assert/strict'
import { execFile, spawn } from 'node:child_process'
import { connect } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { promisify } from 'node:util'
import { createServer } from 'node:http'
import { startApiServer } from '../../src/daemon/api-server.ts'
import { serveWebui } from '../../src/daemon/webui.ts'
import { CLI, freshRepo, planetaryOk, tempDir } from '../helpers/cli.ts'
import { createLan } from '../helpers/netns.ts'
import { startTestNode, waitFor } from '../helpers/nodes.ts'
import { DEPTHS, escapes, rawGet, webuiFixture } from '../helpers/webui-fixture.ts'
import type { ApiServer } from '../../src/daemon/api-server.ts'
import type { TestNode } from '../helpers/nodes.ts'
import type { WebuiFixture } from '../helpers/webui-fixture.ts'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

const run = promisify(execFile)

/** The gateway origin the web UI is told of. */
const GATEWAY = 'http://127.0.0.1:48080'

async function post (server: ApiServer, path: string, headers: Record<string, string> = {}): Promise<{ status: number, body: string }> {
  const res = await fetch(`${server.origin}${path}`, { method: 'POST', headers })
  return { status: res.status, body: await res.text() }
}

describe('the API server of one node', () => {
  let node: TestNode
  let open: ApiServer
  let locked: ApiServer
  let ui: ApiServer
  let fixture: WebuiFixture
  before(async () => {
    node = await startTestNode()
    fixture = await webuiFixture()
    open = await startApiServer(node.node, { host: '127.0.0.1', port: 0, api: node.node.repo.config.API, token: 't', headersTimeoutMs: 1500 })
    ui = await startApiServer(node.node, { host: '127.0.0.1', port: 0, api: node.node.repo.config.API, token: 't', webuiRoot: fixture.root, gatewayUrl: GATEWAY })
    locked = await startApiServer(node.node, {
      host: '127.0.0.1',
      port: 0,
      token: 't',
      api: {
        ...node.node.repo.config.API,
        Authorizations: {
          tools: { AuthSecret: 'bearer:s3cret-token', AllowedPaths: ['/api/v0'] },
          reader: { AuthSecret: 'basic:alice:pw', AllowedPaths: ['/api/v0/id', '/api/v0/version'] }
        }
      }
    })
  })
  after(async () => {
    await Promise.all([open.close(), locked.close(), ui.close()])
    await node.stop()
    await fixture.cleanup()
  })

  test('cross-site requests are refused; the daemon\'s own origin and plain clients are not', async () => {
    assert.equal((await post(open, '/api/v0/id')).status, 200)
    const evil = await post(open, '/api/v0/id', { Origin: 'https://evil.example' })
    assert.equal(evil.status, 403)
    assert.equal(JSON.parse(evil.body).Name, 'ForbiddenOriginError')
    assert.equal((await post(open, '/api/v0/id', { Referer: 'https://evil.example/page' })).status, 403)
    assert.equal((await post(open, '/api/v0/id', { Origin: open.origin })).status, 200)
  })

  test('with API.Authorizations, a call needs a secret that allows its path', async () => {
    const none = await post(locked, '/api/v0/id')
    assert.equal(none.status, 401)
    assert.equal(JSON.parse(none.body).Name, 'UnauthorizedError')
    assert.equal((await post(locked, '/api/v0/id', { Authorization: 'Bearer wrong' })).status, 401)
    assert.equal((await post(locked, '/api/v0/id', { Authorization: 'Bearer s3cret-token' })).status, 200)
    assert.equal((await post(locked, '/api/v0/pin/ls', { Authorization: 'Bearer s3cret-token' })).status, 200)
    const basic = `Basic ${Buffer.from('alice:pw').toString('base64')}`
    assert.equal((await post(locked, '/api/v0/id', { Authorization: basic })).status, 200)
    const denied = await post(locked, '/api/v0/pin/ls', { Authorization: basic })
    assert.equal(denied.status, 403)
    assert.equal(JSON.parse(denied.body).Name, 'ForbiddenPathError')
  })

  test('the web UI: its page with a CSP that lets the gateway show content and nothing else in, a redirect, 404, 405, 403', async () => {
    const page = await fetch(`${ui.origin}/webui/`)
    assert.equal(page.status, 200)
    assert.match(await page.text(), /<title>Planetary<\/title>/)
    const csp = page.headers.get('content-security-policy') ?? ''
    for (const directive of ["default-src 'self'", `img-src 'self' data: ${GATEWAY}`, `media-src 'self' ${GATEWAY}`, `frame-src ${GATEWAY}`, "worker-src 'self' blob:", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"]) {
      assert.ok(csp.split('; ').includes(directive), `${directive} in ${csp}`)
    }
    assert.doesNotMatch(csp, /script-src|\*|unsafe-eval/, 'scripts only from this origin')
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff')
    assert.equal((await fetch(`${ui.origin}/webui/assets/app.js`)).headers.get('content-type'), 'text/javascript; charset=utf-8')
    assert.match(await (await fetch(`${ui.origin}/webui/files/some/where`)).text(), /<title>Planetary/, 'a route of the app gets its page')
    assert.equal((await fetch(`${ui.origin}/webui/assets/missing.js`)).status, 404)
    assert.equal((await fetch(`${ui.origin}/webui`, { redirect: 'manual' })).status, 301)
    assert.equal((await fetch(`${ui.origin}/elsewhere`)).status, 404)
    assert.equal((await fetch(`${ui.origin}/webui/`, { method: 'POST' })).status, 405)
    assert.equal((await fetch(`${ui.origin}/webui/`, { headers: { Origin: 'https://evil.example' } })).status, 403)
  })

  test('the web UI never serves a file outside its folder, at any depth, however the path is encoded (raw requests through the server)', async () => {
    const port = Number(new URL(ui.origin).port)
    assert.equal((await rawGet(port, '/webui/assets/app.js')).text, 'console.log("app")\n', 'a file inside is served')
    for (let depth = 1; depth <= DEPTHS; depth++) {
      for (const target of fixture.targets) {
        for (const path of escapes(depth, target)) {
          const res = await rawGet(port, path)
          assert.ok(!res.text.includes('ESCAPED-MARKER'), `${path} (status ${res.status}) read a file outside the web UI: ${res.text.slice(0, 80)}`)
        }
      }
    }
  })

  test('oversized headers get 431; a client trickling its headers (slow-loris) is cut off', async () => {
    const port = Number(new URL(open.origin).port)
    const huge = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => { socket.write(`POST /api/v0/id HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`) })
      let reply = ''
      socket.on('data', (d) => { reply += d.toString() })
      socket.on('close', () => { resolve(reply) })
      socket.on('error', () => {})
    })
    assert.match(huge, /^HTTP\/1.1 431/)
    const started = Date.now()
    const cut = await new Promise<number>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => { socket.write('POST /api/v0/id HTTP/1.1\r\n') })
      const drip = setInterval(() => { socket.write('X-Slow: 1\r\n') }, 200)
      socket.on('close', () => {
        clearInterval(drip)
        resolve(Date.now() - started)
      })
      socket.on('error', () => {})
    })
    assert.ok(cut < 6000, `the trickling client was cut off after ${cut} ms`)
    assert.equal((await post(open, '/api/v0/id')).status, 200, 'and the server still answers')
  })

  test('a second server on a taken port says so by name', async () => {
    const port = Number(new URL(open.origin).port)
    await assert.rejects(startApiServer(node.node, { host: '127.0.0.1', port, api: node.node.repo.config.API, token: 't' }), { name: 'ApiAddressError', message: /already in use/ })
  })
})

describe('serveWebui on a folder of its own', () => {
  let fixture: WebuiFixture
  let server: Server
  let port: number
  before(async () => {
    fixture = await webuiFixture()
    server = createServer((req, res) => { serveWebui(req, res, { root: fixture.root }).catch(() => { res.destroy() }) })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  after(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await fixture.cleanup()
  })

  test('no request reads a file outside the folder, from 1 to 6 levels up, plain or encoded', async () => {
    assert.match((await rawGet(port, '/webui/')).text, /<title>Planetary/)
    for (let depth = 1; depth <= DEPTHS; depth++) {
      for (const target of fixture.targets) {
        for (const path of escapes(depth, target)) {
          const res = await rawGet(port, path)
          assert.ok(!res.text.includes('ESCAPED-MARKER'), `${path} (status ${res.status}) read a file outside the web UI: ${res.text.slice(0, 80)}`)
        }
      }
    }
  })

  test('without a gateway no frame may load; without a build, a 503 says how to make one', async () => {
    const page = await rawGet(port, '/webui/')
    assert.match(String(page.headers['content-security-policy']), /frame-src 'none'/)
    const empty = await tempDir()
    const bare = createServer((req, res) => { serveWebui(req, res, { root: empty.path }).catch(() => { res.destroy() }) })
    try {
      await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve))
      const res = await rawGet((bare.address() as AddressInfo).port, '/webui/')
      assert.equal(res.status, 503)
      assert.match(String(res.headers['content-type']), /^text\/plain/)
      assert.match(res.text, /not built[\s\S]*npm run build:ui/)
    } finally {
      await new Promise((resolve) => bare.close(resolve))
      await empty.cleanup()
    }
  })
})

test('callers from another host are refused unless API.AllowRemote', async () => {
  const lan = createLan(2)
  const { repo, cleanup } = await freshRepo('test')
  const [server, client] = lan.hosts
  assert.ok(server !== undefined && client !== undefined)
  const daemons: Array<ReturnType<typeof spawn>> = []
  let token = ''
  const startDaemon = async (): Promise<void> => {
    const child = spawn('ip', ['netns', 'exec', server.ns, process.execPath, CLI, 'daemon'], { env: { ...process.env, PLANETARY_PATH: repo }, stdio: ['ignore', 'pipe', 'pipe'] })
    daemons.push(child)
    let out = ''
    child.stdout.on('data', (d: Buffer) => { out += d.toString() })
    child.stderr.on('data', (d: Buffer) => { out += d.toString() })
    await waitFor(() => out.includes('Daemon is ready') || child.exitCode !== null, 20_000, 'the daemon to start', () => out)
    assert.match(out, /Daemon is ready/)
    token = /#token=(\S+)/.exec(out)?.[1] ?? ''
  }
  const stopDaemon = async (): Promise<void> => {
    const child = daemons.pop()
    if (child === undefined || child.exitCode !== null) return
    const closed = new Promise((resolve) => child.once('close', resolve))
    child.kill('SIGTERM')
    await closed
  }
  // The status of POST /api/v0/id and of a WebSocket upgrade with the token, as seen from `ns`.
  const probe = async (ns: string, host: string): Promise<string> => {
    const script = `
      const base = 'http://${host}:15001'
      const id = await fetch(base + '/api/v0/id', { method: 'POST' }).then((r) => r.status, () => 0)
      const ws = await new Promise((resolve) => {
        const s = new WebSocket(base.replace('http', 'ws') + '/api/ws?token=${token}')
        s.onopen = () => resolve('open'); s.onerror = () => resolve('refused')
      })
      console.log(id + ' ' + ws)
      process.exit(0)`
    const { stdout } = await run('ip', ['netns', 'exec', ns, process.execPath, '--input-type=module', '-e', script], { timeout: 15_000 })
    return stdout.trim()
  }
  try {
    await planetaryOk(repo, ['config', 'Addresses.API', '/ip4/0.0.0.0/tcp/15001'])
    await planetaryOk(repo, ['config', 'Addresses.Swarm', '--json', '["/ip4/0.0.0.0/tcp/0"]'])
    await startDaemon()
    assert.equal(await probe(client.ns, server.ip), '403 refused', 'another host is refused, RPC and bridge alike, token or not')
    assert.equal(await probe(server.ns, '127.0.0.1'), '200 open', 'loopback is served')
    await stopDaemon()
    await planetaryOk(repo, ['config', 'API.AllowRemote', '--bool', 'true'])
    await startDaemon()
    assert.equal(await probe(client.ns, server.ip), '200 open', 'with AllowRemote another host is served')
  } finally {
    while (daemons.length > 0) await stopDaemon()
    lan.remove()
    await cleanup()
  }
})
