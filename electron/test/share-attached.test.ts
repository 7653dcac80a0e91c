// The desktop app's share notifications and its quit question, attached
// to a daemon (remote-api.ts over the WebSocket bridge) exactly as with its
// own node: two real nodes on loopback, the app's view of node B through
// B's bridge. A sends to B: the offer's notification, taken away when B
// accepts through the bridge, then "Received"; while B downloads from A,
// A's own view counts B (the item, the device online) — and after, no one.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { connectWebSocket } from '../../node-core/src/api/ws-transport.ts'
import { remoteNodeApi } from '../../node-core/src/api/remote-api.ts'
import { createNodeApi } from '../../node-core/src/api/node-api.ts'
import { startApiServer } from '../../node-core/src/daemon/api-server.ts'
import { tempDir } from '../../node-core/test/helpers/cli.ts'
import { startTestNode, waitFor } from '../../node-core/test/helpers/nodes.ts'
import { askDownloaders } from '../src/quit-guard.ts'
import { watchShares } from '../src/share-watch.ts'
import type { ApiServer } from '../../node-core/src/daemon/api-server.ts'
import type { NodeApi } from '../../node-core/src/api/node-api.ts'
import type { TestNode } from '../../node-core/test/helpers/nodes.ts'
import type { Notice } from '../src/notices.ts'

const TOKEN = 'share-attached-test-token-0123456789abcdefghij'

describe('share notifications and the quit question, attached to a daemon', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let a: TestNode
  let b: TestNode
  let server: ApiServer
  let remote: Awaited<ReturnType<typeof connectWebSocket>>
  let attached: NodeApi

  before(async () => {
    dir = await tempDir()
    a = await startTestNode((c) => ({ ...c, Share: { ...c.Share, DeviceName: 'Alice laptop', InboxFolder: join(dir.path, 'a-inbox') } }))
    b = await startTestNode((c) => ({ ...c, Share: { ...c.Share, DeviceName: 'Bob desk', InboxFolder: join(dir.path, 'b-inbox') } }))
    server = await startApiServer(b.node, { host: '127.0.0.1', port: 0, api: b.node.repo.config.API, token: TOKEN })
    remote = await connectWebSocket(server.origin, TOKEN)
    attached = remoteNodeApi(remote)
    await a.node.host.dial(b.node.host.getMultiaddrs()[0]!)
    await waitFor(() => a.node.share.devices.get(b.node.host.peerId.toString())?.name === 'Bob desk' && b.node.share.devices.get(a.node.host.peerId.toString())?.name === 'Alice laptop', 10_000, 'both devices to greet')
  })
  after(async () => {
    await remote?.close()
    await server?.close()
    await a?.stop()
    await b?.stop()
    await dir?.cleanup()
  })

  it('notifies an offer, takes it away once accepted, notifies the arrival; the sender counts the receiver as downloading until the receipt', async () => {
    const shown: Array<{ notice: Notice, closed: boolean, click: () => void }> = []
    const opened: string[] = []
    const watch = watchShares({
      api: attached,
      notify: (notice, click) => {
        const entry = { notice, closed: false, click }
        shown.push(entry)
        return { close: () => { entry.closed = true } }
      },
      open: (route) => { opened.push(route) }
    })
    const file = join(dir.path, 'plans.bin')
    await writeFile(file, randomBytes(4 * 1024 * 1024))
    const sender = createNodeApi(a.node)
    const signal = new AbortController().signal
    assert.deepEqual(await askDownloaders(sender, signal), [], 'nobody downloads yet')

    const sent = await a.node.share.send({ to: 'Bob desk', paths: [file] })
    await waitFor(() => shown.length === 1, 10_000, 'the offer\'s notification')
    assert.equal(shown[0]?.notice.title, 'Alice laptop wants to send you plans.bin (4.2 MB)')
    shown[0]?.click()
    assert.deepEqual(opened, ['/devices'])

    const downloading: string[][] = []
    const watching = setInterval(() => { void askDownloaders(sender, signal).then((list) => { downloading.push(list.map((u) => u.deviceName)) }) }, 5)
    await attached.methods['share.accept']({ id: sent.id }, { signal, progress: () => {} })
    await waitFor(() => shown.length === 2, 30_000, 'the arrival\'s notification', () => JSON.stringify(shown.map((s) => s.notice)))
    await waitFor(() => a.node.share.items('out')[0]?.state === 'done', 10_000, 'the receipt')
    clearInterval(watching)
    assert.equal(shown[0]?.closed, true, 'the offer\'s notification went once accepted')
    assert.equal(shown[1]?.notice.title, 'Received plans.bin from Alice laptop')
    assert.equal(shown[1]?.notice.body, `Saved to ${join(dir.path, 'b-inbox', 'plans.bin')}`)
    assert.ok(downloading.some((names) => names.length === 1 && names[0] === 'Bob desk'), `Bob was seen downloading: ${JSON.stringify(downloading.slice(0, 20))}`)
    assert.deepEqual(await askDownloaders(sender, signal), [], 'delivered: nobody downloads')
    assert.deepEqual(await askDownloaders(attached, signal), [], 'the receiver uploads nothing')
    watch.stop()
  })
})
