// The LAN link server over a real node's repo, on a real socket (bound to
// 127.0.0.1 explicitly, as an explicit Share.LanLink.Address is used as
// given): it serves a shared file and a shared folder byte for byte, as
// downloads, and refuses every other CID and path (the rest of the same
// repo, traversal sent exactly as written, unknown and revoked links,
// other methods and hosts); a PIN gates a link, a wrong one is refused
// slower each time and then locked out, a right one earns a cookie that a
// forger cannot make. The choice of LAN addresses is a pure function,
// tested over fake interface tables.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { request } from 'node:http'
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultConfig } from '../../src/repo/config/defaults.ts'
import { addSources } from '../../src/unixfs/importer/add-paths.ts'
import { resolveImporterOptions } from '../../src/unixfs/importer/resolve-options.ts'
import { LanLinkServer } from '../../src/gateway/lan-link.ts'
import { isPrivateIPv4, lanBinding } from '../../src/gateway/lan-link-bind.ts'
import * as lanLinkErrors from '../../src/gateway/lan-link-errors.ts'
import { LanLinkAddressError, NoLanAddressError } from '../../src/gateway/lan-link-errors.ts'
import { RecordStore } from '../../src/repo/records.ts'
import { LinkStore } from '../../src/share/links.ts'
import { tempDir } from '../helpers/cli.ts'
import { startTestNode, waitFor } from '../helpers/nodes.ts'
import type { TestNode } from '../helpers/nodes.ts'
import type { AddedEntry } from '../../src/unixfs/importer/add-paths.ts'
import type { InterfaceTable } from '../../src/gateway/lan-link-bind.ts'
import type { IncomingMessage } from 'node:http'
import type { NetworkInterfaceInfo } from 'node:os'

const HTTP = { ok: 200, partial: 206, seeOther: 303, forbidden: 403, notFound: 404, notAllowed: 405, gone: 410, tooLarge: 413, tooMany: 429 } as const

/** Deterministic bytes that are not all alike. */
function bytes (seed: number, length: number): Buffer {
  const out = Buffer.alloc(length)
  let x = seed * 2654435761 >>> 0
  for (let i = 0; i < length; i++) {
    x = (x ^ (x << 13)) >>> 0
    x = (x ^ (x >>> 17)) >>> 0
    x = (x ^ (x << 5)) >>> 0
    out[i] = x & 0xff
  }
  return out
}

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
  text: string
  ms: number
}

/** Send `target` exactly as written (no URL normalisation) and read the reply. */
async function send (port: number, target: string, init: { method?: string, headers?: Record<string, string>, body?: string } = {}): Promise<Reply> {
  const started = performance.now()
  return await new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, method: init.method ?? 'GET', headers: init.headers ?? {} }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const body = Buffer.concat(chunks)
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8'), ms: performance.now() - started })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

async function unlock (port: number, id: string, pin: string): Promise<Reply> {
  return await send(port, `/s/${id}/unlock`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ pin }).toString() })
}

function assertGuarded (reply: Reply, where: string): void {
  const csp = String(reply.headers['content-security-policy'])
  assert.match(csp, /default-src 'none'/, where)
  assert.match(csp, /form-action 'self'/, where)
  assert.match(csp, /frame-ancestors 'none'/, where)
  assert.doesNotMatch(csp, /unsafe|script-src/, where)
  assert.equal(reply.headers['x-content-type-options'], 'nosniff', where)
  assert.equal(reply.headers['referrer-policy'], 'no-referrer', where)
  assert.equal(reply.headers['cache-control'], 'no-store', where)
}

