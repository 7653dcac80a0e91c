// `put`: linking an entry whose blocks are already stored (an add's root)
// into the tree, as `add --to-files` does while it holds the GC lock. An
// edit waiting for a GC must not block it: edits take the lock before they
// queue, so the one whose caller holds the lock is never behind one that
// waits for a GC that waits for that caller.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import * as dagCbor from '@ipld/dag-cbor'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { mfsRepo } from './helpers.ts'

async function rawBlock (text: string): Promise<{ cid: CID, bytes: Uint8Array }> {
  const bytes = new TextEncoder().encode(text)
  return { cid: CID.createV1(raw.code, await sha256.digest(bytes)), bytes }
}

test('put links a stored entry, with parents; a taken place and a non-UnixFS node are refused by name', async () => {
  const r = await mfsRepo()
  try {
    const block = await rawBlock('put me')
    await r.repo.blockstore.put(block.cid, block.bytes)
    await r.mfs.put('/a/b/file.txt', { cid: block.cid, dagSize: block.bytes.byteLength }, { parents: true })
    const stat = await r.mfs.stat('/a/b/file.txt')
    assert.equal(stat.cid.toString(), block.cid.toString())
    assert.equal(stat.size, block.bytes.byteLength)
    await assert.rejects(r.mfs.put('/a/b/file.txt', { cid: block.cid, dagSize: 6 }), { name: 'MfsExistsError' })
    await assert.rejects(r.mfs.put('/missing/file.txt', { cid: block.cid, dagSize: 6 }), { name: 'MfsNotFoundError' })
    const cbor = CID.createV1(dagCbor.code, await sha256.digest(dagCbor.encode({ a: 1 })))
    await assert.rejects(r.mfs.put('/a/cbor', { cid: cbor, dagSize: 4 }), { name: 'MfsNotUnixFSError' })
  } finally {
    await r.cleanup()
  }
})

test('put by a holder of the GC lock is not stuck behind an edit that waits for a waiting GC', async () => {
  const r = await mfsRepo()
  try {
    await r.mfs.start()
    const block = await rawBlock('added while GC waits')
    await r.repo.blockstore.put(block.cid, block.bytes)
    const release = await r.lock.shared()
    const gc = r.lock.exclusive()
    const other = r.mfs.mkdir('/other')
    const put = r.mfs.put('/added.txt', { cid: block.cid, dagSize: block.bytes.byteLength }, { lockHeld: true })
    const outcome = await Promise.race([put.then(() => 'placed'), new Promise((resolve) => setTimeout(() => { resolve('stuck') }, 3000))])
    release()
    const releaseGc = await gc
    releaseGc()
    await other
    await put
    assert.equal(outcome, 'placed')
    assert.deepEqual((await r.mfs.ls('/')).map((e) => e.name).sort(), ['added.txt', 'other'])
  } finally {
    await r.cleanup()
  }
})

test('putAll places every entry or none: one taken place leaves the tree as it was', async () => {
  const r = await mfsRepo()
  try {
    const first = await rawBlock('first')
    const second = await rawBlock('second')
    for (const b of [first, second]) await r.repo.blockstore.put(b.cid, b.bytes)
    await r.mfs.mkdir('/in')
    await r.mfs.put('/in/taken.txt', { cid: second.cid, dagSize: 6 })
    const before = await r.mfs.root()
    await assert.rejects(r.mfs.putAll([
      { to: '/in/new.txt', node: { cid: first.cid, dagSize: 5 } },
      { to: '/in/taken.txt', node: { cid: first.cid, dagSize: 5 } }
    ]), { name: 'MfsExistsError' })
    assert.equal((await r.mfs.root()).toString(), before.toString())
    assert.deepEqual((await r.mfs.ls('/in')).map((e) => e.name), ['taken.txt'])
    await r.mfs.putAll([
      { to: '/in/a.txt', node: { cid: first.cid, dagSize: 5 } },
      { to: '/in/b.txt', node: { cid: second.cid, dagSize: 6 } }
    ])
    assert.deepEqual((await r.mfs.ls('/in')).map((e) => e.name), ['a.txt', 'b.txt', 'taken.txt'])
  } finally {
    await r.cleanup()
  }
})
