import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { FlatfsBlockstore } from '../../src/repo/blockstore/flatfs.ts'
import { BlockNotFoundError } from '../../src/block/errors.ts'
import { tempDir } from '../helpers/cli.ts'

async function block (text: string): Promise<{ cid: CID, bytes: Uint8Array }> {
  const bytes = new TextEncoder().encode(text)
  return { cid: CID.createV1(raw.code, await sha256.digest(bytes)), bytes }
}

test('flatfs stores blocks under Kubo names: base32 multihash key, next-to-last/2 shard', async () => {
  const dir = await tempDir()
  try {
    const store = new FlatfsBlockstore(dir.path, { batchFiles: 2 })
    await store.open()
    const { cid, bytes } = await block('hello world\n')
    await store.put(cid, bytes)
    await store.sync()
    // base32(sha2-256 multihash of "hello world\n"), computed independently with Python's base64.b32encode.
    const key = 'CIQKSSEQJ4XQ6R43R6AZO2KLGAMEWDJO2HA42KQ6YD5YLUUZUGJKIRY'
    assert.equal(await readFile(join(dir.path, 'IR', `${key}.data`), 'utf8'), 'hello world\n')
    assert.equal(await readFile(join(dir.path, 'SHARDING'), 'utf8'), '/repo/flatfs/shard/v1/next-to-last/2\n')
    assert.deepEqual(await readdir(join(dir.path, '.temp')), [])
  } finally {
    await dir.cleanup()
  }
})

test('flatfs put/get/has/size/list/delete, before and after sync', async () => {
  const dir = await tempDir()
  try {
    const store = new FlatfsBlockstore(dir.path, { batchFiles: 3 })
    await store.open()
    const blocks = await Promise.all(Array.from({ length: 10 }, async (_, i) => await block(`block ${i}`)))
    for (const b of blocks) await store.put(b.cid, b.bytes)
    for (const b of blocks) {
      assert.equal(await store.has(b.cid), true)
      assert.deepEqual(new Uint8Array(await store.get(b.cid)), b.bytes)
      assert.equal(await store.size(b.cid), b.bytes.byteLength)
    }
    await store.sync()
    const listed = []
    for await (const cid of store.list()) listed.push(cid.toString())
    assert.deepEqual(listed.sort(), blocks.map((b) => b.cid.toString()).sort())
    const first = blocks[0]
    assert.ok(first !== undefined)
    await store.delete(first.cid)
    assert.equal(await store.has(first.cid), false)
    await assert.rejects(store.get(first.cid), BlockNotFoundError)
    await assert.rejects(store.delete(first.cid), BlockNotFoundError)
  } finally {
    await dir.cleanup()
  }
})

test('flatfs removes temporary files a crash left behind, and keeps complete blocks', async () => {
  const dir = await tempDir()
  try {
    const store = new FlatfsBlockstore(dir.path)
    await store.open()
    const b = await block('survivor')
    await store.put(b.cid, b.bytes)
    await store.sync()
    await mkdir(join(dir.path, '.temp'), { recursive: true })
    await writeFile(join(dir.path, '.temp', 'CIQPARTIAL.1234'), 'half a blo')
    const reopened = new FlatfsBlockstore(dir.path)
    await reopened.open()
    assert.deepEqual(await readdir(join(dir.path, '.temp')), [])
    assert.deepEqual(new Uint8Array(await reopened.get(b.cid)), b.bytes)
  } finally {
    await dir.cleanup()
  }
})

test('flatfs put of a block already stored is a no-op', async () => {
  const dir = await tempDir()
  try {
    const store = new FlatfsBlockstore(dir.path)
    await store.open()
    const b = await block('twice')
    await store.put(b.cid, b.bytes)
    await store.put(b.cid, b.bytes)
    await store.sync()
    await store.put(b.cid, b.bytes)
    await store.sync()
    const shards = (await readdir(dir.path)).filter((n) => n.length === 2)
    let files = 0
    for (const s of shards) files += (await readdir(join(dir.path, s))).length
    assert.equal(files, 1)
  } finally {
    await dir.cleanup()
  }
})
