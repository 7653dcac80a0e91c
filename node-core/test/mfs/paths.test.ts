// MFS paths: cleaned as Kubo cleans them (`.` dropped, `..` taking back a
// segment, one trailing `/` remembered), and refused with
// MfsInvalidPathError when relative, climbing above the root, holding an
// empty segment or a NUL byte, or too long; every verb refuses them before
// touching the tree.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { MAX_MFS_PATH_LENGTH, parseMfsPath } from '../../src/mfs/path.ts'
import { mfsRepo, pieces } from './helpers.ts'

test('paths are cleaned like Kubo\'s', () => {
  assert.deepEqual(parseMfsPath('/'), { segments: [], trailingSlash: false, text: '/' })
  assert.deepEqual(parseMfsPath('/a/b'), { segments: ['a', 'b'], trailingSlash: false, text: '/a/b' })
  assert.deepEqual(parseMfsPath('/a/b/'), { segments: ['a', 'b'], trailingSlash: true, text: '/a/b' })
  assert.deepEqual(parseMfsPath('/a/./b/../c'), { segments: ['a', 'c'], trailingSlash: false, text: '/a/c' })
  assert.deepEqual(parseMfsPath('/a/..'), { segments: [], trailingSlash: false, text: '/' })
  assert.deepEqual(parseMfsPath('/ünï cödé/ spaces '), { segments: ['ünï cödé', ' spaces '], trailingSlash: false, text: '/ünï cödé/ spaces ' })
})

test('bad paths are MfsInvalidPathError, from every verb, and change nothing', async () => {
  const bad = ['', 'a/b', 'relative', '/..', '/a/../..', '/a//b', '//', '/a\0b', '/' + 'x'.repeat(MAX_MFS_PATH_LENGTH)]
  for (const path of bad) assert.throws(() => parseMfsPath(path), { name: 'MfsInvalidPathError', code: 'ERR_MFS_INVALID_PATH' }, JSON.stringify(path.slice(0, 20)))
  assert.throws(() => parseMfsPath(42 as unknown as string), { name: 'MfsInvalidPathError' })
  const { mfs, cleanup } = await mfsRepo()
  try {
    const root = await mfs.root()
    for (const path of bad) {
      await assert.rejects(mfs.stat(path), { name: 'MfsInvalidPathError' })
      await assert.rejects(mfs.ls(path), { name: 'MfsInvalidPathError' })
      await assert.rejects(mfs.read(path), { name: 'MfsInvalidPathError' })
      await assert.rejects(mfs.mkdir(path, { parents: true }), { name: 'MfsInvalidPathError' })
      await assert.rejects(mfs.write(path, pieces('x'), { create: true }), { name: 'MfsInvalidPathError' })
      await assert.rejects(mfs.rm(path, { force: true }), { name: 'MfsInvalidPathError' })
      await assert.rejects(mfs.mv(path, '/x'), { name: 'MfsInvalidPathError' })
      await assert.rejects(mfs.mv('/', path), { name: 'MfsInvalidPathError' })
      await assert.rejects(mfs.cp(path, '/x'), { name: 'MfsInvalidPathError' })
      await assert.rejects(mfs.cp('/', path), { name: 'MfsInvalidPathError' })
      await assert.rejects(mfs.chcid(path, { cidVersion: 1 }), { name: 'MfsInvalidPathError' })
      await assert.rejects(mfs.flush(path), { name: 'MfsInvalidPathError' })
    }
    await assert.rejects(mfs.cp('/', '/'), { name: 'MfsInvalidPathError' }, 'the root has no name to copy under')
    await assert.rejects(mfs.cp('/ipfs/not-a-cid', '/x'), { name: 'InvalidCidError' })
    await assert.rejects(mfs.cp('/ipns/example.com', '/x'), { name: 'IpnsUnavailableError' })
    assert.ok((await mfs.root()).equals(root))
  } finally {
    await cleanup()
  }
})
