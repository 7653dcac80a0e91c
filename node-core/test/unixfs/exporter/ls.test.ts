// `ls` and path resolution through directories and HAMT shards, against
// ipfs-unixfs-exporter (the oracle) on DAGs from ipfs-unixfs-importer.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as dagPb from '@ipld/dag-pb'
import { exporter } from 'ipfs-unixfs-exporter'
import { MemoryBlockstore } from '../../../src/block/memory-blockstore.ts'
import { PathNotFoundError } from '../../../src/dag/errors.ts'
import { dagGetValue } from '../../../src/dag/get.ts'
import { resolvePath as resolveDagPath } from '../../../src/dag/resolve.ts'
import { resolvePath, unixfsPbLookup } from '../../../src/unixfs/exporter/resolve.ts'
import { decodeUnixFS } from '../../../src/unixfs/format/unixfs-decode.ts'
import { NotADirectoryError } from '../../../src/unixfs/exporter/errors.ts'
import { directoryLinks, ls } from '../../../src/unixfs/exporter/ls.ts'
import { statEntry } from '../../../src/unixfs/exporter/stat.ts'
import { all, importEntries, oracleStore, randomBytes, smallDag } from './fixtures.ts'
import type { CID } from 'multiformats/cid'

/** The oracle's listing: name → [cid, file size or undefined]. */
async function oracleListing (store: MemoryBlockstore, cid: CID): Promise<Array<{ name: string, cid: string, size: bigint | undefined }>> {
  const dir = await exporter(cid, oracleStore(store))
  assert.equal(dir.type, 'directory')
  const out = []
  for await (const entry of dir.entries()) {
    const child = await exporter(entry.cid, oracleStore(store))
    // the exporter calls a symlink a file of its target's length; Kubo's ls shows its (absent) filesize
    const isFile = child.type === 'raw' || (child.type === 'file' && child.unixfs.type !== 'symlink')
    out.push({ name: entry.name, cid: entry.cid.toString(), size: isFile ? child.size : undefined })
  }
  return out
}

test('ls of a plain directory: types, file sizes, targets, modes, as the exporter sees them', async () => {
  const store = new MemoryBlockstore()
  const root = await importEntries(store, [
    { path: 'd/b.bin', content: randomBytes(1000, 2) },
    { path: 'd/a.txt', content: new TextEncoder().encode('hello\n'), mode: 0o640, mtime: { secs: 1700000000n } },
    { path: 'd/link', link: 'a.txt' },
    { path: 'd/sub/c', content: randomBytes(3) },
    { path: 'd/empty' }
  ], smallDag('balanced', true, 256))
  const entries = await all(ls(store, root))
  assert.deepEqual(entries.map((e) => [e.name, e.type, e.size]), [
    ['a.txt', 'file', 6], ['b.bin', 'file', 1000], ['empty', 'directory', 0], ['link', 'symlink', 0], ['sub', 'directory', 0]
  ])
  assert.equal(entries.find((e) => e.name === 'link')?.target, 'a.txt')
  assert.equal(entries.find((e) => e.name === 'a.txt')?.mode, 0o640)
  assert.deepEqual(entries.find((e) => e.name === 'a.txt')?.mtime, { secs: 1700000000 })
  const oracle = await oracleListing(store, root)
  assert.deepEqual(entries.map((e) => e.cid.toString()).sort(), oracle.map((e) => e.cid).sort())
  for (const e of oracle) {
    const ours = entries.find((x) => x.name === e.name)
    assert.equal(ours?.cid.toString(), e.cid, e.name)
    if (e.size !== undefined) assert.equal(BigInt(ours?.size ?? -1), e.size, e.name)
  }
})

