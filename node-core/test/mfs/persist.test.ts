// The root is durable and crash-safe: a reopened repo has the same tree; a
// child process editing its MFS and killed with SIGKILL at random moments
// leaves a tree whose every block is present and whose every file reads
// back whole, with every acknowledged edit in it; a root record that fails
// to be written leaves the old tree; garbage collection with the MFS root
// as an extra root keeps the tree (also while an edit runs) and drops what
// older trees alone used.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { walkDag } from '../../src/dag/walk.ts'
import { collectGarbage } from '../../src/gc/collect.ts'
import { Mfs, ROOT_RECORD } from '../../src/mfs/mfs.ts'
import { PinSet } from '../../src/pin/pins.ts'
import { RecordStore } from '../../src/repo/records.ts'
import { resolveImporterOptions } from '../../src/unixfs/importer/resolve-options.ts'
import { chacha20 } from '../helpers/vector-inputs.ts'
import { crashContent } from './crash-content.ts'
import { collect, mfsRepo, pieces } from './helpers.ts'
import type { MfsRepo } from './helpers.ts'

const CHILD = new URL('./crash-child.ts', import.meta.url).pathname

/** Every block under the root is present and matches its hash; returns how many. */
async function checkComplete (r: MfsRepo): Promise<number> {
  let n = 0
  for await (const block of walkDag(r.repo.blockstore, await r.mfs.root())) n += block.bytes.length >= 0 ? 1 : 0
  return n
}

test('a reopened repo has the same tree', async () => {
  const r = await mfsRepo()
  try {
    await r.mfs.mkdir('/a/b', { parents: true })
    await r.mfs.write('/a/b/file', pieces(chacha20('reopen', 700_000)), { create: true })
    await r.mfs.chcid('/a', { cidVersion: 1 })
    const root = await r.mfs.root()
    await r.reopen()
    assert.ok((await r.mfs.root()).equals(root))
    assert.ok((await collect(await r.mfs.read('/a/b/file'))).equals(chacha20('reopen', 700_000)))
    assert.equal((await r.mfs.stat('/a')).cid.version, 1)
    assert.ok(await checkComplete(r) > 3)
  } finally {
    await r.cleanup()
  }
})

test('SIGKILL of a process editing the MFS leaves a complete tree with every acknowledged edit', async () => {
  const r = await mfsRepo()
  try {
    await r.mfs.root()
    await r.mfs.stop()
    await r.repo.close()
    const acknowledged = new Set<number>()
    for (const delay of [150, 400, 700, 1100]) {
      const child = spawn(process.execPath, [CHILD, r.path], { stdio: ['ignore', 'pipe', 'pipe'] })
      let stderr = ''
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
      child.stdout.on('data', (d: Buffer) => {
        for (const m of d.toString().matchAll(/done (\d+)/g)) acknowledged.add(Number(m[1]))
      })
      const timer = setTimeout(() => child.kill('SIGKILL'), delay + 300)
      const [, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])))
      clearTimeout(timer)
      assert.equal(signal, 'SIGKILL', `the child ran until killed: ${stderr}`)
      await r.reopen()
      assert.ok(await checkComplete(r) > 0)
      const names = (await r.mfs.ls('/')).map((e) => e.name)
      for (const i of acknowledged) assert.ok(names.includes(`f-${i}`), `acknowledged edit ${i} is in the tree`)
      for (const name of names) {
        if (name === 'dirs') continue
        const i = Number(name.slice(name.indexOf('-') + 1))
        const expected = crashContent(i)
        const got = await collect(await r.mfs.read(`/${name}`))
        assert.ok(got.equals(expected), `${name} reads back whole`)
      }
      await r.mfs.stop()
      await r.repo.close()
    }
    assert.ok(acknowledged.size > 0, 'some edits finished before the kills')
    await r.reopen()
  } finally {
    await r.cleanup()
  }
})

