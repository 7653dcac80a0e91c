import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Key } from 'interface-datastore'
import { RepoDatastore } from '../../src/repo/datastore.ts'
import { RepoClosedError } from '../../src/repo/errors.ts'
import { tempDir } from '../helpers/cli.ts'

test('close waits for the writes in flight; later writes get RepoClosedError and touch no file', async (t) => {
  const dir = await tempDir()
  t.after(dir.cleanup)
  const path = join(dir.path, 'datastore')
  const store = new RepoDatastore(path)
  await store.open()
  const bytes = new Uint8Array(64 * 1024).fill(7)
  const inFlight = Array.from({ length: 20 }, async (_, i) => await store.put(new Key(`/peers/p${i}`), bytes))
  await store.close()
  assert.equal((await Promise.allSettled(inFlight)).filter((r) => r.status === 'fulfilled').length, 20, 'every write begun before close lands')
  assert.equal((await readdir(join(path, 'peers'))).length, 20, 'and is on disk when close returns')
  await assert.rejects(store.put(new Key('/late/one'), bytes), RepoClosedError)
  await assert.rejects(store.delete(new Key('/peers/p0')), RepoClosedError)
  await assert.rejects(async () => { for await (const _ of store.putMany([{ key: new Key('/late/two'), value: bytes }])) assert.fail('put after close') }, RepoClosedError)
  assert.deepEqual((await readdir(path)).sort(), ['peers'], 'no directory was made for a refused write')
  assert.deepEqual(new Uint8Array(await store.get(new Key('/peers/p0'))), bytes, 'reads still work')
})
