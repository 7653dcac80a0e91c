// The LAN link through the API's doors: `share.links`, `share.linkServer`
// (the server started and stopped live, `Share.LanLink.Enabled` saved),
// `share.linkCreate` (only content held here, only files and folders) and
// `share.linkRevoke`, in-process over a real node, and through the daemon's
// WebSocket bridge, where the daemon starts the server when the config
// says so, moves a taken port, and starts without it when it cannot listen.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as dagCbor from '@ipld/dag-cbor'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { createClient } from '../../src/api/client.ts'
import { inProcessTransport } from '../../src/api/in-process.ts'
import { createNodeApi } from '../../src/api/node-api.ts'
import { connectWebSocket } from '../../src/api/ws-transport.ts'
import { startDaemon } from '../../src/daemon/daemon.ts'
import { LanLinkServer } from '../../src/gateway/lan-link.ts'
import { readConfig, setConfigValue } from '../../src/repo/config/store.ts'
import { openRepo } from '../../src/repo/repo.ts'
import { freshRepo, tempDir } from '../helpers/cli.ts'
import { startTestNode } from '../helpers/nodes.ts'
import type { ApiClient } from '../../src/api/client.ts'
import type { TestNode } from '../helpers/nodes.ts'
import type { AddressInfo } from 'node:net'

const LOOPBACK_LINK = '/ip4/127.0.0.1/tcp/0'

async function failure (promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise
  } catch (err) {
    return err as Error & { code?: string }
  }
  return assert.fail('expected a failure')
}

describe('share.link* in-process', () => {
  let node: TestNode
  let server: LanLinkServer
  let client: ApiClient
  let bare: ApiClient
  let files: { path: string, cleanup: () => Promise<void> }
  let cid: string

  before(async () => {
    node = await startTestNode((config) => setConfigValue(config, 'Share.LanLink.Address', LOOPBACK_LINK))
    files = await tempDir()
    server = new LanLinkServer({ links: node.node.links, store: node.node.repo.blockstore, address: () => node.node.repo.config.Share.LanLink.Address, log: () => {} })
    client = createClient(inProcessTransport(createNodeApi(node.node, { lanLink: server })))
    bare = createClient(inProcessTransport(createNodeApi(node.node)))
    const path = join(files.path, 'notes.txt')
    await writeFile(path, 'minutes of the meeting\n')
    const added = await client.files.add({ paths: [path], to: '/' })
    cid = added.entries[0]?.cid ?? assert.fail('nothing added')
  })
  after(async () => {
    await client.close()
    await bare.close()
    await server.stop()
    await node.stop()
    await files.cleanup()
  })

  test('the server is off by default; turning it on starts it live and saves the config', async () => {
    assert.deepEqual(await client.share.links(), { enabled: false, links: [] })
    const on = await client.share.linkServer({ enabled: true })
    assert.equal(on.enabled, true)
    assert.equal(on.origin, server.origin)
    assert.match(on.origin ?? '', /^http:\/\/127\.0\.0\.1:\d+$/)
    assert.equal(node.node.repo.config.Share.LanLink.Enabled, true)
    assert.equal((await readConfig(join(node.node.repo.path, 'config'))).Share.LanLink.Enabled, true)
    assert.equal((await client.share.linkServer({ enabled: true })).origin, on.origin, 'turning it on again changes nothing')
  })

  test('a link to content held here, with its URL; revoked, it is gone', async () => {
    await client.share.linkServer({ enabled: true })
    const link = await client.share.linkCreate({ cid, name: 'notes.txt', pin: '2468' })
    assert.equal(link.url, `${server.origin}/s/${link.id}`)
    assert.equal(link.hasPin, true)
    assert.equal(link.downloads, 0)
    assert.equal(JSON.stringify(link).includes('2468'), false)
    const unnamed = await client.share.linkCreate({ cid })
    assert.equal(unnamed.name, cid)
    assert.equal(unnamed.hasPin, false)
    assert.equal((await fetch(link.url ?? '')).status, 200)
    const listed = await client.share.links()
    assert.deepEqual(listed.links.map((l) => l.id), [link.id, unnamed.id])
    assert.deepEqual(await client.share.linkRevoke({ id: link.id }), {})
    assert.equal((await fetch(link.url ?? '')).status, 410)
    assert.deepEqual((await client.share.links()).links.map((l) => l.id), [unnamed.id])
    const again = await failure(client.share.linkRevoke({ id: link.id }))
    assert.equal(again.name, 'UnknownLinkError')
    assert.equal(again.code, 'ERR_UNKNOWN_LINK')
  })

  test('content not held here, or not files, is refused by name; bad input by the contract', async () => {
    const absent = CID.createV1(0x55, await sha256.digest(new TextEncoder().encode('never added'))).toString()
    const missing = await failure(client.share.linkCreate({ cid: absent }))
    assert.equal(missing.name, 'LinkContentMissingError')
    const value = dagCbor.encode({ hello: 'world' })
    const cborCid = CID.createV1(dagCbor.code, await sha256.digest(value))
    await node.node.repo.blockstore.put(cborCid, value)
    assert.equal((await failure(client.share.linkCreate({ cid: cborCid.toString() }))).name, 'LinkContentNotFilesError')
    assert.equal((await failure(client.share.linkCreate({ cid: 'not-a-cid' }))).name, 'InvalidCidError')
    for (const input of [{ cid, pin: '12' }, { cid, pin: 'abcd' }, { cid, name: '' }]) {
      assert.equal((await failure(client.share.linkCreate(input))).name, 'InvalidInputError', JSON.stringify(input))
    }
    assert.equal((await failure(client.share.linkCreate({ cid, name: 'a/b' }))).name, 'InvalidLinkError')
    assert.equal((await failure(client.share.linkRevoke({ id: '../../config' }))).name, 'InvalidInputError')
  })

  test('turning it off stops it live, saves the config, and links lose their URL', async () => {
    await client.share.linkServer({ enabled: true })
    const origin = server.origin ?? assert.fail()
    const off = await client.share.linkServer({ enabled: false })
    assert.equal(off.enabled, false)
    assert.equal(off.origin, undefined)
    assert.ok(off.links.every((l) => l.url === undefined))
    assert.equal(server.running, false)
    assert.equal((await readConfig(join(node.node.repo.path, 'config'))).Share.LanLink.Enabled, false)
    await assert.rejects(fetch(origin))
  })

  test('a door without a LAN link server says so by name, and still lists and makes links', async () => {
    const err = await failure(bare.share.linkServer({ enabled: true }))
    assert.equal(err.name, 'LanLinkUnavailableError')
    assert.equal(err.code, 'ERR_LAN_LINK_UNAVAILABLE')
    const link = await bare.share.linkCreate({ cid, name: 'notes.txt' })
    assert.equal(link.url, undefined)
    assert.ok((await bare.share.links()).links.some((l) => l.id === link.id))
  })
})

