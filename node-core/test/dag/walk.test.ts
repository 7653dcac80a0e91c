// walkDag's shared `seen`: walks of several roots with a subtree in common
// read and yield that subtree once (GC and the `pinned` provide set walk
// every pin this way).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import * as dagPb from '@ipld/dag-pb'
import { makeBlock } from '../../src/block/block.ts'
import { hasherByName } from '../../src/block/hashers.ts'
import { walkDag } from '../../src/dag/walk.ts'
import { CountingBlockstore } from '../unixfs/exporter/fixtures.ts'
import type { Block } from '../../src/block/block.ts'

const sha256 = hasherByName('sha2-256')
const leaf = (text: string): Block => makeBlock(new TextEncoder().encode(text), 0x55, sha256, 1)
const node = (...children: Block[]): Block => makeBlock(dagPb.encode({ Links: children.map((c, i) => ({ Hash: c.cid, Name: String(i), Tsize: c.bytes.byteLength })) }), dagPb.code, sha256, 1)

test('roots walked with one shared seen set read and yield their common subtree once', async () => {
  const [a, b, onlyFirst, onlySecond] = ['shared a', 'shared b', 'only in the first', 'only in the second'].map(leaf) as [Block, Block, Block, Block]
  const common = node(a, b)
  const first = node(common, onlyFirst)
  const second = node(onlySecond, common)
  const store = new CountingBlockstore()
  for (const block of [a, b, onlyFirst, onlySecond, common, first, second]) await store.put(block.cid, block.bytes)

  const walkAll = async (seen?: Set<string>): Promise<string[]> => {
    const out: string[] = []
    for (const root of [first, second]) for await (const block of walkDag(store, root.cid, seen === undefined ? {} : { seen })) out.push(block.cid.toString())
    return out
  }
  store.gets = 0
  const separate = await walkAll()
  assert.equal(separate.length, 10, 'each walk alone yields its 5 blocks')
  assert.equal(store.gets, 10)
  store.gets = 0
  const shared = await walkAll(new Set())
  assert.equal(shared.length, 7, 'the common subtree (3 blocks) once')
  assert.equal(new Set(shared).size, 7)
  assert.equal(store.gets, 7, 'and read once')
})
