// kubo-rpc-client, unmodified, drives two real daemons through /api/v0 as
// it drives Kubo: add, cat, get, ls, id, version, pin, name, dag, block,
// swarm, files and repo, each result checked against what it must be (the
// interop vectors' CIDs, `planetary add` offline, CIDs computed here from
// the bytes, the bytes themselves).
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import * as dagCbor from '@ipld/dag-cbor'
import * as dagPb from '@ipld/dag-pb'
import { createKuboRPCClient, multiaddr } from 'kubo-rpc-client'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { freshRepo, planetary, planetaryOk, tempDir } from '../helpers/cli.ts'
import { startTestDaemon } from '../helpers/daemon.ts'
import { chacha20 } from '../helpers/vector-inputs.ts'
import { readVectors } from '../helpers/vectors.ts'
import type { TestDaemon } from '../helpers/daemon.ts'
import type { VectorCase } from '../helpers/vector-inputs.ts'
import type { KuboRPCClient } from 'kubo-rpc-client'

async function clientOf (daemon: TestDaemon): Promise<KuboRPCClient> {
  const port = (await readFile(join(daemon.repo, 'api'), 'utf8')).split('/')[4] ?? ''
  return createKuboRPCClient({ url: `http://127.0.0.1:${port}/api/v0` })
}

async function bytesOf (chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = []
  for await (const chunk of chunks) parts.push(chunk)
  return Buffer.concat(parts)
}