describe('share.link* through the daemon', () => {
  test('starts the LAN link when the config says so, drives it over the bridge, and stops it with the daemon', async () => {
    const { repo: path, cleanup } = await freshRepo()
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const taken = (blocker.address() as AddressInfo).port
    try {
      const repo = await openRepo(path)
      await repo.saveConfig(setConfigValue(setConfigValue(repo.config, 'Share.LanLink.Address', `/ip4/127.0.0.1/tcp/${taken}`), 'Share.LanLink.Enabled', true))
      const lines: string[] = []
      const daemon = await startDaemon(repo, { log: (line) => { lines.push(line) } })
      let origin: string
      try {
        origin = daemon.lanLink.origin ?? assert.fail(`not serving: ${lines.join('\n')}`)
        assert.notEqual(new URL(origin).port, String(taken))
        assert.ok(lines.some((l) => l.includes(`port ${taken} was in use`)), lines.join('\n'))
        const webui = new URL(daemon.webuiUrl)
        const client = createClient(await connectWebSocket(webui.origin, webui.hash.replace(/^#token=/, '')))
        try {
          const cid = (await client.files.add({ paths: [join(path, 'config')], to: '/' })).entries[0]?.cid ?? assert.fail()
          const link = await client.share.linkCreate({ cid, name: 'config.json' })
          assert.equal(link.url, `${origin}/s/${link.id}`)
          const reply = await fetch(`${link.url ?? ''}/config.json`)
          assert.equal(reply.status, 200)
          assert.match(reply.headers.get('content-disposition') ?? '', /^attachment/)
          assert.equal((await fetch(`${origin}/ipfs/${cid}`)).status, 404)
          assert.equal((await client.share.linkServer({ enabled: false })).origin, undefined)
          assert.equal((await client.share.linkServer({ enabled: true })).enabled, true)
          origin = daemon.lanLink.origin ?? assert.fail()
        } finally {
          await client.close()
        }
      } finally {
        await daemon.stop()
        await repo.close()
      }
      assert.equal(daemon.lanLink.running, false)
      await assert.rejects(fetch(origin))
    } finally {
      blocker.close()
      await cleanup()
    }
  })

  test('a LAN link that cannot listen is said, and the daemon starts without it', async () => {
    const { repo: path, cleanup } = await freshRepo()
    try {
      const repo = await openRepo(path)
      await repo.saveConfig(setConfigValue(setConfigValue(repo.config, 'Share.LanLink.Address', '/ip4/127.0.0.1/udp/0'), 'Share.LanLink.Enabled', true))
      const lines: string[] = []
      const daemon = await startDaemon(repo, { log: (line) => { lines.push(line) } })
      try {
        assert.equal(daemon.lanLink.running, false)
        assert.ok(lines.some((l) => l.startsWith('Share.LanLink: not serving') && l.includes('/tcp/')), lines.join('\n'))
        const webui = new URL(daemon.webuiUrl)
        const client = createClient(await connectWebSocket(webui.origin, webui.hash.replace(/^#token=/, '')))
        try {
          assert.equal((await failure(client.share.linkServer({ enabled: true }))).name, 'LanLinkAddressError')
          assert.equal((await client.share.links()).origin, undefined)
        } finally {
          await client.close()
        }
      } finally {
        await daemon.stop()
        await repo.close()
      }
    } finally {
      await cleanup()
    }
  })
})