describe('LAN link server', () => {
  let node: TestNode
  let cleanup: () => Promise<void>
  let links: LinkStore
  let server: LanLinkServer
  let port: number
  const log: string[] = []
  const files = {
    report: bytes(1, 700_000),
    a: Buffer.from('hello coworkers\n'),
    page: Buffer.from('<!DOCTYPE html><script>alert(document.cookie)</script>'),
    deep: bytes(2, 300_000),
    secret: Buffer.from('the rest of the repo: never shared\n')
  }
  const added = new Map<string, AddedEntry>()

  before(async () => {
    node = await startTestNode()
    const dir = await tempDir()
    cleanup = dir.cleanup
    await mkdir(join(dir.path, 'project', 'sub'), { recursive: true })
    await writeFile(join(dir.path, 'report.bin'), files.report)
    await writeFile(join(dir.path, 'project', 'a.txt'), files.a)
    await writeFile(join(dir.path, 'project', 'page.html'), files.page)
    await writeFile(join(dir.path, 'project', 'sub', 'deep file.bin'), files.deep)
    await writeFile(join(dir.path, 'secret.txt'), files.secret)
    const importer = resolveImporterOptions(defaultConfig({ PeerID: 'x', PrivKey: 'x' }).Import, {})
    const sources = ['report.bin', 'project', 'secret.txt'].map((name) => ({ path: join(dir.path, name) }))
    await addSources(node.node.repo.blockstore, sources, importer, { recursive: true, hidden: false, onEntry: (entry) => added.set(entry.path, entry) })
    await node.node.repo.blockstore.sync()
    links = new LinkStore(node.node.repo.records('lan-link-test'))
    server = new LanLinkServer({
      links,
      store: node.node.repo.blockstore,
      address: () => '/ip4/127.0.0.1/tcp/0',
      log: (line) => log.push(line),
      pin: { baseDelayMs: 20, maxDelayMs: 80 }
    })
    await server.start()
    port = Number(new URL(server.origin ?? assert.fail('no origin')).port)
  })
  after(async () => {
    await server.stop()
    await node.stop()
    await cleanup()
  })

  const cidOf = (path: string): string => (added.get(path) ?? assert.fail(`${path} not added`)).cid.toString()

  test('starts on the address given, says where, and gives each link its URL', async () => {
    assert.equal(server.running, true)
    assert.equal(server.origin, `http://127.0.0.1:${port}`)
    assert.equal(server.urlOf('a'.repeat(26)), `http://127.0.0.1:${port}/s/${'a'.repeat(26)}`)
    assert.ok(log.some((line) => line.includes(`http://127.0.0.1:${port}`)), log.join('\n'))
    await server.start()
    assert.equal(server.origin, `http://127.0.0.1:${port}`)
  })

  test('serves a shared file byte for byte, as a download, with ranges', async () => {
    const link = await links.create({ cid: added.get('report.bin')?.cid ?? assert.fail(), name: 'Q3 report.bin' })
    const landing = await send(port, `/s/${link.id}`)
    assert.equal(landing.status, HTTP.ok)
    assertGuarded(landing, 'landing')
    assert.match(String(landing.headers['content-type']), /^text\/html/)
    assert.match(landing.text, /Q3 report\.bin/)
    assert.match(landing.text, /700\.0 kB/)
    const nonce = /<style nonce="([^"]+)">/.exec(landing.text)?.[1] ?? assert.fail('no nonce')
    assert.match(String(landing.headers['content-security-policy']), new RegExp(`style-src 'nonce-${nonce.replace(/[+/]/g, '\\$&')}'`))
    const href = /href="([^"]+)"/.exec(landing.text)?.[1] ?? assert.fail('no download link')
    assert.equal(href, `/s/${link.id}/Q3%20report.bin`)
    const file = await send(port, href)
    assert.equal(file.status, HTTP.ok)
    assertGuarded(file, 'file')
    assert.ok(file.body.equals(files.report), 'the bytes served are the bytes shared')
    assert.equal(file.headers['content-disposition'], 'attachment; filename="Q3 report.bin"')
    const part = await send(port, href, { headers: { Range: 'bytes=699990-' } })
    assert.equal(part.status, HTTP.partial)
    assert.equal(part.headers['content-range'], 'bytes 699990-699999/700000')
    assert.ok(part.body.equals(files.report.subarray(699990)))
    // the whole file and the last range each delivered the last byte (counted once sent); HEAD does not
    await waitFor(async () => (await links.get(link.id))?.downloads === 2, 5000, 'two downloads counted')
    const head = await send(port, href, { method: 'HEAD' })
    assert.equal(head.status, HTTP.ok)
    assert.equal(head.headers['content-length'], '700000')
    assert.equal(head.body.byteLength, 0)
    await new Promise((resolve) => setTimeout(resolve, 100))
    assert.equal((await links.get(link.id))?.downloads, 2)
    for (const other of [`/s/${link.id}/report.bin`, `/s/${link.id}/Q3%20report.bin/x`, `/s/${link.id}/${cidOf('report.bin')}`]) {
      assert.equal((await send(port, other)).status, HTTP.notFound, other)
    }
  })

  test('serves a shared folder: every file listed and byte-identical, HTML only as a download', async () => {
    const link = await links.create({ cid: added.get('project')?.cid ?? assert.fail(), name: 'project' })
    const landing = await send(port, `/s/${link.id}/`)
    assert.equal(landing.status, HTTP.ok)
    const hrefs = [...landing.text.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '')
    assert.deepEqual(hrefs.sort(), [`/s/${link.id}/a.txt`, `/s/${link.id}/page.html`, `/s/${link.id}/sub/deep%20file.bin`])
    assert.match(landing.text, /3 files/)
    assert.equal((await send(port, `/s/${link.id}/a.txt`)).text, files.a.toString())
    assert.ok((await send(port, `/s/${link.id}/sub/deep%20file.bin`)).body.equals(files.deep))
    const page = await send(port, `/s/${link.id}/page.html`)
    assert.ok(page.body.equals(files.page))
    assert.match(String(page.headers['content-disposition']), /^attachment/)
    assertGuarded(page, 'page.html')
    // a folder inside is not a file
    assert.equal((await send(port, `/s/${link.id}/sub`)).status, HTTP.notFound)
    assert.equal((await send(port, `/s/${link.id}/sub/`)).status, HTTP.notFound)
  })

  test('refuses every other CID and path, traversal included, with a page that says nothing of the request', async () => {
    const link = await links.create({ cid: added.get('project')?.cid ?? assert.fail(), name: 'project' })
    const secret = cidOf('secret.txt')
    const targets = [
      `/ipfs/${secret}`, `/ipfs/${cidOf('project')}/a.txt`, `/ipns/${secret}`, `/api/v0/cat?arg=${secret}`, '/', '/s', '/s/', '/webui/',
      `/s/${secret}`, `/s/${'a'.repeat(26)}`, `/s/${link.id.toUpperCase()}`, `/s/${link.id}x`,
      `/s/${link.id}/../${'a'.repeat(26)}`, `/s/${link.id}/..`, `/s/${link.id}/%2e%2e/a.txt`, `/s/${link.id}/sub/..%2fa.txt`,
      `/s/${link.id}/sub/%2e%2e%2f%2e%2e%2fsecret.txt`, `/s/${link.id}/./a.txt`, `/s/${link.id}/sub%2fdeep%20file.bin`,
      `/s/${link.id}/a.txt%00`, `/s/${link.id}/%ff`, `/s/${link.id}/..\\secret.txt`, `/s/${link.id}/${secret}`, `/s/${link.id}/missing.txt`,
      `//s/${link.id}/../../ipfs/${secret}`, `/s/${link.id}/${'x/'.repeat(300)}`, `/s/${link.id}/${'y'.repeat(9000)}`
    ]
    for (const target of targets) {
      const reply = await send(port, target)
      assert.equal(reply.status, HTTP.notFound, target.slice(0, 100))
      assertGuarded(reply, target.slice(0, 100))
      assert.ok(!reply.text.includes(secret) && !reply.text.includes(files.secret.toString()), target.slice(0, 100))
      assert.ok(!reply.text.includes('<script'), target.slice(0, 100))
    }
    // a Host that is not this server's own address (a name rebound to it) is refused
    const rebound = await send(port, `/s/${link.id}/a.txt`, { headers: { Host: 'evil.example:80' } })
    assert.equal(rebound.status, HTTP.notFound)
  })

  test('a revoked link is gone, for new requests and for a download in flight', async () => {
    // larger than what the socket buffers can hold while the client does not read
    const big = bytes(3, 32 << 20)
    const [entry] = await addSources(node.node.repo.blockstore, [{ name: 'big.bin', content: (async function * () { yield big })() }], resolveImporterOptions(defaultConfig({ PeerID: 'x', PrivKey: 'x' }).Import, {}))
    const link = await links.create({ cid: entry?.cid ?? assert.fail(), name: 'big.bin' })
    assert.equal((await send(port, `/s/${link.id}`)).status, HTTP.ok)
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: `/s/${link.id}/big.bin` }, (res) => {
        res.pause()
        resolve(res)
      })
      req.on('error', reject)
      req.end()
    })
    assert.equal(response.statusCode, HTTP.ok)
    assert.equal(await links.revoke(link.id), true)
    const received = await new Promise<number>((resolve) => {
      let n = 0
      response.on('data', (c: Buffer) => { n += c.byteLength })
      response.on('end', () => { resolve(n) })
      response.on('error', () => { resolve(n) })
      response.on('close', () => { resolve(n) })
      response.resume()
    })
    assert.ok(received < big.byteLength, `${received} of ${big.byteLength} bytes arrived after the revocation`)
    for (const target of [`/s/${link.id}`, `/s/${link.id}/report.bin`]) {
      const reply = await send(port, target)
      assert.equal(reply.status, HTTP.gone, target)
      assertGuarded(reply, target)
    }
    assert.equal((await links.get(link.id))?.downloads, undefined)
  })

  test('only GET, HEAD and the unlock POST; anything else is 405', async () => {
    const link = await links.create({ cid: added.get('project')?.cid ?? assert.fail(), name: 'project' })
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND']) {
      const reply = await send(port, `/s/${link.id}/a.txt`, { method })
      assert.equal(reply.status, HTTP.notAllowed, method)
      assertGuarded(reply, method)
    }
    assert.equal((await send(port, `/s/${link.id}/a.txt`, { method: 'POST', body: 'x' })).status, HTTP.notAllowed)
    assert.equal((await send(port, `/s/${link.id}`, { method: 'POST', body: 'x' })).status, HTTP.notAllowed)
    // a link without a PIN needs no unlocking
    const open = await unlock(port, link.id, '1234')
    assert.equal(open.status, HTTP.seeOther)
    assert.equal(open.headers['set-cookie'], undefined)
  })

  test('PIN: no cookie gets the form, a wrong PIN 403 and slower each time, the right one a cookie that opens the files', async () => {
    const link = await links.create({ cid: added.get('project')?.cid ?? assert.fail(), name: 'project', pin: '2718' })
    const form = await send(port, `/s/${link.id}`)
    assert.equal(form.status, HTTP.ok)
    assert.match(form.text, /<form method="post" action="\/s\/[a-z2-7]{26}\/unlock">/)
    assert.doesNotMatch(form.text, /a\.txt|page\.html/)
    const blocked = await send(port, `/s/${link.id}/a.txt`)
    assert.equal(blocked.status, HTTP.forbidden)
    assert.ok(!blocked.body.includes(files.a))
    // on a server with the production's doubling, from half a second
    const slow = new LanLinkServer({ links, store: node.node.repo.blockstore, address: () => '/ip4/127.0.0.1/tcp/0', log: () => {}, pin: { baseDelayMs: 500 } })
    await slow.start()
    const slowPort = Number(new URL(slow.origin ?? assert.fail()).port)
    const first = await unlock(slowPort, link.id, '2719')
    const second = await unlock(slowPort, link.id, '0000')
    await slow.stop()
    for (const wrong of [first, second]) {
      assert.equal(wrong.status, HTTP.forbidden)
      assert.match(wrong.text, /Wrong PIN/)
      assert.equal(wrong.headers['set-cookie'], undefined)
      assertGuarded(wrong, 'wrong PIN')
    }
    assert.ok(first.ms >= 500, `first wrong PIN answered after ${first.ms} ms`)
    assert.ok(second.ms >= 1000 && second.ms - first.ms >= 300, `second wrong PIN after ${second.ms} ms, first after ${first.ms} ms`)
    const right = await unlock(port, link.id, '2718')
    assert.equal(right.status, HTTP.seeOther)
    assert.equal(right.headers.location, `/s/${link.id}`)
    const setCookie = String(right.headers['set-cookie'])
    assert.match(setCookie, /HttpOnly/)
    assert.match(setCookie, /SameSite=Strict/)
    assert.match(setCookie, new RegExp(`Path=/s/${link.id}(;|$)`))
    const cookie = setCookie.split(';')[0] ?? ''
    const landing = await send(port, `/s/${link.id}`, { headers: { Cookie: cookie } })
    assert.match(landing.text, /a\.txt/)
    assert.equal((await send(port, `/s/${link.id}/a.txt`, { headers: { Cookie: cookie } })).text, files.a.toString())
    // the cookie opens this link only
    const other = await links.create({ cid: added.get('project')?.cid ?? assert.fail(), name: 'other', pin: '2718' })
    assert.equal((await send(port, `/s/${other.id}/a.txt`, { headers: { Cookie: cookie } })).status, HTTP.forbidden)
  })

  test('PIN: forged, altered, expired and foreign cookies are refused', async () => {
    const link = await links.create({ cid: added.get('project')?.cid ?? assert.fail(), name: 'project', pin: '31415' })
    const real = String((await unlock(port, link.id, '31415')).headers['set-cookie']).split(';')[0] ?? ''
    const [name = '', value = ''] = real.split('=')
    const [expires = '', mac = ''] = value.split('.')
    const flipped = (mac[0] === 'A' ? 'B' : 'A') + mac.slice(1)
    const elsewhere = new LanLinkServer({ links, store: node.node.repo.blockstore, address: () => '/ip4/127.0.0.1/tcp/0', log: () => {} })
    await elsewhere.start()
    const otherPort = Number(new URL(elsewhere.origin ?? assert.fail()).port)
    const foreign = String((await unlock(otherPort, link.id, '31415')).headers['set-cookie']).split(';')[0] ?? ''
    await elsewhere.stop()
    assert.equal(elsewhere.running, false)
    const forged = [
      `${name}=${Number(expires) + 3600}.${mac}`,
      `${name}=${expires}.${flipped}`,
      `${name}=1.${mac}`,
      `${name}=${expires}.${'A'.repeat(43)}`,
      `${name}=${expires}.`,
      `${name}=${expires}`,
      `${name}=${expires}.${mac}x`,
      `${name}=${'9'.repeat(15)}.${mac}`,
      `other=${value}`,
      foreign
    ]
    for (const cookie of forged) {
      const reply = await send(port, `/s/${link.id}/a.txt`, { headers: { Cookie: cookie } })
      assert.equal(reply.status, HTTP.forbidden, cookie)
    }
    assert.equal((await send(port, `/s/${link.id}/a.txt`, { headers: { Cookie: `x=1; ${real}` } })).status, HTTP.ok)
  })

  test('PIN: ten wrong in the window lock the client out, even from the right PIN, and say when to come back', async () => {
    const link = await links.create({ cid: added.get('project')?.cid ?? assert.fail(), name: 'project', pin: '998877' })
    const statuses: number[] = []
    for (let i = 0; i < 10; i++) statuses.push((await unlock(port, link.id, String(100000 + i))).status)
    assert.deepEqual(statuses, [...Array<number>(9).fill(HTTP.forbidden), HTTP.tooMany])
    const locked = await unlock(port, link.id, '998877')
    assert.equal(locked.status, HTTP.tooMany)
    assert.ok(Number(locked.headers['retry-after']) > 800, String(locked.headers['retry-after']))
    assert.ok(locked.ms < 200, `a locked-out guess is refused at once, unchecked (${locked.ms} ms)`)
    assert.equal(locked.headers['set-cookie'], undefined)
    assertGuarded(locked, 'locked')
    // guesses at once from one client: one is checked, the others refused unchecked
    const other = await links.create({ cid: added.get('project')?.cid ?? assert.fail(), name: 'project', pin: '4444' })
    const burst = await Promise.all(Array.from({ length: 5 }, async () => (await unlock(port, other.id, '1111')).status))
    assert.deepEqual(burst.sort(), [HTTP.forbidden, HTTP.tooMany, HTTP.tooMany, HTTP.tooMany, HTTP.tooMany])
  })

  test('an oversized unlock form is refused', async () => {
    const link = await links.create({ cid: added.get('project')?.cid ?? assert.fail(), name: 'project', pin: '5555' })
    const reply = await send(port, `/s/${link.id}/unlock`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `pin=5555&pad=${'x'.repeat(5000)}` })
    assert.equal(reply.status, HTTP.tooLarge)
  })

  test('stops and starts again', async () => {
    const link = await links.create({ cid: added.get('project')?.cid ?? assert.fail(), name: 'project' })
    await server.stop()
    assert.equal(server.running, false)
    assert.equal(server.urlOf(link.id), undefined)
    await assert.rejects(send(port, `/s/${link.id}`))
    await server.start()
    port = Number(new URL(server.origin ?? assert.fail()).port)
    assert.equal((await send(port, `/s/${link.id}/a.txt`)).text, files.a.toString())
  })
})

