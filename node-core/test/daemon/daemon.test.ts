// The daemon's lifecycle and its RPC door: api file, lock, clean stop, Kubo
// shapes, and refusal of bad, foreign or oversized requests.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { access, readFile } from 'node:fs/promises'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { freshRepo, planetary, planetaryOk, tempDir } from '../helpers/cli.ts'
import { runDaemon, startTestDaemon } from '../helpers/daemon.ts'
import { ALLOCATOR_ENV, LEAN_FLAGS, TRANSFER_FLAGS } from '../../bin/daemon-start.js'

async function post (api: string, path: string, init: { headers?: Record<string, string>, body?: Uint8Array, method?: string } = {}): Promise<{ status: number, body: Record<string, unknown> | string }> {
  const [, , host, , port] = api.split('/')
  return await new Promise((resolve, reject) => {
    const req = request({ host, port: Number(port), method: init.method ?? 'POST', path: `/api/v0/${path}`, headers: init.headers }, (res) => {
      let text = ''
      res.on('data', (d: Buffer) => { text += d.toString() })
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> })
        } catch {
          resolve({ status: res.statusCode ?? 0, body: text })
        }
      })
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

test('daemon: ready line, api file, id over RPC, lock held, clean stop within 5 s', async () => {
  const daemon = await startTestDaemon()
  const apiFile = join(daemon.repo, 'api')
  try {
    const api = await readFile(apiFile, 'utf8')
    assert.match(api, /^\/ip4\/127\.0\.0\.1\/tcp\/\d+$/)
    assert.match(daemon.output(), /RPC API server listening on \/ip4\/127\.0\.0\.1\/tcp\/\d+\nGateway server listening on \/ip4\/127\.0\.0\.1\/tcp\/\d+\nWebUI: http:\/\/127\.0\.0\.1:\d+\/webui\/#token=[A-Za-z0-9_-]{43}\nDaemon is ready\n/)
    const gatewayPort = /Gateway server listening on \/ip4\/127\.0\.0\.1\/tcp\/(\d+)/.exec(daemon.output())?.[1]
    const added = (await planetaryOk(daemon.repo, ['add', '-Q'], 'served by the gateway\n')).stdout.trim()
    const page = await fetch(`http://127.0.0.1:${gatewayPort ?? 0}/ipfs/${added}`)
    assert.equal(page.status, 200)
    assert.equal(await page.text(), 'served by the gateway\n')
    assert.equal(page.headers.get('etag'), `"${added}"`)
    const pid = daemon.child.pid ?? assert.fail('no pid')
    const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0')
    const environ = (await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0')
    assert.ok([...LEAN_FLAGS, ...TRANSFER_FLAGS].every((flag) => argv.includes(flag)), `started in place with its V8 flags: ${argv.join(' ')}`)
    assert.ok(Object.entries(ALLOCATOR_ENV).every(([k, v]) => environ.includes(`${k}=${v}`)), 'and its allocator setting')
    const id = JSON.parse((await planetaryOk(daemon.repo, ['id', '--enc', 'json'])).stdout) as { ID: string, PublicKey: string, Addresses: string[], AgentVersion: string, Protocols: string[] }
    assert.equal(id.ID, daemon.peerId)
    assert.ok(id.PublicKey.length > 0)
    assert.ok(id.Addresses.length >= 3)
    assert.match(id.AgentVersion, /^planetary\//)
    assert.ok(id.Protocols.includes('/ipfs/id/1.0.0'))
    const bw = JSON.parse((await planetaryOk(daemon.repo, ['stats', 'bw', '--enc', 'json'])).stdout) as Record<string, number>
    assert.deepEqual(Object.keys(bw).sort(), ['RateIn', 'RateOut', 'TotalIn', 'TotalOut'])
    assert.ok(Object.values(bw).every((n) => Number.isFinite(n) && n >= 0))
    assert.match((await planetaryOk(daemon.repo, ['stats', 'bw', '--proto', '/ipfs/id/1.0.0'])).stdout, /^Bandwidth\nTotalIn: .*\nTotalOut: .*\nRateIn: .*\/s\nRateOut: .*\/s\n$/)
    const badPeer = await planetary(daemon.repo, ['stats', 'bw', '--peer', 'not-a-peer'])
    assert.notEqual(badPeer.code, 0)
    assert.match(badPeer.stderr, /invalid peer ID "not-a-peer"/)
    const second = await planetary(daemon.repo, ['daemon'])
    assert.notEqual(second.code, 0)
    assert.match(second.stderr, /locked by process \d+/)
    const profile = await planetary(daemon.repo, ['config', 'profile', 'apply', 'test'])
    assert.notEqual(profile.code, 0, 'a verb that needs the repo itself is refused while the daemon holds it')
    assert.match(profile.stderr, /daemon running|locked/)
    const verify = await planetaryOk(daemon.repo, ['repo', 'verify'])
    assert.match(verify.stdout, /^verified repo integrity \(\d+ blocks\)\n$/, 'repo verify goes through the daemon')
    const started = Date.now()
    const exited = new Promise((resolve) => daemon.child.on('close', resolve))
    daemon.child.kill('SIGTERM')
    assert.equal(await exited, 0)
    assert.ok(Date.now() - started < 5000, 'stopped within 5 s')
    await assert.rejects(access(apiFile), 'api file removed')
    await planetaryOk(daemon.repo, ['repo', 'stat'])
  } finally {
    await daemon.stop()
  }
})

test('RPC: Kubo error shapes, 404, 405, 400 for bad arguments, 403 for other origins and hosts, capped bodies', async () => {
  const daemon = await startTestDaemon()
  try {
    const api = await readFile(join(daemon.repo, 'api'), 'utf8')
    assert.equal((await post(api, 'id')).status, 200)
    const missing = await post(api, 'no/such/thing')
    assert.equal(missing.status, 404)
    assert.equal((missing.body as Record<string, unknown>).Type, 'error')
    assert.equal((await post(api, 'id', { method: 'GET' })).status, 405)
    const bad = await post(api, 'swarm/connect?arg=/not/an/addr')
    assert.equal(bad.status, 400)
    assert.equal((bad.body as Record<string, unknown>).Type, 'error')
    assert.match(String((bad.body as Record<string, unknown>).Message), /invalid multiaddr/)
    assert.equal((await post(api, 'ping?arg=nonsense')).status, 400)
    assert.equal((await post(api, 'ping?arg=' + daemon.peerId + '&count=0')).status, 400)
    assert.equal((await post(api, 'id', { headers: { Origin: 'http://evil.example' } })).status, 403)
    assert.equal((await post(api, 'id', { headers: { Referer: 'http://evil.example/page' } })).status, 403)
    assert.equal((await post(api, 'id', { headers: { Host: 'evil.example' } })).status, 403)
    assert.equal((await post(api, 'dht/put?arg=/ipns/' + daemon.peerId, { body: new Uint8Array(5 * 1024 * 1024) })).status, 400)
    assert.equal((await post(api, 'dht/get?arg=/other/key')).status, 400)
  } finally {
    await daemon.stop()
  }
})

test('verbs that need a daemon say so; the API port being taken is a clear error', async () => {
  const { repo, cleanup } = await freshRepo()
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  try {
    for (const args of [['swarm', 'peers'], ['ping', '12D3KooWRHoW1T8F9cQZCaABGUoi7akPiC4HsMG111pmkNLHpaFA'], ['dht', 'findprovs', 'bafkqaaa']]) {
      const result = await planetary(repo, args)
      assert.notEqual(result.code, 0)
      assert.match(result.stderr, /needs a running daemon: start one with 'planetary daemon'/)
    }
    const offline = JSON.parse((await planetaryOk(repo, ['id', '--enc', 'json'])).stdout) as { ID: string, Addresses: string[] }
    assert.deepEqual(offline.Addresses, [])
    const port = (blocker.address() as { port: number }).port
    await planetaryOk(repo, ['config', 'Addresses.API', `/ip4/127.0.0.1/tcp/${port}`])
    const daemon = await planetary(repo, ['daemon'])
    assert.notEqual(daemon.code, 0)
    assert.match(daemon.stderr, /already in use/)
    await planetaryOk(repo, ['repo', 'stat'])
  } finally {
    blocker.close()
    await cleanup()
  }
})

test('bootstrap list/add/rm and config work offline and through the running daemon', async () => {
  const peer = '/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWRHoW1T8F9cQZCaABGUoi7akPiC4HsMG111pmkNLHpaFA'
  const { repo, cleanup } = await freshRepo()
  try {
    assert.equal((await planetaryOk(repo, ['bootstrap', 'list'])).stdout, '')
    await planetaryOk(repo, ['bootstrap', 'add', peer])
    assert.equal((await planetaryOk(repo, ['bootstrap', 'list'])).stdout, peer + '\n')
    const bad = await planetary(repo, ['bootstrap', 'add', 'not-an-addr'])
    assert.match(bad.stderr, /invalid multiaddr/)
    await planetaryOk(repo, ['bootstrap', 'rm', '--all'])
    assert.equal((await planetaryOk(repo, ['bootstrap', 'list'])).stdout, '')
  } finally {
    await cleanup()
  }
  const daemon = await startTestDaemon()
  try {
    await planetaryOk(daemon.repo, ['bootstrap', 'add', peer])
    assert.equal((await planetaryOk(daemon.repo, ['bootstrap', 'list'])).stdout, peer + '\n')
    await planetaryOk(daemon.repo, ['config', '--json', 'Swarm.ConnMgr.HighWater', '50'])
    assert.equal((await planetaryOk(daemon.repo, ['config', 'Swarm.ConnMgr.HighWater'])).stdout.trim(), '50')
    const invalid = await planetary(daemon.repo, ['config', '--json', 'Swarm.ConnMgr.HighWater', '"lots"'])
    assert.notEqual(invalid.code, 0)
    assert.match(invalid.stderr, /HighWater/)
  } finally {
    await daemon.stop()
  }
})

test('daemon --init creates the repo when there is none, and reuses it after', async () => {
  const dir = await tempDir()
  const repo = join(dir.path, 'repo')
  try {
    const first = await runDaemon(repo, ['daemon', '--init', '--init-profile', 'test'])
    assert.match(first.output(), /^initialized Planetary repo at .* \(peer identity 12D3Koo\w+\)$/m)
    assert.equal(JSON.parse((await planetaryOk(repo, ['id', '--enc', 'json'])).stdout).ID, first.peerId)
    await first.stop()
    const second = await runDaemon(repo, ['daemon', '--init'])
    assert.doesNotMatch(second.output(), /initialized/)
    assert.equal(second.peerId, first.peerId, 'same identity: the repo was reused')
    await second.stop()
    const bad = await planetary(join(dir.path, 'other'), ['daemon', '--init', '--init-profile', 'no-such-profile'])
    assert.notEqual(bad.code, 0)
    assert.match(bad.stderr, /no-such-profile/)
  } finally {
    await dir.cleanup()
  }
})
