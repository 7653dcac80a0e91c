// `files cp /ipfs/<cid>[/path]` of content only another node holds: the
// whole DAG is fetched over Bitswap through the reader and stored, so it
// reads offline and survives garbage collection on the copying node; a
// source that is not UnixFS, or not found, is refused without a change.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { walkDag } from '../../src/dag/walk.ts'
import { dagPut } from '../../src/dag/put.ts'
import { collectGarbage } from '../../src/gc/collect.ts'
import { Mfs } from '../../src/mfs/mfs.ts'
import { addSources } from '../../src/unixfs/importer/add-paths.ts'
import { resolveImporterOptions } from '../../src/unixfs/importer/resolve-options.ts'
import { startTestNode } from '../helpers/nodes.ts'
import { chacha20 } from '../helpers/vector-inputs.ts'
import { collect, pieces } from './helpers.ts'

test('cp /ipfs/<cid> fetches the whole DAG from a peer, keeps it through GC, and refuses non-UnixFS', async () => {
  const a = await startTestNode()
  const b = await startTestNode()
  try {
    await b.node.host.dial(a.node.host.getMultiaddrs()[0] ?? assert.fail('no address'))
    const big = chacha20('cp-fetch', 3 * 1024 * 1024 + 7)
    const small = 'a small file'
    const [wrapper] = await addSources(a.node.repo.blockstore, [
      { name: 'big.bin', content: pieces(big) },
      { name: 'small.txt', content: pieces(small) }
    ], resolveImporterOptions(a.node.repo.config.Import, {}), { wrap: true })
    const dir = wrapper?.cid ?? assert.fail('nothing added')
    await a.node.repo.blockstore.sync()
    assert.equal(await b.node.repo.blockstore.has(dir), false)

    const repo = b.node.repo
    const mfs = new Mfs({ store: repo.blockstore, reader: b.node.bitswap.session(), records: repo.records('mfs'), lock: b.node.gcLock, importer: resolveImporterOptions(repo.config.Import, {}) })
    let blocks = 0
    await mfs.cp(`/ipfs/${dir.toString()}`, '/copy', { onBlock: (n) => { blocks = n } })
    await mfs.cp(`/ipfs/${dir.toString()}/small.txt`, '/')
    assert.ok(blocks >= 14, `${blocks} blocks fetched and stored`)
    for await (const block of walkDag(repo.blockstore, dir)) assert.ok(block.bytes.length >= 0)
    assert.deepEqual((await mfs.ls('/')).map((e) => e.name), ['copy', 'small.txt'])
    assert.equal((await mfs.stat('/copy')).cumulativeSize, wrapper?.dagSize)

    for await (const _ of collectGarbage({ store: repo.blockstore, pins: b.node.pins, lock: b.node.gcLock, extraRoots: async () => [await mfs.root()] })) { /* collect */ }
    assert.ok((await collect(await mfs.read('/copy/big.bin'))).equals(big), 'read from the local store after GC')
    assert.equal((await collect(await mfs.read('/small.txt'))).toString(), small)

    const cbor = await dagPut(repo.blockstore, new TextEncoder().encode('{"not":"unixfs"}'))
    const before = await mfs.root()
    await assert.rejects(mfs.cp(`/ipfs/${cbor.toString()}`, '/cbor'), { name: 'MfsNotUnixFSError' })
    await assert.rejects(mfs.cp(`/ipfs/${dir.toString()}/missing`, '/m'), { name: 'PathNotFoundError' })
    await assert.rejects(mfs.cp(`/ipfs/${dir.toString()}`, '/copy'), { name: 'MfsExistsError' })
    assert.ok((await mfs.root()).equals(before), 'refused copies change nothing')
  } finally {
    await a.stop()
    await b.stop()
  }
})
