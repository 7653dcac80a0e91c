// File contents through `write`: a fresh multi-MiB write is the trickle DAG
// Kubo's `add --trickle` makes of the same bytes (CIDv0 and CIDv1); random
// writes at offsets inside, at and past the end, counts and truncations
// read back exactly as a byte model says, across 256 KiB leaf boundaries;
// and a file past 174 leaves (the root's direct links) keeps growing and
// takes overwrites across its subtrees.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MemoryBlockstore } from '../../src/block/memory-blockstore.ts'
import { walkDag } from '../../src/dag/walk.ts'
import { GcLock } from '../../src/gc/lock.ts'
import { Mfs } from '../../src/mfs/mfs.ts'
import { RecordStore } from '../../src/repo/records.ts'
import { defaultConfig } from '../../src/repo/config/defaults.ts'
import { addSources } from '../../src/unixfs/importer/add-paths.ts'
import { resolveImporterOptions } from '../../src/unixfs/importer/resolve-options.ts'
import { chacha20 } from '../helpers/vector-inputs.ts'
import { collect, mfsRepo, pieces } from './helpers.ts'
import type { ImportFlags } from '../../src/unixfs/importer/resolve-options.ts'

const MiB = 1024 * 1024
const CHUNK = 262144

test('a fresh write of several MiB is `add --trickle` of the same bytes, CIDv0 and CIDv1', async () => {
  const { mfs, repo, cleanup } = await mfsRepo()
  try {
    for (const [flags, options] of [[{ trickle: true }, {}], [{ trickle: true, cidVersion: 1 }, { cidVersion: 1 }]] as Array<[ImportFlags, { cidVersion?: number }]>) {
      const bytes = chacha20(`fresh-${JSON.stringify(flags)}`, 6 * MiB + 12345)
      const path = `/big-${flags.cidVersion ?? 0}`
      await mfs.write(path, pieces(bytes, 100_000), { create: true, ...options })
      const [added] = await addSources({ put: async () => {} }, [{ name: 'x', content: pieces(bytes) }], resolveImporterOptions(repo.config.Import, flags))
      const stat = await mfs.stat(path)
      assert.ok(stat.cid.equals(added?.cid), `${JSON.stringify(flags)}: ${stat.cid.toString()} vs add ${added?.cid.toString()}`)
      assert.equal(stat.size, bytes.length)
      assert.equal(stat.cumulativeSize, added?.dagSize)
      assert.ok((await collect(await mfs.read(path))).equals(bytes))
      assert.ok((await collect(await mfs.read(path, { offset: 3 * MiB - 7, count: MiB }))).equals(bytes.subarray(3 * MiB - 7, 4 * MiB - 7)))
    }
  } finally {
    await cleanup()
  }
})

test('random writes, counts and truncations read back as the byte model says', async () => {
  const { mfs, cleanup } = await mfsRepo()
  try {
    for (const rawLeaves of [false, true]) {
      const path = `/model-${String(rawLeaves)}`
      let model = Buffer.alloc(0)
      let seed = 0
      const random = (n: number): number => chacha20(`r${rawLeaves ? 1 : 0}-${seed++}`, 4).readUInt32LE(0) % n
      for (let step = 0; step < 14; step++) {
        const kind = random(6)
        const data = chacha20(`d-${step}`, 1 + random(3 * CHUNK))
        if (kind === 0) {
          await mfs.write(path, pieces(data, 1 + random(70_000)), { create: true, truncate: true, rawLeaves })
          model = Buffer.from(data)
          continue
        }
        const offset = kind === 1 ? model.length : kind === 2 ? model.length + random(CHUNK) : random(model.length + 1)
        const count = kind === 3 ? random(data.length + 1) : undefined
        const written = data.subarray(0, count ?? data.length)
        await mfs.write(path, pieces(data, 1 + random(70_000)), { create: true, offset, rawLeaves, ...(count === undefined ? {} : { count }) })
        const grown = Buffer.alloc(Math.max(model.length, offset + written.length))
        model.copy(grown)
        Buffer.from(written).copy(grown, offset)
        model = grown
        const back = await collect(await mfs.read(path))
        assert.equal(back.length, model.length, `step ${step} (kind ${kind}): length`)
        assert.ok(back.equals(model), `step ${step} (kind ${kind}, offset ${offset}, ${written.length} bytes): contents`)
        const from = random(model.length + 1)
        assert.ok((await collect(await mfs.read(path, { offset: from, count: CHUNK + 3 }))).equals(model.subarray(from, from + CHUNK + 3)), `step ${step}: a range`)
      }
      assert.equal((await mfs.stat(path)).size, model.length)
    }
  } finally {
    await cleanup()
  }
})

test('a file past 174 leaves: appends fill its subtrees, overwrites cross them, every block is stored', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'planetary-mfs-'))
  const store = new MemoryBlockstore()
  const imports = defaultConfig({ PeerID: 'x', PrivKey: 'x' }).Import
  const mfs = new Mfs({ store, records: new RecordStore(dir), lock: new GcLock(), importer: resolveImporterOptions(imports, {}) })
  try {
    const first = chacha20('past-174', 180 * CHUNK + 5)
    await mfs.write('/f', pieces(first, MiB), { create: true })
    const more = chacha20('more', 3 * MiB + 1)
    await mfs.write('/f', pieces(more, MiB), { offset: first.length })
    const patch = chacha20('patch', 2 * CHUNK)
    const at = 173 * CHUNK + 100
    await mfs.write('/f', pieces(patch), { offset: at })
    const model = Buffer.concat([first, more])
    patch.copy(model, at)
    assert.ok((await collect(await mfs.read('/f'))).equals(model))
    const root = await mfs.root()
    let blocks = 0
    for await (const block of walkDag(store, root)) blocks += block.bytes.length > 0 ? 1 : 0
    assert.ok(blocks > 190, `${blocks} blocks reachable from the root`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
