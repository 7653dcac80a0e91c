// `get` to a real temporary directory: bytes, modes, mtimes, symlinks and
// HAMT directories restored as the importer recorded them; names from a
// malicious DAG refused.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as dagPb from '@ipld/dag-pb'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { MemoryBlockstore } from '../../../src/block/memory-blockstore.ts'
import { resolvePath } from '../../../src/unixfs/exporter/resolve.ts'
import { statEntry } from '../../../src/unixfs/exporter/stat.ts'
import { encodeUnixFSData } from '../../../src/unixfs/format/unixfs-data.ts'
import { UnsafePathError } from '../../../src/unixfs/exporter/errors.ts'
import { getToDisk, safeName } from '../../../src/unixfs/exporter/get.ts'
import { importBytes, importEntries, randomBytes, smallDag } from './fixtures.ts'
import type { PBLink } from '@ipld/dag-pb'

async function withTemp (fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'planetary-get-'))
  try {
    await fn(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** mtime in ms, as the file system keeps it. */
function ms (secs: number, nsecs = 0): number {
  return secs * 1000 + nsecs / 1e6
}

test('get writes files, directories, HAMT directories and symlinks with their modes and mtimes', async () => {
  const store = new MemoryBlockstore()
  const big = randomBytes(64 * 30 + 5, 9)
  const shardNames = Array.from({ length: 120 }, (_, i) => `entry-${i}`)
  const root = await importEntries(store, [
    { path: 'top/big.bin', content: big, mode: 0o600, mtime: { secs: 1600000000n, nsecs: 250000000 } },
    { path: 'top/exec.sh', content: new TextEncoder().encode('#!/bin/sh\n'), mode: 0o755 },
    { path: 'top/plain.txt', content: new TextEncoder().encode('plain') },
    { path: 'top/link', link: 'plain.txt', mtime: { secs: 1500000000n } },
    { path: 'top/sub', mode: 0o700, mtime: { secs: 1400000000n } },
    { path: 'top/sub/ro', mode: 0o555 },
    { path: 'top/sub/ro/inside.txt', content: randomBytes(10), mode: 0o444 },
    ...shardNames.map((n, i) => ({ path: `top/shard/${n}`, content: randomBytes(i, i + 1) }))
  ], { ...smallDag('trickle', true), shardSplitThresholdBytes: 1000 })
  const shard = await resolvePath(store, { root, segments: ['shard'] })
  assert.equal((await statEntry(store, shard.cid)).type, 'hamt-directory')
  await withTemp(async (dir) => {
    const out = join(dir, 'out')
    await getToDisk(store, root, out)
    assert.deepEqual(await readFile(join(out, 'big.bin')), Buffer.from(big))
    assert.equal((await stat(join(out, 'big.bin'))).mode & 0o777, 0o600)
    assert.ok(Math.abs((await stat(join(out, 'big.bin'))).mtimeMs - ms(1600000000, 250000000)) < 1)
    assert.equal((await stat(join(out, 'exec.sh'))).mode & 0o777, 0o755)
    assert.equal(await readFile(join(out, 'plain.txt'), 'utf8'), 'plain')
    assert.equal(await readlink(join(out, 'link')), 'plain.txt')
    assert.equal((await lstat(join(out, 'link'))).mtimeMs, ms(1500000000))
    assert.equal((await stat(join(out, 'sub'))).mode & 0o777, 0o700)
    assert.equal((await stat(join(out, 'sub'))).mtimeMs, ms(1400000000), 'a directory mtime survives writing its contents')
    assert.equal((await stat(join(out, 'sub', 'ro'))).mode & 0o777, 0o555)
    assert.equal((await stat(join(out, 'sub', 'ro', 'inside.txt'))).mode & 0o777, 0o444)
    assert.deepEqual((await readdir(join(out, 'shard'))).sort(), [...shardNames].sort())
    for (let i = 0; i < shardNames.length; i += 13) {
      assert.deepEqual(await readFile(join(out, 'shard', `entry-${i}`)), Buffer.from(randomBytes(i, i + 1)))
    }
    await assert.rejects(getToDisk(store, root, out), { code: 'EEXIST' })
  })
})

test('get of a single file writes the file', async () => {
  const store = new MemoryBlockstore()
  const data = randomBytes(5000, 3)
  const cid = await importBytes(store, data, smallDag('balanced', false, 256))
  await withTemp(async (dir) => {
    await getToDisk(store, cid, join(dir, 'f'))
    assert.deepEqual(await readFile(join(dir, 'f')), Buffer.from(data))
  })
})

async function maliciousDir (store: MemoryBlockstore, links: PBLink[]): Promise<CID> {
  // encoded by hand: dag-pb's encoder would sort the links and refuse some names
  const bytes = dagPb.encode(dagPb.prepare({ Data: encodeUnixFSData({ type: 1 }), Links: links }))
  const cid = CID.createV1(dagPb.code, await sha256.digest(bytes))
  await store.put(cid, bytes)
  return cid
}

test('names that could escape the output directory, and duplicates, are refused', async () => {
  const store = new MemoryBlockstore()
  const file = await importBytes(store, new TextEncoder().encode('pwned'))
  const linkCid = await importEntries(store, [{ path: 'l', link: '/tmp' }])
  await withTemp(async (dir) => {
    const names = ['..', '.', '', 'a/b', '../x', 'x\\y', 'nul\0']
    for (const [i, name] of names.entries()) {
      const cid = await maliciousDir(store, [{ Name: name, Hash: file, Tsize: 5 }])
      await assert.rejects(getToDisk(store, cid, join(dir, `out${i}`)), UnsafePathError, JSON.stringify(name))
    }
    const twice = await maliciousDir(store, [{ Name: 'x', Hash: linkCid, Tsize: 1 }, { Name: 'x', Hash: file, Tsize: 5 }])
    await assert.rejects(getToDisk(store, twice, join(dir, 'dup')), /two entries named "x"/)
    assert.equal(await readlink(join(dir, 'dup', 'x')), '/tmp', 'the first entry was written; nothing went through it')
    await mkdir(join(dir, 'check'))
    assert.deepEqual((await readdir(dir)).filter((n) => !/^out\d$|^dup$|^check$/.test(n)), [], 'nothing was written beside the outputs')
    assert.throws(() => safeName('ok\0'), UnsafePathError)
    assert.equal(safeName('fine name.txt'), 'fine name.txt')
  })
})