describe('LAN link addresses', () => {
  const entry = (address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo =>
    family === 'IPv4'
      ? { address, family, internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null }
      : { address, family, internal, netmask: 'ffff:ffff:ffff:ffff::', mac: '00:00:00:00:00:00', cidr: null, scopeid: 0 }
  const table: InterfaceTable = {
    lo: [entry('127.0.0.1', 'IPv4', true), entry('::1', 'IPv6', true)],
    eth0: [entry('192.168.1.20', 'IPv4'), entry('fe80::1', 'IPv6'), entry('fd12:3456::20', 'IPv6')],
    wlan0: [entry('10.0.0.7', 'IPv4'), entry('203.0.113.9', 'IPv4'), entry('2001:db8::9', 'IPv6')],
    docker0: [entry('172.17.0.1', 'IPv4')],
    tun0: [entry('172.32.0.1', 'IPv4'), entry('100.64.0.1', 'IPv4')],
    zeroconf: [entry('169.254.10.1', 'IPv4')]
  }

  test('0.0.0.0 is each private IPv4 address, never loopback or public ones', () => {
    assert.deepEqual(lanBinding('/ip4/0.0.0.0/tcp/8788', table), { hosts: ['192.168.1.20', '10.0.0.7', '172.17.0.1', '169.254.10.1'], port: 8788 })
    assert.deepEqual(lanBinding('/ip6/::/tcp/8788', table), { hosts: ['fd12:3456::20'], port: 8788 })
  })

  test('an explicit address is used as given', () => {
    assert.deepEqual(lanBinding('/ip4/127.0.0.1/tcp/0', table), { hosts: ['127.0.0.1'], port: 0 })
    assert.deepEqual(lanBinding('/ip4/192.168.1.20/tcp/9000', {}), { hosts: ['192.168.1.20'], port: 9000 })
  })

  test('no private address: nothing to listen on, said by name', async () => {
    const publicOnly: InterfaceTable = { lo: [entry('127.0.0.1', 'IPv4', true)], eth0: [entry('203.0.113.9', 'IPv4')] }
    assert.throws(() => lanBinding('/ip4/0.0.0.0/tcp/8788', publicOnly), NoLanAddressError)
    const unused = new LinkStore(new RecordStore(join(tmpdir(), 'planetary-lan-link-unused')))
    const server = new LanLinkServer({ links: unused, store: { get: async () => assert.fail('read') }, address: () => '/ip4/0.0.0.0/tcp/0', interfaces: () => publicOnly, log: () => {} })
    await assert.rejects(server.start(), NoLanAddressError)
    assert.equal(server.running, false)
  })

  test('addresses that are not /ip4|ip6/<address>/tcp/<port> are refused by name', () => {
    for (const address of ['/ip4/0.0.0.0/udp/8788', '/dns4/example.com/tcp/80', '/ip4/0.0.0.0/tcp/8788/ws', 'http://0.0.0.0:8788', '']) {
      assert.throws(() => lanBinding(address, table), LanLinkAddressError, address)
    }
  })

  test('private IPv4 ranges', () => {
    for (const yes of ['10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.255', '192.168.0.1', '169.254.1.1']) assert.equal(isPrivateIPv4(yes), true, yes)
    for (const no of ['127.0.0.1', '172.15.0.1', '172.32.0.1', '192.169.0.1', '8.8.8.8', '100.64.0.1', '0.0.0.0', '10.0.0', '10.0.0.256', 'fd00::1']) assert.equal(isPrivateIPv4(no), false, no)
  })

  test('the server\'s error classes carry their own name and code', () => {
    for (const [exported, ErrorClass] of Object.entries(lanLinkErrors)) {
      const err = new ErrorClass('message')
      assert.equal(ErrorClass.name, exported)
      assert.equal(err.name, exported)
      assert.match(err.code, /^ERR_[A-Z_]+$/)
    }
  })
})