test('blocks written but the root record not replaced: the old tree stays, in memory and on disk', async () => {
  const r = await mfsRepo()
  try {
    await r.mfs.write('/kept', pieces('kept'), { create: true })
    const root = await r.mfs.root()
    class FailingRecords extends RecordStore {
      override async put (): Promise<void> { throw new Error('disk full') }
    }
    const failing = new Mfs({ store: r.repo.blockstore, records: new FailingRecords(`${r.path}/records/mfs`), lock: r.lock, importer: resolveImporterOptions(r.repo.config.Import, {}) })
    assert.ok((await failing.root()).equals(root))
    await assert.rejects(failing.write('/lost', pieces('lost'), { create: true }), /disk full/)
    assert.ok((await failing.root()).equals(root), 'the committed root is still the old one')
    assert.deepEqual((await failing.ls('/')).map((e) => e.name), ['kept'])
    await r.reopen()
    assert.ok((await r.mfs.root()).equals(root))
    assert.deepEqual((await r.mfs.ls('/')).map((e) => e.name), ['kept'])
  } finally {
    await r.cleanup()
  }
})

test('a write whose source fails leaves the old tree; a corrupt root record is MfsCorruptRootError', async () => {
  const r = await mfsRepo()
  try {
    await r.mfs.write('/f', pieces('old'), { create: true })
    const root = await r.mfs.root()
    const file = (await r.mfs.stat('/f')).cid
    async function * failing (): AsyncIterable<Uint8Array> {
      yield chacha20('partial', 300_000)
      throw new Error('upload cut')
    }
    await assert.rejects(r.mfs.write('/f', failing(), { offset: 3 }), /upload cut/)
    await assert.rejects(r.mfs.write('/g', pieces('x'), { create: true, signal: AbortSignal.abort() }), { name: 'AbortError' })
    assert.ok((await r.mfs.root()).equals(root))
    assert.equal((await collect(await r.mfs.read('/f'))).toString(), 'old')
    await r.repo.records('mfs').put(ROOT_RECORD, 'not a cid')
    await r.reopen()
    await assert.rejects(r.mfs.ls('/'), { name: 'MfsCorruptRootError' })
    await r.repo.records('mfs').put(ROOT_RECORD, file.toString())
    await r.reopen()
    await assert.rejects(r.mfs.root(), { name: 'MfsCorruptRootError' }, 'a root that is a file')
    await r.repo.records('mfs').put(ROOT_RECORD, root.toString())
    await r.reopen()
    assert.equal((await collect(await r.mfs.read('/f'))).toString(), 'old')
  } finally {
    await r.cleanup()
  }
})

test('garbage collection keeps the MFS tree, also during an edit, and drops older trees\' blocks', async () => {
  const r = await mfsRepo()
  try {
    const gc = async (): Promise<number> => {
      let removed = 0
      for await (const _ of collectGarbage({ store: r.repo.blockstore, pins: new PinSet(r.repo.records('pins')), lock: r.lock, extraRoots: async () => [await r.mfs.root()] })) removed++
      return removed
    }
    const first = chacha20('gc-first', 900_000)
    await r.mfs.write('/f', pieces(first), { create: true })
    await r.mfs.write('/f', pieces(chacha20('gc-second', 900_000)), { truncate: true })
    assert.ok(await gc() >= 4, 'the first version\'s leaves and the old roots are collected')
    assert.ok((await collect(await r.mfs.read('/f'))).equals(chacha20('gc-second', 900_000)))
    const third = chacha20('gc-third', 3_000_000)
    const writing = r.mfs.write('/g', pieces(third, 50_000), { create: true })
    const collecting = gc()
    await Promise.all([writing, collecting])
    await gc()
    assert.ok((await collect(await r.mfs.read('/g'))).equals(third))
    assert.ok(await checkComplete(r) > 10)
  } finally {
    await r.cleanup()
  }
})
