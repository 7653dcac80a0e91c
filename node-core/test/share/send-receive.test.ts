// Sending between two in-process nodes on loopback: offer, accept, the
// files saved byte-identical with a verified receipt; decline; cancel.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { tempDir } from '../helpers/cli.ts'
import { startTestNode, waitFor } from '../helpers/nodes.ts'
import type { TestNode } from '../helpers/nodes.ts'
import type { PublicItem } from '../../src/share/share.ts'

describe('share between two nodes', () => {
  let a: TestNode
  let b: TestNode
  let dir: Awaited<ReturnType<typeof tempDir>>
  const itemOf = (node: TestNode, id: string): PublicItem | undefined => node.node.share.items().find((i) => i.id === id)

  before(async () => {
    dir = await tempDir()
    a = await startTestNode((c) => ({ ...c, Share: { ...c.Share, DeviceName: 'Alice laptop', InboxFolder: join(dir.path, 'a-inbox') } }))
    b = await startTestNode((c) => ({ ...c, Share: { ...c.Share, DeviceName: 'Bob desk', InboxFolder: join(dir.path, 'b-inbox') } }))
    await a.node.host.dial(b.node.host.getMultiaddrs()[0]!)
    await waitFor(() => a.node.share.devices.get(b.node.host.peerId.toString())?.name === 'Bob desk' && b.node.share.devices.get(a.node.host.peerId.toString())?.name === 'Alice laptop', 10_000, 'both devices to greet')
  })
  after(async () => {
    await a?.stop()
    await b?.stop()
    await dir?.cleanup()
  })

  it('sends a folder by device name; the receiver accepts and saves it byte-identical, the sender gets a verified receipt', async () => {
    const folder = join(dir.path, 'Project')
    await mkdir(join(folder, 'sub'), { recursive: true })
    const big = randomBytes(3 * 1024 * 1024 + 17)
    await writeFile(join(folder, 'big.bin'), big)
    await writeFile(join(folder, 'sub', 'note.txt'), 'hello bob\n')
    const offers: PublicItem[] = []
    const off = b.node.events.on('share:offer', ({ item }) => { offers.push(item) })
    const sent = await a.node.share.send({ to: 'bob desk', paths: [folder], message: 'the files' })
    assert.equal(sent.state, 'waiting')
    assert.equal(sent.fileCount, 2)
    assert.equal(sent.totalBytes, big.length + 10)
    await waitFor(() => offers.length === 1, 5_000, 'the offer')
    off()
    const offered = offers[0]!
    assert.equal(offered.name, 'Project')
    assert.equal(offered.deviceName, 'Alice laptop')
    assert.equal(offered.message, 'the files')
    await b.node.share.accept(offered.id)
    await waitFor(() => itemOf(b, offered.id)?.state === 'done', 20_000, 'the receiver to finish', () => JSON.stringify(itemOf(b, offered.id)))
    await waitFor(() => itemOf(a, sent.id)?.state === 'done', 10_000, 'the sender to get the receipt', () => JSON.stringify(itemOf(a, sent.id)))
    const got = itemOf(b, offered.id)!
    assert.equal(got.verified, true)
    assert.deepEqual(got.savedTo, [join(dir.path, 'b-inbox', 'Project')])
    assert.deepEqual(await readFile(join(dir.path, 'b-inbox', 'Project', 'big.bin')), big)
    assert.equal(await readFile(join(dir.path, 'b-inbox', 'Project', 'sub', 'note.txt'), 'utf8'), 'hello bob\n')
    assert.equal(got.filesPath, '/Inbox/Project')
    assert.equal((await b.node.mfs.stat('/Inbox/Project/big.bin')).size, big.length)
    assert.ok(got.sources.some((s) => s.peer === a.node.host.peerId.toString() && s.blocks > 0))
    const delivered = itemOf(a, sent.id)!
    assert.equal(delivered.verified, true)
    assert.ok(delivered.receipt !== undefined)
  })

  it('reachability names the devices that hold a sent item, and a DHT only once a peer took the record', async () => {
    const sent = a.node.share.items('out').find((i) => i.name === 'Project')!
    const reach = await a.node.share.reach(sent.root)
    assert.deepEqual(reach.holders, [{ peer: b.node.host.peerId.toString(), deviceName: 'Bob desk' }])
    const lanDhtPeers = (a.node.host.services as { lanDHT?: { routingTable: { size: number } } }).lanDHT?.routingTable.size ?? 0
    assert.equal(reach.lanDht !== undefined, lanDhtPeers > 0, `lanDht ${String(reach.lanDht)} with ${lanDhtPeers} LAN DHT peers`)
    assert.equal(reach.wanDht, undefined, 'no WAN DHT peer took it')
    const { CID } = await import('multiformats/cid')
    const { sha256 } = await import('multiformats/hashes/sha2')
    const nobody = await b.node.share.reach(CID.createV1(0x55, await sha256.digest(randomBytes(32))).toString())
    assert.deepEqual(nobody.holders, [])
  })

  it('a second copy of the same name gets " (1)" in the inbox folder and in Files', async () => {
    const file = join(dir.path, 'report.txt')
    await writeFile(file, 'v1')
    for (const expected of ['report.txt', 'report (1).txt']) {
      const sent = await a.node.share.send({ to: b.node.host.peerId.toString(), paths: [file] })
      await waitFor(() => itemOf(b, sent.id) !== undefined, 5_000, 'the offer')
      await b.node.share.accept(sent.id)
      await waitFor(() => itemOf(b, sent.id)?.state === 'done', 10_000, 'the transfer')
      assert.deepEqual(itemOf(b, sent.id)?.savedTo, [join(dir.path, 'b-inbox', expected)])
      assert.equal(itemOf(b, sent.id)?.filesPath, `/Inbox/${expected}`)
    }
    assert.ok((await readdir(join(dir.path, 'b-inbox'))).every((name) => !name.includes('planetary-part')))
  })

  it('a declined offer is declined on both sides and nothing is fetched', async () => {
    const file = join(dir.path, 'nope.bin')
    await writeFile(file, randomBytes(100_000))
    const sent = await a.node.share.send({ to: 'Bob desk', paths: [file] })
    await waitFor(() => itemOf(b, sent.id)?.state === 'waiting', 5_000, 'the offer')
    await b.node.share.decline(sent.id)
    await waitFor(() => itemOf(a, sent.id)?.state === 'declined', 5_000, 'the sender to see the decline')
    assert.equal(await b.node.repo.blockstore.has((await import('multiformats/cid')).CID.parse(sent.root)), false)
  })

  it('bad calls get named errors', async () => {
    await assert.rejects(a.node.share.send({ to: 'Nobody here', paths: ['/etc/hostname'] }), { name: 'UnknownDeviceError' })
    await assert.rejects(a.node.share.accept('a'.repeat(26)), { name: 'UnknownItemError' })
    const sent = a.node.share.items('out')[0]!
    await assert.rejects(a.node.share.accept(sent.id), { name: 'ItemStateError' })
    await assert.rejects(a.node.share.devices.update(b.node.host.peerId.toString(), { autoAccept: true }), { name: 'AutoAcceptNotAllowedError' })
  })
})
