// The shared API suite: the same calls and checks through every door of the
// contract (in-process here, the daemon's WebSocket bridge, later Electron's
// IPC). The suite starts nodes A and B; a door under test opens a transport
// to node A.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import * as dagCbor from '@ipld/dag-cbor'
import * as dagPb from '@ipld/dag-pb'
import { MemoryBlockstore } from 'blockstore-core'
import { importer } from 'ipfs-unixfs-importer'
import { CID } from 'multiformats/cid'
import { identity } from 'multiformats/hashes/identity'
import { sha256 } from 'multiformats/hashes/sha2'
import { tempDir } from '../helpers/cli.ts'
import { DEFAULT_BOOTSTRAP } from '../../src/repo/config/defaults.ts'
import { createClient } from '../../src/api/client.ts'
import { startTestNode, waitFor } from '../helpers/nodes.ts'
import type { ApiClient } from '../../src/api/client.ts'
import type { ApiTransport } from '../../src/api/transport.ts'
import type { PlanetaryNode } from '../../src/node.ts'

/** A door to node A: its transport, and how to close what else it opened. */
export type OpenDoor = (a: PlanetaryNode) => Promise<{ transport: ApiTransport, close(): Promise<void> }>

/** What the suite works with. */
interface Door {
  /** A client of node A through the door. */
  client: ApiClient
  /** The door's transport, for calls outside the contract's types. */
  transport: ApiTransport
  a: PlanetaryNode
  b: PlanetaryNode
  close(): Promise<void>
}

/** The CID ipfs-unixfs-importer (the oracle) gives `bytes` as one file with CIDv1 and raw leaves. */
async function oracleCid (bytes: Uint8Array): Promise<string> {
  let last: CID | undefined
  for await (const entry of importer([{ content: bytes }], new MemoryBlockstore(), { cidVersion: 1, rawLeaves: true })) last = entry.cid
  return String(last)
}

/** A rejection's wire error: its name and code. */
async function failure (call: Promise<unknown>): Promise<{ name: string, code: string, message: string }> {
  try {
    await call
  } catch (err) {
    const e = err as { name: string, code: string, message: string }
    return { name: e.name, code: e.code, message: e.message }
  }
  assert.fail('the call should have failed')
}

/** Two nodes, and a client of A through the door `openDoor` makes. */
async function open (openDoor: OpenDoor): Promise<Door> {
  const [a, b] = await Promise.all([startTestNode(), startTestNode()])
  const opened = await openDoor(a.node)
  return {
    client: createClient(opened.transport),
    transport: opened.transport,
    a: a.node,
    b: b.node,
    async close () {
      await opened.transport.close()
      await opened.close()
      await Promise.all([a.stop(), b.stop()])
    }
  }
}