async function all<T> (items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
const big = chacha20('kubo-rpc-client', 700 * 1024 + 5)

describe('kubo-rpc-client drives the daemon', () => {
  let a: TestDaemon
  let b: TestDaemon
  let ipfs: KuboRPCClient
  let other: KuboRPCClient
  let bigCid: CID

  before(async () => {
    ;[a, b] = await Promise.all([startTestDaemon(), startTestDaemon()])
    ipfs = await clientOf(a)
    other = await clientOf(b)
    await ipfs.swarm.connect(multiaddr(b.addresses[0] ?? assert.fail('no address')))
  })

  after(async () => {
    await Promise.all([a?.stop(), b?.stop()])
  })

  test('version and id', async () => {
    const version = await ipfs.version()
    assert.equal(version.version, pkg.version)
    assert.equal(version.repo, '1')
    assert.match(version.system ?? '', /^\w+\/\w+$/)
    const id = await ipfs.id()
    assert.equal(id.id.toString(), a.peerId)
    assert.ok(id.addresses.length > 0 && id.addresses.every((ma) => ma.toString().startsWith('/')))
    assert.match(id.agentVersion, /^planetary\//)
    assert.ok(id.protocols.map(String).includes('/ipfs/bitswap/1.2.0'))
  })

  test('add gives the vectors\' CIDs and offline add\'s; cat returns the bytes', async () => {
    const vectors = readVectors<{ cases: VectorCase[] }>('unixfs_add.json').cases
    for (const id of ['t0040-hello-default', 't0040-hello-trickle', 'cli-hello-world-v0', 'cli-hello-world-v1', 'cli-hello-world-sha2-512', 'gc-multiblock-size-256']) {
      const vector = vectors.find((c) => c.id === id) ?? assert.fail(`no vector ${id}`)
      const options = vector.options as { cidVersion: 0 | 1, rawLeaves: boolean, chunker: string, layout: string, hash: string }
      const content = Buffer.from(vector.input.content?.value ?? '', 'utf8')
      const added = await ipfs.add(content, { cidVersion: options.cidVersion, rawLeaves: options.rawLeaves, chunker: options.chunker, trickle: options.layout === 'trickle', hashAlg: options.hash })
      assert.equal(added.cid.toString(), vector.expected[0]?.cid, id)
      assert.equal(added.size > 0, true)
      assert.deepEqual(await bytesOf(ipfs.cat(added.cid)), content, `cat ${id}`)
    }
    const offline = await freshRepo()
    const dir = await tempDir()
    try {
      await writeFile(join(dir.path, 'big.bin'), big)
      const expected = (await planetaryOk(offline.repo, ['add', '-Q', '--cid-version', '1', join(dir.path, 'big.bin')])).stdout.trim()
      bigCid = (await ipfs.add(big, { cidVersion: 1 })).cid
      assert.equal(bigCid.toString(), expected)
    } finally {
      await offline.cleanup()
      await dir.cleanup()
    }
    assert.deepEqual(await bytesOf(ipfs.cat(bigCid)), big)
    assert.deepEqual(await bytesOf(ipfs.cat(bigCid, { offset: 300_000, length: 1000 })), big.subarray(300_000, 301_000))
  })

  test('ls and get a directory: names, CIDs, sizes and bytes in a tar', async () => {
    const entries = await all(ipfs.addAll([
      { path: 'tree/a.txt', content: Buffer.from('alpha\n') },
      { path: 'tree/sub/b.bin', content: big.subarray(0, 300_000) },
      { path: 'tree/sub/empty' }
    ]))
    const root = entries.find((e) => e.path === 'tree') ?? assert.fail('no root')
    const a = entries.find((e) => e.path === 'tree/a.txt') ?? assert.fail('no a.txt')
    const sub = entries.find((e) => e.path === 'tree/sub') ?? assert.fail('no sub')
    const listed = await all(ipfs.ls(root.cid))
    assert.deepEqual(listed.map((e) => [e.name, e.type, e.cid.toString()]), [['a.txt', 'file', a.cid.toString()], ['sub', 'dir', sub.cid.toString()]])
    assert.equal(listed[0]?.size, 6)
    assert.equal(listed[0]?.path, `${root.cid.toString()}/a.txt`)
    const out = await tempDir()
    try {
      const tar = await bytesOf(ipfs.get(root.cid))
      await writeFile(join(out.path, 'tree.tar'), tar)
      execFileSync('tar', ['-xf', join(out.path, 'tree.tar'), '-C', out.path])
      const top = join(out.path, root.cid.toString())
      assert.equal(await readFile(join(top, 'a.txt'), 'utf8'), 'alpha\n')
      assert.deepEqual(await readFile(join(top, 'sub', 'b.bin')), big.subarray(0, 300_000))
      assert.deepEqual(execFileSync('ls', ['-A', join(top, 'sub', 'empty')]).toString(), '')
      const file = await bytesOf(ipfs.get(`/ipfs/${root.cid.toString()}/a.txt`))
      assert.equal(file.subarray(0, 5).toString(), 'a.txt', 'a file is one entry, named by the path')
      assert.equal(gunzipSync(await bytesOf(ipfs.get(a.cid, { compress: true }))).toString(), 'alpha\n', 'compress without archive: the file gzipped')
      await mkdir(join(out.path, 'gz'))
      await writeFile(join(out.path, 'tree.tar.gz'), await bytesOf(ipfs.get(root.cid, { archive: true, compress: true, compressionLevel: 9 })))
      execFileSync('tar', ['-xzf', join(out.path, 'tree.tar.gz'), '-C', join(out.path, 'gz')])
      assert.equal(await readFile(join(out.path, 'gz', root.cid.toString(), 'a.txt'), 'utf8'), 'alpha\n')
    } finally {
      await out.cleanup()
    }
  })

  test('pin add, ls and rm', async () => {
    const { cid } = await ipfs.add('pin me\n', { pin: false })
    assert.deepEqual((await ipfs.pin.add(cid)).toString(), cid.toString())
    assert.deepEqual((await all(ipfs.pin.ls({ paths: cid }))).map((p) => [p.cid.toString(), p.type]), [[cid.toString(), 'recursive']])
    assert.ok((await all(ipfs.pin.ls({ type: 'recursive' }))).some((p) => p.cid.equals(cid)))
    const named = (await ipfs.add('named pin\n', { pin: false })).cid
    await ipfs.pin.add(named, { name: 'my-pin' })
    assert.equal((await all(ipfs.pin.ls({ paths: named, names: true })))[0]?.name, 'my-pin')
    assert.equal((await ipfs.pin.rm(cid)).toString(), cid.toString())
    await assert.rejects(all(ipfs.pin.ls({ paths: cid })), /not pinned/)
  })

  test('block put, get, stat and rm', async () => {
    const bytes = Buffer.from('a raw block from kubo-rpc-client')
    const expected = CID.createV1(raw.code, await sha256.digest(bytes))
    const cid = await ipfs.block.put(bytes)
    assert.equal(cid.toString(), expected.toString())
    assert.deepEqual(Buffer.from(await ipfs.block.get(cid)), bytes)
    assert.deepEqual(await ipfs.block.stat(cid), { cid: expected, size: bytes.byteLength })
    const node = dagPb.encode(dagPb.prepare({ Data: new Uint8Array([8, 1]) }))
    const v0 = await ipfs.block.put(node, { format: 'v0' })
    assert.equal(v0.toString(), CID.createV0(await sha256.digest(node)).toString())
    const pb = await ipfs.block.put(node, { format: 'dag-pb' })
    assert.equal(pb.toString(), CID.createV1(dagPb.code, await sha256.digest(node)).toString())
    const cbor = dagCbor.encode({ hello: 'block' })
    assert.equal((await ipfs.block.put(cbor, { format: 'dag-cbor', mhtype: 'sha2-256' })).toString(), CID.createV1(dagCbor.code, await sha256.digest(cbor)).toString())
    assert.equal((await ipfs.block.stat(bigCid)).size > 0, true)
    const pinned = await ipfs.block.put(Buffer.from('pinned block'), { pin: true })
    const removed = await all(ipfs.block.rm([cid, pinned]))
    assert.deepEqual(removed.map((r) => [r.cid.toString(), r.error?.message]), [[cid.toString(), undefined], [pinned.toString(), 'pinned: recursive']])
    await assert.rejects(ipfs.block.stat(cid, { offline: true } as never), /not found|could not find/)
    const missing = await all(ipfs.block.rm(cid))
    assert.match(missing[0]?.error?.message ?? '', /could not find/)
    assert.deepEqual(await all(ipfs.block.rm(cid, { force: true })), [{ cid }])
  })

  test('dag put, get, resolve; export then import into the other daemon', async () => {
    const leaf = await ipfs.dag.put({ leaf: true, n: 1 })
    assert.equal(leaf.toString(), CID.createV1(dagCbor.code, await sha256.digest(dagCbor.encode({ leaf: true, n: 1 }))).toString())
    const value = { hello: 'world', list: [1, 2, 3], link: leaf, file: bigCid }
    const root = await ipfs.dag.put(value, { pin: true })
    assert.equal(root.toString(), CID.createV1(dagCbor.code, await sha256.digest(dagCbor.encode(value))).toString())
    assert.deepEqual((await ipfs.dag.get(root)).value, value)
    assert.deepEqual((await ipfs.dag.get(root, { path: 'link/n' })).value, 1)
    const json = await ipfs.dag.put(Buffer.from('{"a":{"/":"' + leaf.toString() + '"}}'), { inputCodec: 'dag-json', storeCodec: 'dag-json' })
    assert.equal(json.code, 0x0129)
    assert.deepEqual((await ipfs.dag.get(json)).value, { a: leaf })
    assert.deepEqual(await ipfs.dag.resolve(`/ipfs/${root.toString()}/link/n`), { cid: leaf, remainderPath: 'n' })
    assert.deepEqual(await ipfs.dag.resolve(root, { path: '/list/1' }), { cid: root, remainderPath: 'list/1' })
    const car = await bytesOf(ipfs.dag.export(root))
    const imported = await all(other.dag.import([car]))
    assert.deepEqual(imported, [{ root: { cid: root, pinErrorMsg: '' } }])
    assert.deepEqual((await other.dag.get(root, { offline: true } as never)).value, value)
    assert.deepEqual(await bytesOf(other.cat(bigCid, { offline: true } as never)), big)
    assert.ok((await all(other.pin.ls({ paths: root }))).some((p) => p.type === 'recursive'))
    assert.deepEqual(await bytesOf(other.dag.export(root)), car, 'the same CAR back from the other repo')
  })

  test('name publish, then resolve gives the path', async () => {
    const { cid } = await ipfs.add('published\n')
    const published = await ipfs.name.publish(cid, { allowOffline: true, ttl: '1m' })
    assert.equal(published.value, `/ipfs/${cid.toString()}`)
    assert.ok(published.name.length > 0)
    assert.deepEqual(await all(ipfs.name.resolve(`/ipns/${published.name}`)), [`/ipfs/${cid.toString()}`])
    assert.deepEqual(await all(ipfs.name.resolve(published.name)), [`/ipfs/${cid.toString()}`])
  })

  test('files: mkdir, write, read, ls, stat, cp, mv, rm', async () => {
    await ipfs.files.mkdir('/kubo/docs', { parents: true })
    await ipfs.files.write('/kubo/docs/a.txt', Buffer.from('written by the client\n'), { create: true })
    assert.equal((await bytesOf(ipfs.files.read('/kubo/docs/a.txt'))).toString(), 'written by the client\n')
    assert.equal((await bytesOf(ipfs.files.read('/kubo/docs/a.txt', { offset: 8, length: 2 }))).toString(), 'by')
    await ipfs.files.cp(`/ipfs/${bigCid.toString()}`, '/kubo/docs/big.bin')
    const listed = await all(ipfs.files.ls('/kubo/docs'))
    assert.deepEqual(listed.map((e) => [e.name, e.type, e.size]), [['a.txt', 'file', 22], ['big.bin', 'file', big.byteLength]])
    assert.equal(listed[1]?.cid.toString(), bigCid.toString())
    const stat = await ipfs.files.stat('/kubo/docs/big.bin')
    assert.equal(stat.cid.toString(), bigCid.toString())
    assert.equal(stat.type, 'file')
    assert.equal(stat.size, big.byteLength)
    assert.equal((await ipfs.files.stat('/kubo/docs')).type, 'directory')
    await ipfs.files.mv('/kubo/docs/a.txt', '/kubo/a.txt')
    await ipfs.files.rm('/kubo/docs', { recursive: true })
    assert.deepEqual((await all(ipfs.files.ls('/kubo'))).map((e) => e.name), ['a.txt'])
    assert.ok(CID.asCID(await ipfs.files.flush('/')) !== null)
  })

  test('the CLI\'s block, dag and repo verbs go through the running daemon and agree with the client', async () => {
    const key = (await planetaryOk(a.repo, ['block', 'put'], 'from the cli')).stdout.trim()
    assert.equal(key, CID.createV1(raw.code, await sha256.digest(Buffer.from('from the cli'))).toString())
    assert.equal((await planetaryOk(a.repo, ['block', 'stat', key])).stdout, `Key: ${key}\nSize: 12\n`)
    const big = await planetary(a.repo, ['block', 'put'], new Uint8Array(2 * 1024 * 1024 + 1))
    assert.match(big.stderr, /over 2MiB/)
    const node = CID.parse((await planetaryOk(a.repo, ['dag', 'put'], '{"cli":true}')).stdout.trim())
    assert.deepEqual((await ipfs.dag.get(node)).value, { cli: true })
    const dir = await tempDir()
    try {
      const car = await bytesOf(ipfs.dag.export(node))
      await writeFile(join(dir.path, 'node.car'), car)
      const imported = (await planetaryOk(b.repo, ['dag', 'import', join(dir.path, 'node.car')])).stdout
      assert.equal(imported, `Pinned root\t${node.toString()}\tsuccess\nImported 1 blocks (${(await ipfs.block.stat(node)).size} bytes)\n`)
    } finally {
      await dir.cleanup()
    }
    const stat = JSON.parse((await planetaryOk(a.repo, ['repo', 'stat', '--enc', 'json'])).stdout) as { NumObjects: number, RepoSize: number }
    const viaClient = await ipfs.repo.stat()
    assert.deepEqual([stat.NumObjects, stat.RepoSize], [Number(viaClient.numObjects), Number(viaClient.repoSize)])
  })

  test('repo stat and version; swarm peers lists the other node', async () => {
    const before = await ipfs.repo.stat()
    assert.ok(before.numObjects > 0n)
    assert.ok(before.repoSize >= BigInt(big.byteLength))
    assert.equal(before.storageMax, 10_000_000_000n)
    assert.equal(before.repoPath, a.repo)
    assert.equal(before.version, 'fs-repo@1')
    const block = Buffer.from(`counted ${Date.now()}`)
    await ipfs.block.put(block)
    const after = await ipfs.repo.stat()
    assert.equal(after.numObjects, before.numObjects + 1n)
    assert.equal(after.repoSize, before.repoSize + BigInt(block.byteLength))
    assert.equal(await ipfs.repo.version(), '1')
    const peers = await ipfs.swarm.peers()
    assert.ok(peers.some((p) => p.peer.toString() === b.peerId), 'b is connected')
    assert.ok(peers.every((p) => p.addr.toString().startsWith('/')))
  })
})
