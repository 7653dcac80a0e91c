// The strict UnixFS Data decoder, against ipfs-unixfs (the oracle) on the
// nodes the importer writes, and on malformed bytes.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as dagPb from '@ipld/dag-pb'
import { UnixFS } from 'ipfs-unixfs'
import { MemoryBlockstore } from '../../../src/block/memory-blockstore.ts'
import { InvalidUnixFSError } from '../../../src/unixfs/format/errors.ts'
import { encodeUnixFSData } from '../../../src/unixfs/format/unixfs-data.ts'
import { decodeUnixFS, decodeUnixFSData } from '../../../src/unixfs/format/unixfs-decode.ts'
import { importEntries, randomBytes, smallDag } from './fixtures.ts'

test('decodes every node the importer writes as ipfs-unixfs does', async () => {
  const store = new MemoryBlockstore()
  await importEntries(store, [
    { path: 'd/a', content: randomBytes(1000), mode: 0o600, mtime: { secs: 1234567890n, nsecs: 5 } },
    { path: 'd/b', content: randomBytes(10) },
    { path: 'd/l', link: 'a', mtime: { secs: -5n } },
    ...Array.from({ length: 40 }, (_, i) => ({ path: `d/h/${i}`, content: randomBytes(3, i + 1) }))
  ], { ...smallDag('balanced', false), shardSplitThresholdBytes: 200 })
  let checked = 0
  for await (const cid of store.list()) {
    const bytes = await store.get(cid)
    let node: dagPb.PBNode
    try {
      node = dagPb.decode(bytes)
    } catch {
      continue
    }
    if (node.Data === undefined) continue
    const ours = decodeUnixFS(node, cid.toString())
    const theirs = UnixFS.unmarshal(node.Data)
    assert.equal(ours.type, theirs.type)
    assert.deepEqual(ours.data ?? new Uint8Array(0), theirs.data ?? new Uint8Array(0))
    assert.deepEqual(ours.blockSizes.map(BigInt), theirs.blockSizes)
    if (ours.type === 'file' || ours.type === 'raw') assert.equal(BigInt(ours.fileSize ?? 0), theirs.fileSize())
    if (ours.mode !== undefined) assert.equal(ours.mode, theirs.mode)
    if (ours.fanout !== undefined) assert.equal(BigInt(ours.fanout), theirs.fanout)
    if (ours.mtime !== undefined) {
      assert.equal(BigInt(ours.mtime.secs), theirs.mtime?.secs)
      assert.equal(ours.mtime.nsecs ?? 0, theirs.mtime?.nsecs ?? 0)
    }
    checked++
  }
  assert.ok(checked > 40, `checked ${checked} nodes`)
})

test('tells absent fields from defaults: no mode, no filesize', () => {
  const bare = decodeUnixFSData(encodeUnixFSData({ type: 2 }), 'x')
  assert.equal(bare.mode, undefined)
  assert.equal(bare.fileSize, undefined)
  const full = decodeUnixFSData(encodeUnixFSData({ type: 2, data: Uint8Array.of(1, 2), fileSize: 12, blockSizes: [5, 5], mode: 0o644, mtime: { secs: 7, nsecs: 9 } }), 'x')
  assert.deepEqual(full, { type: 'file', data: Uint8Array.of(1, 2), fileSize: 12, blockSizes: [5, 5], mode: 0o644, mtime: { secs: 7, nsecs: 9 } })
})

test('accepts packed blocksizes and skips unknown fields', () => {
  // Type=file, blocksizes packed [3, 300], unknown field 15 (varint), unknown field 16 (bytes)
  const bytes = Uint8Array.of(0x08, 0x02, 0x22, 0x03, 0x03, 0xac, 0x02, 0x78, 0x01, 0x82, 0x01, 0x01, 0xff)
  assert.deepEqual(decodeUnixFSData(bytes, 'x').blockSizes, [3, 300])
})

test('malformed UnixFS data is an InvalidUnixFSError', () => {
  const bad: Array<[string, number[]]> = [
    ['no Type', [0x10, 0x01]],
    ['unknown type', [0x08, 0x09]],
    ['Type as bytes', [0x0a, 0x00]],
    ['truncated varint', [0x08, 0x82]],
    ['truncated Data', [0x08, 0x02, 0x12, 0x05, 0x01]],
    ['11-byte varint', [0x08, 0x02, 0x18, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]],
    ['filesize past 2^53', [0x08, 0x02, 0x18, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]],
    ['nanoseconds out of range', [0x08, 0x02, 0x42, 0x05, 0x15, 0x00, 0xca, 0x9a, 0x3b]],
    ['group wire type', [0x08, 0x02, 0x7b]],
    ['field number 0', [0x00, 0x01]],
    ['garbage', [0xff, 0xff, 0xff]]
  ]
  for (const [what, bytes] of bad) {
    assert.throws(() => decodeUnixFSData(Uint8Array.from(bytes), 'x'), InvalidUnixFSError, what)
  }
  assert.throws(() => decodeUnixFS({ Links: [] }, 'x'), /no UnixFS data/)
})
