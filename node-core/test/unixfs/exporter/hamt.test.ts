// HAMT helpers and shard reading: other fanouts than 256 (deeper shards),
// the hex prefixes, and malformed shards refused by name.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as dagPb from '@ipld/dag-pb'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { MemoryBlockstore } from '../../../src/block/memory-blockstore.ts'
import { resolvePath } from '../../../src/unixfs/exporter/resolve.ts'
import { InvalidUnixFSError } from '../../../src/unixfs/format/errors.ts'
import { encodeUnixFSData } from '../../../src/unixfs/format/unixfs-data.ts'
import { hamtHashName, hamtPrefix, hamtSlot } from '../../../src/unixfs/hamt/hash.ts'
import { hamtEntries, hamtFind } from '../../../src/unixfs/hamt/lookup.ts'
import { all, importEntries, randomBytes } from './fixtures.ts'
import type { PBLink } from '@ipld/dag-pb'

test('slot prefixes are upper-case hex as wide as fanout - 1', () => {
  assert.equal(hamtPrefix(0, 256), '00')
  assert.equal(hamtPrefix(0xab, 256), 'AB')
  assert.equal(hamtPrefix(5, 16), '5')
  assert.equal(hamtPrefix(7, 8), '7')
  assert.equal(hamtPrefix(0x3f, 1024), '03F')
  assert.equal(hamtHashName('x').byteLength, 8)
  assert.equal(hamtSlot(Uint8Array.of(0b10110000, 0xff), 0, 4), 0b1011)
  assert.equal(hamtSlot(Uint8Array.of(0b10110000, 0xff), 1, 4), 0)
  assert.equal(hamtSlot(Uint8Array.of(0b10110000, 0xff), 1, 8), 0xff)
})

test('a fanout-16 HAMT, several levels deep, resolves every name and lists them all', async () => {
  const store = new MemoryBlockstore()
  const names = Array.from({ length: 150 }, (_, i) => `n-${i}`)
  const root = await importEntries(store, names.map((n, i) => ({ path: `d/${n}`, content: randomBytes(2, i + 1) })), { shardSplitThresholdBytes: 100, shardFanoutBits: 4 })
  const node = dagPb.decode(await store.get(root))
  assert.ok(node.Links.some((l) => l.Name?.length === 1), 'child shards have one-digit names')
  for (const name of names) {
    const { cid } = await resolvePath(store, { root, segments: [name] })
    assert.equal(cid.toString(), (await hamtFind(store, node, name))?.Hash.toString())
  }
  assert.deepEqual((await all(hamtEntries(store, node))).map((e) => e.name).sort(), [...names].sort())
  assert.equal(await hamtFind(store, node, 'absent'), undefined)
})

async function shard (store: MemoryBlockstore, data: Parameters<typeof encodeUnixFSData>[0], links: PBLink[]): Promise<CID> {
  const bytes = dagPb.encode(dagPb.prepare({ Data: encodeUnixFSData(data), Links: links }))
  const cid = CID.createV1(dagPb.code, await sha256.digest(bytes))
  await store.put(cid, bytes)
  return cid
}

test('malformed shards are an InvalidUnixFSError', async () => {
  const store = new MemoryBlockstore()
  const file = await importEntries(store, [{ content: Uint8Array.of(1) }])
  const ok = { type: 5, hashType: 0x22, fanout: 256 }
  const cases: Array<[string, CID]> = [
    ['sha2 hash type', await shard(store, { ...ok, hashType: 0x12 }, [])],
    ['fanout not a power of two', await shard(store, { ...ok, fanout: 100 }, [])],
    ['no fanout', await shard(store, { type: 5, hashType: 0x22 }, [])],
    ['link name without a slot', await shard(store, ok, [{ Name: 'zz-name', Hash: file }])],
    ['child shard with another fanout', await shard(store, ok, [{ Name: 'AB', Hash: await shard(store, { ...ok, fanout: 16 }, []) }])],
    ['child shard that is a file', await shard(store, ok, [{ Name: 'AB', Hash: file }])]
  ]
  for (const [what, cid] of cases) {
    const node = dagPb.decode(await store.get(cid))
    await assert.rejects(all(hamtEntries(store, node)), InvalidUnixFSError, what)
  }
  // a chain of child shards deeper than 64 bits of hash: 8 levels of fanout 256 at most
  let deep = await shard(store, ok, [])
  for (let i = 0; i < 9; i++) deep = await shard(store, ok, [{ Name: '00', Hash: deep }])
  await assert.rejects(all(hamtEntries(store, dagPb.decode(await store.get(deep)))), /deeper than its 64 hash bits/)
})
