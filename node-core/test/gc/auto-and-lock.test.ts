// The GC lock's promises (GC waits for content writers, writers wait for a
// running or waiting GC) and automatic GC past the storage watermark, on a
// real repo.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { makeBlock } from '../../src/block/block.ts'
import { hasherByName } from '../../src/block/hashers.ts'
import { AutoGc, repoSize } from '../../src/gc/auto.ts'
import { collectGarbage } from '../../src/gc/collect.ts'
import { GcLock } from '../../src/gc/lock.ts'
import { PinSet } from '../../src/pin/pins.ts'
import { initRepo, openRepo } from '../../src/repo/repo.ts'
import { tempDir } from '../helpers/cli.ts'

test('the GC lock: GC waits for writers; writers arriving while GC waits or runs wait for it', async () => {
  const lock = new GcLock()
  const order: string[] = []
  const writer = await lock.shared()
  const gc = lock.exclusive().then((release) => { order.push('gc'); return release })
  await new Promise((resolve) => setImmediate(resolve))
  const late = lock.shared().then((release) => { order.push('late writer'); return release })
  await new Promise((resolve) => setImmediate(resolve))
  assert.deepEqual(order, [], 'nothing runs while the first writer holds the lock')
  writer()
  const releaseGc = await gc
  await new Promise((resolve) => setImmediate(resolve))
  assert.deepEqual(order, ['gc'], 'GC before the writer that came after it')
  releaseGc()
  ;(await late)()
  assert.deepEqual(order, ['gc', 'late writer'])
  const a = await lock.shared()
  const b = await lock.shared()
  a()
  b()
  ;(await lock.exclusive())()
})

test('automatic GC runs only past the watermark and keeps pinned blocks', async () => {
  const dir = await tempDir()
  const path = join(dir.path, 'repo')
  await initRepo(path, 'test')
  const repo = await openRepo(path)
  try {
    const blocks = Array.from({ length: 10 }, (_, i) => makeBlock(new Uint8Array(10_000).fill(i), 0x55, hasherByName('sha2-256'), 1))
    for (const b of blocks) await repo.blockstore.put(b.cid, b.bytes)
    await repo.blockstore.sync()
    const pins = new PinSet(repo.records('pins'))
    await pins.put({ cid: blocks[0]?.cid ?? assert.fail(), type: 'direct', name: '' })
    const lock = new GcLock()
    const runs: number[] = []
    const auto = (threshold: number): AutoGc => new AutoGc({
      store: repo.blockstore,
      thresholdBytes: threshold,
      periodMs: 0,
      collect: async () => {
        let freed = 0
        for await (const r of collectGarbage({ store: repo.blockstore, pins, lock, extraRoots: async () => [] })) freed += r.bytes
        return freed
      },
      onCollected: (freed) => runs.push(freed)
    })
    assert.equal(await repoSize(repo.blockstore), 100_000)
    assert.equal(await auto(200_000).check(), 0, 'under the watermark: nothing collected')
    assert.equal(await auto(50_000).check(), 90_000, 'over it: every unpinned block goes')
    assert.deepEqual(runs, [90_000])
    assert.equal(await repoSize(repo.blockstore), 10_000)
    assert.equal(await repo.blockstore.has(blocks[0]?.cid ?? assert.fail()), true)
  } finally {
    await repo.close()
    await dir.cleanup()
  }
})