/** Run the suite through the door `openDoor` makes. */
export function apiSuite (openDoor: OpenDoor): void {
  let door: Door
  let dir: { path: string, cleanup: () => Promise<void> }
  const content = randomBytes(700_000)

  before(async () => {
    door = await open(openDoor)
    dir = await tempDir('planetary-api-')
  })
  after(async () => {
    await door.close()
    await dir.cleanup()
  })

  test('node.info names the node', async () => {
    const info = await door.client.node.info()
    assert.equal(info.peerId, door.a.host.peerId.toString())
    assert.equal(info.online, true)
    assert.equal(info.repoPath, door.a.repo.path)
    assert.ok(info.addresses.length > 0)
  })

  test('files.add imports local files with the oracle\'s CIDs, streams progress, pins and places them in the Files tree', async () => {
    const path = join(dir.path, 'report.bin')
    await writeFile(path, content)
    const progress: number[] = []
    const added = await door.client.files.add({ paths: [path], cidVersion: 1, rawLeaves: true, to: '/drops' }, { onProgress: (p) => { progress.push(p.bytes) } })
    assert.equal(added.entries.length, 1)
    assert.equal(added.entries[0]?.cid, await oracleCid(content))
    assert.equal(added.entries[0]?.size, content.byteLength)
    assert.equal(progress.at(-1), content.byteLength, 'progress ends at the file size')
    const listing = await door.client.files.ls({ path: '/drops' })
    assert.deepEqual(listing.entries.map((e) => [e.name, e.cid, e.type, e.size]), [['report.bin', added.entries[0]?.cid, 'file', content.byteLength]])
    const pins = await door.client.pins.ls({ type: 'recursive' })
    assert.ok(pins.pins.some((p) => p.cid === added.entries[0]?.cid))

    // Unpinned into Files (as the desktop window drops): kept by Files alone; a taken name refuses the whole add.
    const other = join(dir.path, 'other.txt')
    await writeFile(other, 'placed, not pinned')
    const again = join(dir.path, 'again')
    await mkdir(again)
    await writeFile(join(again, 'report.bin'), 'a different report')
    const placed = await door.client.files.add({ paths: [other], pin: false, to: '/drops' })
    assert.equal((await door.client.files.stat({ path: '/drops/other.txt' })).cid, placed.entries[0]?.cid)
    assert.ok(!(await door.client.pins.ls({ type: 'recursive' })).pins.some((p) => p.cid === placed.entries[0]?.cid), 'content placed in Files is not pinned unless asked')
    const fresh = join(dir.path, 'fresh.txt')
    await writeFile(fresh, 'would be placed first')
    assert.equal((await failure(door.client.files.add({ paths: [fresh, join(again, 'report.bin')], pin: false, to: '/drops' }))).name, 'MfsExistsError')
    assert.deepEqual((await door.client.files.ls({ path: '/drops' })).entries.map((e) => e.name), ['other.txt', 'report.bin'], 'nothing of a refused add is placed')
  })

  test('the Files tree: mkdir, cp, mv, stat, rm; a missing path is MfsNotFoundError', async () => {
    await door.client.files.mkdir({ path: '/a/b', parents: true })
    await door.client.files.cp({ from: '/drops/report.bin', to: '/a/b/copy.bin' })
    await door.client.files.mv({ from: '/a/b/copy.bin', to: '/a/moved.bin' })
    const stat = await door.client.files.stat({ path: '/a/moved.bin' })
    assert.equal(stat.type, 'file')
    assert.equal(stat.size, content.byteLength)
    assert.deepEqual((await door.client.files.ls({ path: '/a' })).entries.map((e) => e.name).sort(), ['b', 'moved.bin'])
    await door.client.files.rm({ path: '/a', recursive: true })
    const missing = await failure(door.client.files.stat({ path: '/a' }))
    assert.equal(missing.name, 'MfsNotFoundError')
    assert.equal(missing.code, 'ERR_MFS_NOT_FOUND')
  })

  test('files.save writes content to disk; files.fetch walks a DAG with progress', async () => {
    const cid = (await door.client.files.stat({ path: '/drops/report.bin' })).cid
    const out = join(dir.path, 'saved.bin')
    const saved = await door.client.files.save({ path: `/ipfs/${cid}`, to: out })
    assert.equal(saved.to, out)
    assert.ok((await readFile(out)).equals(content))
    const fromTree = join(dir.path, 'from-tree.bin')
    await door.client.files.save({ path: '/drops/report.bin', to: fromTree })
    assert.ok((await readFile(fromTree)).equals(content))
    const seen: number[] = []
    const fetched = await door.client.files.fetch({ path: cid }, { onProgress: (p) => { seen.push(p.blocks) } })
    assert.equal(fetched.cid, cid)
    assert.equal(fetched.blocks, 4, 'three 256 KiB raw leaves and their root')
    assert.equal(seen.at(-1), 4)
  })

  test('pins: add, list, remove; removing twice is NotPinnedError', async () => {
    await mkdir(join(dir.path, 'pinme'))
    await writeFile(join(dir.path, 'pinme', 'x.txt'), 'pin me')
    const added = await door.client.files.add({ paths: [join(dir.path, 'pinme')], pin: false })
    const root = added.entries[0]?.cid ?? ''
    assert.ok(!(await door.client.pins.ls()).pins.some((p) => p.cid === root))
    const blocks: number[] = []
    const pinned = await door.client.pins.add({ path: `/ipfs/${root}`, name: 'mine' }, { onProgress: (p) => { blocks.push(p.blocks) } })
    assert.equal(pinned.cid, root)
    assert.equal(blocks.at(-1), 2, 'the directory and its file')
    const listed = (await door.client.pins.ls()).pins
    assert.deepEqual(listed.find((p) => p.cid === root), { cid: root, type: 'recursive', name: 'mine' })
    assert.ok(listed.some((p) => p.type === 'indirect'))
    await door.client.pins.rm({ cid: root })
    assert.equal((await failure(door.client.pins.rm({ cid: root }))).name, 'NotPinnedError')
  })

  test('repo.stat counts the repo; repo.gc removes unpinned blocks with progress', async () => {
    const junk = join(dir.path, 'junk.bin')
    await writeFile(junk, randomBytes(300_000))
    await door.client.files.add({ paths: [junk], pin: false, cidVersion: 1 })
    const before = await door.client.repo.stat()
    assert.equal(before.path, door.a.repo.path)
    const progress: number[] = []
    const gc = await door.client.repo.gc({}, { onProgress: (p) => { progress.push(p.removed) } })
    assert.ok(gc.removed >= 2, `the junk file's blocks are collected (${gc.removed})`)
    assert.equal(progress.at(-1), gc.removed)
    const afterGc = await door.client.repo.stat()
    assert.equal(afterGc.blocks, before.blocks - gc.removed)
    assert.equal((await door.client.files.stat({ path: '/drops/report.bin' })).size, content.byteLength, 'the Files tree survives GC')
  })

  test('name: keys, publish, resolve', async () => {
    const key = await door.client.name.keyGen({ name: 'site' })
    assert.ok((await door.client.name.keys()).keys.some((k) => k.name === 'site' && k.id === key.id))
    const cid = (await door.client.files.stat({ path: '/drops/report.bin' })).cid
    const published = await door.client.name.publish({ path: `/ipfs/${cid}`, key: 'site', allowOffline: true })
    assert.equal(published.value, `/ipfs/${cid}`)
    assert.equal((await door.client.name.resolve({ name: published.name })).path, `/ipfs/${cid}`)
    assert.equal((await failure(door.client.name.keyGen({ name: 'site' }))).name, 'KeyExistsError')
  })

  test('config: read a key, never the private key, set with validation', async () => {
    assert.equal((await door.client.config.get({ key: 'Routing.Type' })).value, door.a.repo.config.Routing.Type)
    const whole = (await door.client.config.get({})).value as { Identity: Record<string, unknown> }
    assert.equal(whole.Identity.PrivKey, undefined)
    assert.equal((await failure(door.client.config.get({ key: 'Identity.PrivKey' }))).name, 'InvalidConfigError')
    const set = await door.client.config.set({ key: 'Datastore.StorageGCWatermark', value: 80 })
    assert.deepEqual(set, { value: 80, restartNeeded: true })
    assert.equal(door.a.repo.config.Datastore.StorageGCWatermark, 80)
    assert.equal((await failure(door.client.config.set({ key: 'Datastore.StorageGCWatermark', value: 'lots' }))).name, 'InvalidConfigError')
    // What a fresh repo holds: the test profile emptied Bootstrap here, the default is Kubo's list; never the private key.
    assert.deepEqual(door.a.repo.config.Bootstrap, [])
    assert.deepEqual((await door.client.config.default({ key: 'Bootstrap' })).value, DEFAULT_BOOTSTRAP)
    assert.equal((await door.client.config.default({ key: 'Routing.Type' })).value, 'auto')
    assert.equal((await failure(door.client.config.default({ key: 'Identity.PrivKey' }))).name, 'InvalidConfigError')
    assert.equal((await failure(door.client.config.default({ key: 'No.Such' }))).name, 'InvalidConfigError')
  })

  test('peers: connect, list, events, disconnect', async () => {
    const connected: string[] = []
    const stop = door.client.on('peer:connected', (event) => { connected.push(event.peer) })
    try {
      const other = door.b.host.peerId.toString()
      const address = `${door.b.host.getMultiaddrs().find((m) => m.toString().includes('/tcp/') && !m.toString().includes('/ws'))?.toString() ?? ''}`
      assert.equal((await door.client.peers.connect({ address })).peer, other)
      const listed = (await door.client.peers.list()).peers.find((p) => p.peer === other)
      assert.equal(listed?.transport, 'tcp')
      assert.equal(listed?.lan, true, 'a loopback peer is on the LAN')
      assert.equal(listed?.relayed, false)
      assert.equal(listed?.country, undefined, 'and has no country')
      await waitFor(() => connected.includes(other), 5000, 'peer:connected through the door')
      await door.client.peers.disconnect({ peer: other })
      await waitFor(async () => !(await door.client.peers.list()).peers.some((p) => p.peer === other), 5000, 'the peer to be gone')
    } finally {
      stop()
    }
  })

  test('a fetch from a peer reports how many peers sent blocks', async () => {
    const address = door.b.host.getMultiaddrs().find((m) => m.toString().includes('/tcp/') && !m.toString().includes('/ws'))?.toString() ?? ''
    await door.client.peers.connect({ address })
    try {
      const bytes = randomBytes(5000)
      const cid = CID.createV1(0x55, await sha256.digest(bytes))
      await door.b.repo.blockstore.put(cid, bytes)
      const peers: Array<number | undefined> = []
      const events: number[] = []
      const stop = door.client.on('fetch:progress', (event) => { events.push(event.peers) })
      try {
        const fetched = await door.client.files.fetch({ path: cid.toString() }, { onProgress: (p) => { peers.push(p.peers) } })
        assert.equal(fetched.blocks, 1)
        assert.equal(peers.at(-1), 1, 'one peer sent the block')
        await waitFor(() => events.includes(1), 5000, 'the node\'s fetch:progress event too')
      } finally {
        stop()
      }
    } finally {
      await door.client.peers.disconnect({ peer: door.b.host.peerId.toString() })
    }
  })

  test('share: devices, a send with progress and events both ways, accept through the door, named errors', async () => {
    const other = door.b.host.peerId.toString()
    const self = await door.client.share.configure({ deviceName: 'Door A', inboxFolder: join(dir.path, 'a-inbox') })
    assert.equal(self.peer, door.a.host.peerId.toString())
    assert.equal(self.name, 'Door A')
    await door.b.share.configure({ deviceName: 'Door B', inboxFolder: join(dir.path, 'b-inbox') })
    const devices: string[] = []
    const items: string[] = []
    const offers: string[] = []
    const stops = [
      door.client.on('share:device', (event) => { devices.push(event.device.name) }),
      door.client.on('share:item', (event) => { items.push(`${event.direction}:${event.state}`) }),
      door.client.on('share:offer', (event) => { offers.push(event.item.id) })
    ]
    try {
      const address = door.b.host.getMultiaddrs().find((m) => m.toString().includes('/tcp/') && !m.toString().includes('/ws'))?.toString() ?? ''
      await door.client.peers.connect({ address })
      await waitFor(async () => (await door.client.share.devices()).devices.some((d) => d.peer === other && d.name === 'Door B'), 10_000, 'B to be a device')
      await waitFor(() => devices.includes('Door B'), 5_000, 'share:device through the door', () => devices.join(', '))
      const path = join(dir.path, 'for-b.bin')
      const bytes = randomBytes(300_000)
      await writeFile(path, bytes)
      const progress: number[] = []
      const sent = await door.client.share.send({ to: 'Door B', paths: [path] }, { onProgress: (p) => { progress.push(p.bytes) } })
      assert.equal(sent.state, 'waiting')
      await waitFor(() => progress.at(-1) === bytes.length, 2_000, 'the import\'s progress through the door', () => JSON.stringify(progress))
      await waitFor(() => door.b.share.items().some((i) => i.id === sent.id), 5_000, 'B to get the offer')
      await door.b.share.accept(sent.id)
      await waitFor(async () => (await door.client.share.items({ direction: 'out' })).items.find((i) => i.id === sent.id)?.state === 'done', 20_000, 'the receipt')
      await waitFor(() => items.includes('out:done'), 5_000, 'share:item through the door', () => items.join(' '))
      assert.deepEqual(await readFile(join(dir.path, 'b-inbox', 'for-b.bin')), bytes)
      await writeFile(join(dir.path, 'for-a.txt'), 'back to A')
      const back = await door.b.share.send({ to: door.a.host.peerId.toString(), paths: [join(dir.path, 'for-a.txt')] })
      await waitFor(() => offers.includes(back.id), 5_000, 'share:offer through the door')
      assert.equal((await door.client.share.accept({ id: back.id })).state, 'transferring')
      await waitFor(async () => (await door.client.share.items({ direction: 'in' })).items.find((i) => i.id === back.id)?.state === 'done', 20_000, 'A to receive')
      assert.equal(await readFile(join(dir.path, 'a-inbox', 'for-a.txt'), 'utf8'), 'back to A')
      const unknown = await failure(door.client.share.accept({ id: 'a'.repeat(26) }))
      assert.deepEqual([unknown.name, unknown.code], ['UnknownItemError', 'ERR_UNKNOWN_SHARE_ITEM'])
      assert.equal((await failure(door.client.share.decline({ id: sent.id }))).name, 'ItemStateError')
      assert.equal((await failure(door.client.share.send({ to: 'Door B' }))).name, 'InvalidInputError')
      assert.equal((await failure(door.client.share.send({ to: 'Nobody', cid: sent.root }))).name, 'UnknownDeviceError')
      assert.equal((await failure(door.client.share.pairJoin({ code: '12345' }))).name, 'InvalidInputError')
    } finally {
      for (const stop of stops) stop()
      await door.client.peers.disconnect({ peer: other })
    }
  })

  test('dag.get: a dag-pb directory with its links and UnixFS type, a raw leaf\'s first bytes, paths through it', async () => {
    await mkdir(join(dir.path, 'explore'))
    await writeFile(join(dir.path, 'explore', 'b.txt'), 'bee')
    await writeFile(join(dir.path, 'explore', 'a.bin'), content)
    const added = await door.client.files.add({ paths: [join(dir.path, 'explore')], pin: false, cidVersion: 1, rawLeaves: true })
    const root = added.entries[0]?.cid ?? ''
    const node = await door.client.dag.get({ path: `/ipfs/${root}` })
    assert.equal(node.cid, root)
    assert.equal(node.codec, 'dag-pb')
    assert.deepEqual(node.unixfs, { type: 'directory', fileSize: 0 })
    assert.deepEqual(node.links.map((l) => l.name), ['a.bin', 'b.txt'])
    assert.ok((node.links[0]?.size ?? 0) > content.byteLength, 'a link carries its Tsize')
    assert.deepEqual(node.value, { Data: { '/': { bytes: 'CAE' } } }, 'a dag-pb value is its Data in dag-json form (a UnixFS directory: 08 01); the links are in `links`')

    const file = await door.client.dag.get({ path: `/ipfs/${root}/a.bin` })
    assert.equal(file.cid, node.links[0]?.cid)
    assert.deepEqual(file.unixfs, { type: 'file', fileSize: content.byteLength })
    assert.equal(file.links.length, 3, 'three raw leaves')
    assert.ok(file.links.every((l) => l.name === ''))

    const leaf = await door.client.dag.get({ path: file.links[0]?.cid ?? '' })
    assert.equal(leaf.codec, 'raw')
    assert.equal(leaf.size, 256 * 1024)
    assert.deepEqual(leaf.links, [])
    assert.equal(leaf.unixfs, undefined)
    const shown = Buffer.from((leaf.value as { '/': { bytes: string } })['/'].bytes, 'base64')
    assert.ok(shown.equals(content.subarray(0, 1024)), 'a raw block shows its first KiB')
  })

  test('dag.get: a dag-cbor node names each link by its field path, shortens bytes, and resolves paths by field', async () => {
    const leaf = CID.createV1(0x55, await sha256.digest(new Uint8Array([1, 2, 3])))
    const dirCid = (await door.client.files.stat({ path: '/drops' })).cid
    const bytes = dagCbor.encode({ name: 'explore me', list: [leaf, { inner: CID.parse(dirCid) }], blob: new Uint8Array(5000).fill(7) })
    const cid = CID.createV1(dagCbor.code, await sha256.digest(bytes))
    await door.a.repo.blockstore.put(cid, bytes)
    const node = await door.client.dag.get({ path: `/ipfs/${cid.toString()}` })
    assert.equal(node.codec, 'dag-cbor')
    assert.equal(node.size, bytes.byteLength)
    assert.deepEqual(node.links, [{ name: 'list/0', cid: leaf.toString() }, { name: 'list/1/inner', cid: dirCid }])
    const value = node.value as { name: string, list: [{ '/': string }, { inner: { '/': string } }], blob: { '/': { bytes: string } } }
    assert.equal(value.name, 'explore me')
    assert.equal(value.list[1].inner['/'], dirCid)
    assert.equal(Buffer.from(value.blob['/'].bytes, 'base64').byteLength, 1024, 'bytes are shown up to 1 KiB')
    const through = await door.client.dag.get({ path: `/ipfs/${cid.toString()}/list/1/inner` })
    assert.equal(through.cid, dirCid)
    assert.equal(through.unixfs?.type, 'directory')
    assert.equal((await failure(door.client.dag.get({ path: `/ipfs/${cid.toString()}/name` }))).name, 'PathNotFoundError', 'a value inside the node is not a node')
    const bigBytes = dagCbor.encode({ many: Array.from({ length: 20_000 }, (_, i) => `entry number ${i} of many`) })
    const big = CID.createV1(dagCbor.code, await sha256.digest(bigBytes))
    await door.a.repo.blockstore.put(big, bigBytes)
    assert.equal((await failure(door.client.dag.get({ path: big.toString() }))).name, 'DagNodeTooLargeError', 'a value over 256 KiB of dag-json is refused by name')
    // A flat directory of 3,000 entries (~300 KiB of dag-json with its Links) opens: its links travel in `links`, not twice.
    const flat = dagPb.encode(dagPb.prepare({ Data: new Uint8Array([8, 1]), Links: Array.from({ length: 3000 }, (_, i) => ({ Name: `entry-${String(i).padStart(5, '0')}.txt`, Hash: leaf, Tsize: 6 })) }))
    const flatCid = CID.createV1(dagPb.code, await sha256.digest(flat))
    await door.a.repo.blockstore.put(flatCid, flat)
    const flatNode = await door.client.dag.get({ path: flatCid.toString() })
    assert.equal(flatNode.links.length, 3000)
    assert.equal(flatNode.links[2999]?.name, 'entry-02999.txt')
  })

  test('dag.get: bad CIDs and paths are refused by name', async () => {
    assert.equal((await failure(door.client.dag.get({ path: 'notacid' }))).name, 'InvalidCidError')
    assert.equal((await failure(door.client.dag.get({ path: '/ipfs/notacid/x' }))).name, 'InvalidCidError')
    assert.equal((await failure(door.client.dag.get({ path: '/ipfs/' }))).name, 'InvalidPathError')
    assert.equal((await failure(door.client.dag.get({ path: '/elsewhere/x' }))).name, 'InvalidPathError')
    const dirCid = (await door.client.files.stat({ path: '/drops' })).cid
    assert.equal((await failure(door.client.dag.get({ path: `/ipfs/${dirCid}/no-such-file` }))).name, 'PathNotFoundError')
    const unknown = CID.createV1(0x300001, await sha256.digest(new Uint8Array([9])))
    assert.equal((await failure(door.client.dag.get({ path: unknown.toString() }))).name, 'UnknownCodecError')
    assert.equal((await door.client.node.info()).online, true, 'the node still answers')
  })

  test('bandwidth samples arrive as events', async () => {
    let samples = 0
    const stop = door.client.on('bandwidth:sample', (sample) => { if (sample.at > 0) samples++ })
    try {
      await waitFor(() => samples > 0, 5000, 'a bandwidth:sample event')
    } finally {
      stop()
    }
  })

  test('a long call can be cancelled: a fetch nobody can answer stops with CallCancelledError', async () => {
    const nowhere = CID.createV1(0x55, await sha256.digest(randomBytes(32)))
    const controller = new AbortController()
    setTimeout(() => { controller.abort() }, 300)
    const started = Date.now()
    const cancelled = await failure(door.client.files.fetch({ path: nowhere.toString() }, { signal: controller.signal }))
    assert.equal(cancelled.name, 'CallCancelledError')
    assert.ok(Date.now() - started < 5000)
    assert.equal((await door.client.node.info()).online, true, 'the node still answers')
  })

  test('bad input is refused by name before anything runs', async () => {
    assert.equal((await failure(door.client.files.stat({ path: 'relative' }))).name, 'InvalidInputError')
    assert.equal((await failure(door.transport.call('files.format', {}, {}))).name, 'UnknownMethodError')
    assert.equal((await failure(door.transport.call('files.ls', { path: '/', extra: 1 }, {}))).name, 'InvalidInputError')
    assert.equal((await failure(door.transport.call('files.add', { paths: ['relative/path'] }, {}))).name, 'InvalidInputError')
    assert.equal((await failure(door.client.pins.rm({ cid: 'notacid' }))).name, 'InvalidCidError')
    const inline = CID.createV1(0x55, identity.digest(new Uint8Array([1])))
    assert.equal((await failure(door.client.peers.disconnect({ peer: inline.toString() }))).name, 'InvalidPeerIdError')
    assert.equal((await failure(door.client.files.save({ path: '/drops/report.bin', to: join(dir.path, 'saved.bin') }))).code, 'EEXIST', 'an existing file is never overwritten')
  })
}
