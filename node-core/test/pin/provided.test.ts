// Reprovider.Strategy `roots` and `pinned`: which CIDs a reprovide run
// announces (each once, from the local store), and whether content that
// was just added is announced at once, over a real repo.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import * as dagPb from '@ipld/dag-pb'
import { makeBlock } from '../../src/block/block.ts'
import { hasherByName } from '../../src/block/hashers.ts'
import { walkDag } from '../../src/dag/walk.ts'
import { pinnedCids } from '../../src/pin/provided.ts'
import { pinAdd } from '../../src/pin/pinning.ts'
import { ourAdd } from '../helpers/helia.ts'
import { startTestNode } from '../helpers/nodes.ts'
import type { CID } from 'multiformats/cid'
import type { PlanetaryNode } from '../../src/node.ts'

const key = (cid: CID): string => Buffer.from(cid.multihash.bytes).toString('base64')
const keys = (cids: CID[]): string[] => [...new Set(cids.map(key))].sort()

async function collect (source: AsyncIterable<CID>): Promise<CID[]> {
  const out: CID[] = []
  for await (const cid of source) out.push(cid)
  return out
}

async function dagOf (node: PlanetaryNode, root: CID): Promise<CID[]> {
  const out: CID[] = []
  for await (const block of walkDag(node.repo.blockstore, root)) out.push(block.cid)
  return out
}

test('roots announces the pinned CIDs; pinned adds every block under recursive pins; each once; unpinned content never', async (t) => {
  const a = await startTestNode()
  t.after(a.stop)
  const { blockstore: store } = a.node.repo
  const shared = randomBytes(100_000)
  const recursive = await ourAdd(store, Buffer.concat([shared, randomBytes(50_000)]))
  const overlapping = await ourAdd(store, Buffer.concat([shared, randomBytes(30_000)]))
  const direct = await ourAdd(store, randomBytes(60_000))
  const unpinned = await ourAdd(store, randomBytes(60_000))
  // A recursive pin whose DAG lost a block (a pin made by another tool, say).
  const missing = makeBlock(randomBytes(1000), 0x55, hasherByName('sha2-256'), 1)
  const kept = makeBlock(randomBytes(1000), 0x55, hasherByName('sha2-256'), 1)
  const broken = makeBlock(dagPb.encode({ Links: [{ Hash: kept.cid, Name: 'a', Tsize: 1000 }, { Hash: missing.cid, Name: 'b', Tsize: 1000 }] }), dagPb.code, hasherByName('sha2-256'), 1)
  await store.put(kept.cid, kept.bytes)
  await store.put(broken.cid, broken.bytes)
  await store.sync()
  await pinAdd(store, a.node.pins, recursive)
  await pinAdd(store, a.node.pins, overlapping)
  await pinAdd(store, a.node.pins, direct, { recursive: false })
  await a.node.pins.put({ cid: broken.cid, type: 'recursive', name: '' })

  const roots = await collect(pinnedCids(store, a.node.pins, true))
  assert.equal(roots.length, 4)
  assert.deepEqual(keys(roots), keys([recursive, overlapping, direct, broken.cid]))

  const pinned = await collect(pinnedCids(store, a.node.pins, false))
  const expected = [...await dagOf(a.node, recursive), ...await dagOf(a.node, overlapping), direct, broken.cid, kept.cid]
  assert.deepEqual(keys(pinned), keys(expected))
  assert.equal(pinned.length, keys(expected).length, 'no block twice, though two pins share the leaves of their first 100 kB')
  assert.ok(keys(expected).length < expected.length, 'the two DAGs do share blocks')
  for (const cid of await dagOf(a.node, unpinned)) assert.ok(!keys(pinned).includes(key(cid)), 'unpinned content is not announced')
  const directChildren = (await dagOf(a.node, direct)).slice(1)
  assert.ok(directChildren.length > 0 && directChildren.every((cid) => !keys(pinned).includes(key(cid))), 'below a direct pin, nothing')
  await assert.rejects(collect(pinnedCids(store, a.node.pins, false, { signal: AbortSignal.abort() })), { name: 'AbortError' })
})

test('a node under `roots` reprovides its pins, and announces new content at once only if it was pinned', async (t) => {
  const a = await startTestNode((config) => ({ ...config, Reprovider: { ...config.Reprovider, Strategy: 'roots' } }))
  t.after(a.stop)
  const { blockstore: store } = a.node.repo
  const root = await ourAdd(store, randomBytes(80_000))
  await ourAdd(store, randomBytes(80_000))
  await pinAdd(store, a.node.pins, root)
  await a.node.reprovider.reprovide()
  assert.equal(a.node.reprovider.progress().total, 1, 'the one pin, not the blocks under it or the unpinned file (nor the Files root)')
  await a.node.reprovider.provide([root], false)
  assert.equal(a.node.reprovider.progress().total, 1, 'unpinned new content is not announced')
  await a.node.reprovider.provide([root], true)
  assert.equal(a.node.reprovider.progress().total, 2, 'pinned new content is')
})
