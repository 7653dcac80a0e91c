// Directories shard when Kubo's do: growing one past
// Import.UnixFSHAMTDirectorySizeThreshold turns it into a HAMT exactly at
// the entry where `add` of the same entries would, and emptying it turns
// it back, each step equal to the importer's directory of the same
// entries ('links' and 'block' estimation). boxo's per-operation rules
// hold: a shard that does not shrink stays a shard, a basic directory that
// only loses entries stays basic. Everything reads through shards.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadPbNode } from '../../src/dag/load.ts'
import { addSources } from '../../src/unixfs/importer/add-paths.ts'
import { resolveImporterOptions } from '../../src/unixfs/importer/resolve-options.ts'
import { decodeUnixFS } from '../../src/unixfs/format/unixfs-decode.ts'
import { collect, mfsRepo, pieces } from './helpers.ts'
import type { Config } from '../../src/repo/config/schema.ts'
import type { MfsRepo } from './helpers.ts'
import type { CID } from 'multiformats/cid'

function threshold (size: string, estimation: 'links' | 'block'): (c: Config) => Config {
  return (c) => ({ ...c, Import: { ...c.Import, UnixFSHAMTDirectorySizeThreshold: size, UnixFSHAMTDirectorySizeEstimation: estimation } })
}

async function isHamt (r: MfsRepo, path: string): Promise<boolean> {
  const { cid } = await r.mfs.stat(path)
  return decodeUnixFS(await loadPbNode(r.repo.blockstore, cid), cid.toString()).type === 'hamt-sharded-directory'
}

/** The directory `add -w` makes of these entries, with the repo's Import settings (and `extra` over them). */
async function importerDir (r: MfsRepo, names: string[], extra: Partial<Config['Import']> = {}): Promise<CID> {
  const sources = names.map((name) => ({ name, content: pieces(`content of ${name}`) }))
  const [wrapper] = await addSources(r.repo.blockstore, sources, resolveImporterOptions({ ...r.repo.config.Import, ...extra }, {}), { wrap: true })
  return wrapper?.cid ?? assert.fail('no directory')
}

/** Add a file of `name` and copy it into the MFS directory `dir`. */
async function addInto (r: MfsRepo, dir: string, name: string): Promise<void> {
  const [file] = await addSources(r.repo.blockstore, [{ name, content: pieces(`content of ${name}`) }], resolveImporterOptions(r.repo.config.Import, {}))
  await r.mfs.cp(`/ipfs/${file?.cid.toString() ?? ''}`, `${dir}/${name}`)
}

for (const estimation of ['links', 'block'] as const) {
  test(`a directory grows past the threshold into a HAMT and shrinks back, as add would build it (${estimation})`, async () => {
    const r = await mfsRepo(threshold('1KiB', estimation))
    try {
      await r.mfs.mkdir('/dir')
      const names: string[] = []
      let shardedAt = -1
      for (let i = 0; names.length < 40; i++) {
        const name = `entry-${String(i).padStart(4, '0')}`
        names.push(name)
        await addInto(r, '/dir', name)
        const expected = await importerDir(r, names)
        assert.ok((await r.mfs.stat('/dir')).cid.equals(expected), `${names.length} entries: same directory as add`)
        if (shardedAt === -1 && await isHamt(r, '/dir')) shardedAt = names.length
      }
      assert.ok(shardedAt > 1 && shardedAt < 40, `sharded at ${shardedAt} entries`)
      assert.equal(await isHamt(r, '/dir'), true)
      assert.deepEqual((await r.mfs.ls('/dir')).map((e) => e.name), [...names].sort())
      assert.deepEqual((await r.mfs.ls('/dir', { long: true })).map((e) => [e.name, e.type]).slice(0, 2), [['entry-0000', 'file'], ['entry-0001', 'file']])
      assert.equal((await collect(await r.mfs.read('/dir/entry-0033'))).toString(), 'content of entry-0033')
      assert.equal((await r.mfs.stat('/dir/entry-0007')).size, 'content of entry-0007'.length)
      await r.mfs.mv('/dir/entry-0001', '/dir/entry-renamed')
      await r.mfs.mv('/dir/entry-renamed', '/dir/entry-0001')
      while (names.length > 0) {
        const name = names.splice(names.length >> 1, 1)[0] ?? ''
        await r.mfs.rm(`/dir/${name}`)
        const stat = await r.mfs.stat('/dir')
        if (names.length > 0) assert.ok(stat.cid.equals(await importerDir(r, names)), `${names.length} entries after rm: same directory as add`)
      }
      assert.equal(await isHamt(r, '/dir'), false)
      assert.equal((await r.mfs.stat('/dir')).cid.toString(), 'QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn')
    } finally {
      await r.cleanup()
    }
  })
}

test('boxo\'s rules: a shard under the threshold stays one until it shrinks; a big basic directory stays basic until it grows', async () => {
  const r = await mfsRepo(threshold('1KiB', 'links'))
  try {
    const few = ['a', 'b', 'c']
    const smallShard = await importerDir(r, few, { UnixFSHAMTDirectorySizeThreshold: '0B' })
    await r.mfs.cp(`/ipfs/${smallShard.toString()}`, '/shard')
    assert.equal(await isHamt(r, '/shard'), true)
    await addInto(r, '/shard', 'd')
    assert.equal(await isHamt(r, '/shard'), true, 'adding to a small shard keeps it a shard (the estimate did not shrink)')
    assert.deepEqual((await r.mfs.ls('/shard')).map((e) => e.name), ['a', 'b', 'c', 'd'])
    await r.mfs.rm('/shard/a')
    assert.equal(await isHamt(r, '/shard'), false, 'a removal under the threshold turns it basic')
    assert.ok((await r.mfs.stat('/shard')).cid.equals(await importerDir(r, ['b', 'c', 'd'])))

    const many = Array.from({ length: 30 }, (_, i) => `big-entry-${i}`)
    const bigBasic = await importerDir(r, many, { UnixFSHAMTDirectorySizeThreshold: '1MiB' })
    await r.mfs.cp(`/ipfs/${bigBasic.toString()}`, '/basic')
    await r.mfs.rm('/basic/big-entry-0')
    assert.equal(await isHamt(r, '/basic'), false, 'removing from a big basic directory keeps it basic')
    await addInto(r, '/basic', 'one-more')
    assert.equal(await isHamt(r, '/basic'), true, 'adding past the threshold shards it')
    assert.ok((await r.mfs.stat('/basic')).cid.equals(await importerDir(r, [...many.slice(1), 'one-more'])))
    await r.mfs.rm('/basic', { recursive: true })
    assert.deepEqual((await r.mfs.ls('/')).map((e) => e.name), ['shard'])
  } finally {
    await r.cleanup()
  }
})