test('ls of a HAMT-sharded directory lists every entry, sorted by name; unsorted it follows the shards as the exporter does', async () => {
  const store = new MemoryBlockstore()
  const names = Array.from({ length: 300 }, (_, i) => `file-${i}.txt`)
  names.push('\uFFFD', '\u{1F600}', 'é', 'Z', 'a')
  const root = await importEntries(store, names.map((n, i) => ({ path: `big/${n}`, content: randomBytes(i % 7, i + 1) })), { shardSplitThresholdBytes: 500 })
  assert.equal(decodeUnixFS(dagPb.decode(await store.get(root)), 'root').type, 'hamt-sharded-directory')
  assert.equal((await statEntry(store, root)).type, 'hamt-directory')
  assert.ok(dagPb.decode(await store.get(root)).Links.some((l) => l.Name?.length === 2), 'the shard has child shards')
  const sorted = await all(ls(store, root))
  assert.deepEqual(sorted.map((e) => e.name), [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))), 'sorted by UTF-8 bytes, as Go sorts strings')
  assert.equal(sorted.findIndex((e) => e.name === '\uFFFD') < sorted.findIndex((e) => e.name === '\u{1F600}'), true, 'UTF-8 byte order, not UTF-16')
  const oracle = await oracleListing(store, root)
  const unsorted = await all(ls(store, root, { sort: false }))
  assert.deepEqual(unsorted.map((e) => [e.name, e.cid.toString()]), oracle.map((e) => [e.name, e.cid]))
  for (const e of unsorted) assert.equal(BigInt(e.size), oracle.find((o) => o.name === e.name)?.size)
  assert.equal((await all(directoryLinks(store, root))).length, names.length)
})

test('paths resolve through HAMT shards by name hash, including nested directories', async () => {
  const store = new MemoryBlockstore()
  const entries = Array.from({ length: 200 }, (_, i) => ({ path: `top/n${i}`, content: randomBytes(5, i + 1) }))
  const root = await importEntries(store, [...entries, { path: 'top/n7x/inner/deep.txt', content: randomBytes(9) }], { shardSplitThresholdBytes: 300 })
  for (let i = 0; i < 200; i += 7) {
    const { cid, remainder } = await resolvePath(store, { root, segments: [`n${i}`] })
    const oracle = await exporter(`${root.toString()}/n${i}`, oracleStore(store))
    assert.equal(cid.toString(), oracle.cid.toString())
    assert.deepEqual(remainder, [])
  }
  const deep = await resolvePath(store, { root, segments: ['n7x', 'inner', 'deep.txt'] })
  assert.equal(deep.cid.toString(), (await exporter(`${root.toString()}/n7x/inner/deep.txt`, oracleStore(store))).cid.toString())
  await assert.rejects(resolvePath(store, { root, segments: ['missing'] }), (err: Error) => err instanceof PathNotFoundError && /no link named "missing"/.test(err.message))
  await assert.rejects(resolvePath(store, { root, segments: ['n7x', 'nope', 'x'] }), /no link named "nope" under .*\/n7x/)
  // the IPLD layer alone sees only link names; dag get with the UnixFS lookup walks the shards as Kubo does
  await assert.rejects(resolveDagPath(store, { root, segments: ['n7'] }), PathNotFoundError)
  const viaDagGet = await dagGetValue(store, { root, segments: ['n7'] }, { pbLookup: unixfsPbLookup })
  const n7 = (await resolvePath(store, { root, segments: ['n7'] })).cid
  assert.equal(n7.code, 0x55, 'a raw leaf, which dag get returns as bytes')
  assert.deepEqual(Uint8Array.from(viaDagGet as Uint8Array), Uint8Array.from(await store.get(n7)))
})

test('listing a file lists its chunks; a raw block has none; directoryLinks wants a directory', async () => {
  const store = new MemoryBlockstore()
  const root = await importEntries(store, [{ path: 'f', content: randomBytes(64 * 3) }], smallDag('balanced', true, 64, 10))
  const chunks = await all(ls(store, root))
  assert.deepEqual(chunks.map((c) => [c.name, c.type, c.size]), [['', 'file', 64], ['', 'file', 64], ['', 'file', 64]])
  assert.deepEqual(await all(ls(store, chunks[0]?.cid ?? root)), [])
  await assert.rejects(all(directoryLinks(store, root)), NotADirectoryError)
})
