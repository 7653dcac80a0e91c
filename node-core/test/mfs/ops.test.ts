// Every `files` verb on a real repo: mkdir (-p, prefixes), stat, ls (-l,
// -U, of a file), write (create, parents, offset, count, truncate), read
// (offset, count), cp (MFS to MFS, into a directory, -p), mv (rename,
// into a directory, onto a file, onto itself, into itself), rm (-r,
// --force), chcid and flush; and the named error of each refusal.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { MemoryBlockstore as OracleStore } from 'blockstore-core/memory'
import { importer } from 'ipfs-unixfs-importer'
import { CID } from 'multiformats/cid'
import { addSources } from '../../src/unixfs/importer/add-paths.ts'
import { resolveImporterOptions } from '../../src/unixfs/importer/resolve-options.ts'
import { collect, mfsRepo, pieces } from './helpers.ts'
import type { ImportCandidate } from 'ipfs-unixfs-importer'

const EMPTY_DIR = 'QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn'
const EMPTY_FILE = 'QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH'

async function oracleRoot (entries: ImportCandidate[]): Promise<CID> {
  let last: CID | undefined
  for await (const entry of importer(entries, new OracleStore(), { wrapWithDirectory: true, cidVersion: 0, rawLeaves: false })) last = entry.cid
  return last ?? assert.fail('no root')
}

test('mkdir, stat and ls: an empty root, `mkdir /a` as the importer builds it, -p, prefixes, listings', async () => {
  const { mfs, cleanup } = await mfsRepo()
  try {
    assert.equal((await mfs.root()).toString(), EMPTY_DIR)
    assert.deepEqual(await mfs.stat('/'), { cid: CID.parse(EMPTY_DIR), type: 'directory', size: 0, cumulativeSize: 4, blocks: 0 })
    await mfs.mkdir('/a')
    const root = await mfs.stat('/')
    assert.ok(root.cid.equals(await oracleRoot([{ path: 'a' }])), `mkdir /a: root ${root.cid.toString()}`)
    assert.equal(root.blocks, 1)
    await assert.rejects(mfs.mkdir('/a'), { name: 'MfsExistsError' })
    await mfs.mkdir('/a', { parents: true })
    assert.ok((await mfs.root()).equals(root.cid), 'mkdir -p of an existing directory changes nothing')
    await mfs.mkdir('/a/b/c', { parents: true })
    await mfs.mkdir('/v1/deep', { parents: true, cidVersion: 1 })
    assert.equal((await mfs.stat('/v1')).cid.version, 1, 'directories made by -p take the prefix asked for')
    assert.equal((await mfs.stat('/v1/deep')).cid.version, 1)
    await mfs.mkdir('/v1/deep/inherits')
    assert.equal((await mfs.stat('/v1/deep/inherits')).cid.version, 1, 'a new directory takes its parent\'s prefix')
    await mfs.mkdir('/b2', { hash: 'blake2b-256' })
    assert.equal((await mfs.stat('/b2')).cid.multihash.code, 0xb220)
    await assert.rejects(mfs.mkdir('/x/y'), { name: 'MfsNotFoundError' })
    await mfs.write('/file', pieces('data'), { create: true })
    await assert.rejects(mfs.mkdir('/file/sub', { parents: true }), { name: 'MfsNotADirectoryError' })
    await assert.rejects(mfs.mkdir('/file', { parents: true }), { name: 'MfsExistsError' })
    await assert.rejects(mfs.mkdir('/'), { name: 'MfsExistsError' })
    await mfs.mkdir('/', { parents: true })

    assert.deepEqual((await mfs.ls('/')).map((e) => e.name), ['a', 'b2', 'file', 'v1'])
    const long = await mfs.ls('/', { long: true })
    assert.deepEqual(long.map((e) => [e.name, e.type, e.size]), [['a', 'directory', 0], ['b2', 'directory', 0], ['file', 'file', 4], ['v1', 'directory', 0]])
    assert.deepEqual(await mfs.ls('/file', { long: true }), [{ name: 'file', cid: (await mfs.stat('/file')).cid, type: 'file', size: 4 }])
    assert.deepEqual((await mfs.ls('/a/b/c')), [])
    await assert.rejects(mfs.ls('/nope'), { name: 'MfsNotFoundError' })
    await assert.rejects(mfs.stat('/file/x'), { name: 'MfsNotADirectoryError' })
  } finally {
    await cleanup()
  }
})

test('stat reports Kubo\'s fields, mode and mtime when stored; flush returns CIDs', async () => {
  const { mfs, repo, cleanup } = await mfsRepo()
  try {
    const [entry] = await addSources(repo.blockstore, [{ name: 'x', content: pieces('hello world') }], resolveImporterOptions(repo.config.Import, {}), { mode: 0o640, mtime: { secs: 1700000000, nsecs: 5 } })
    const cid = entry?.cid ?? assert.fail('nothing added')
    await mfs.cp(`/ipfs/${cid.toString()}`, '/meta')
    const stat = await mfs.stat('/meta')
    assert.deepEqual({ ...stat, cid: stat.cid.toString() }, { cid: cid.toString(), type: 'file', size: 11, cumulativeSize: entry?.dagSize, blocks: 0, mode: 0o640, mtime: { secs: 1700000000, nsecs: 5 } })
    await mfs.write('/meta', pieces('J'), { offset: 0 })
    assert.equal((await mfs.stat('/meta')).mode, 0o640, 'a write keeps the file\'s mode')
    assert.equal((await collect(await mfs.read('/meta'))).toString(), 'Jello world')
    assert.ok((await mfs.flush('/')).equals(await mfs.root()))
    assert.ok((await mfs.flush('/meta')).equals((await mfs.stat('/meta')).cid))
    await assert.rejects(mfs.flush('/missing'), { name: 'MfsNotFoundError' })
  } finally {
    await cleanup()
  }
})

test('write and read: create, parents, count, offsets inside and past the end, truncate; errors', async () => {
  const { mfs, cleanup } = await mfsRepo()
  try {
    await mfs.write('/empty', pieces(''), { create: true })
    assert.equal((await mfs.stat('/empty')).cid.toString(), EMPTY_FILE, 'an empty new file is Kubo\'s empty file node')
    await assert.rejects(mfs.write('/new', pieces('x')), { name: 'MfsNotFoundError' })
    await assert.rejects(mfs.write('/deep/new', pieces('x'), { create: true }), { name: 'MfsNotFoundError' })
    await mfs.write('/deep/er/new', pieces('0123456789'), { create: true, parents: true })
    assert.equal((await collect(await mfs.read('/deep/er/new'))).toString(), '0123456789')
    await mfs.write('/deep/er/new', pieces('abc'), { offset: 4 })
    assert.equal((await collect(await mfs.read('/deep/er/new'))).toString(), '0123abc789')
    await mfs.write('/deep/er/new', pieces('XYZW'), { offset: 8, count: 3 })
    assert.equal((await collect(await mfs.read('/deep/er/new'))).toString(), '0123abc7XYZ')
    await mfs.write('/deep/er/new', pieces('!'), { offset: 14 })
    assert.ok((await collect(await mfs.read('/deep/er/new'))).equals(Buffer.from('0123abc7XYZ\0\0\0!')))
    await mfs.write('/deep/er/new', pieces('short'), { truncate: true })
    assert.equal((await collect(await mfs.read('/deep/er/new'))).toString(), 'short')
    await mfs.write('/deep/er/new', pieces(''), { truncate: true })
    assert.equal((await mfs.stat('/deep/er/new')).size, 0)
    assert.equal((await collect(await mfs.read('/deep/er/new', { offset: 0 }))).length, 0)
    await mfs.write('/deep/er/new', pieces(''), { offset: 3 })
    assert.ok((await collect(await mfs.read('/deep/er/new'))).equals(Buffer.alloc(3)), 'seeking past the end grows the file with zeros')

    await mfs.write('/r', pieces('read me please'), { create: true })
    assert.equal((await collect(await mfs.read('/r', { offset: 5, count: 2 }))).toString(), 'me')
    assert.equal((await collect(await mfs.read('/r', { count: 0 }))).toString(), '')
    assert.equal((await collect(await mfs.read('/r', { offset: 14 }))).toString(), '')
    await assert.rejects(mfs.read('/r', { offset: 15 }), { name: 'MfsInvalidOptionError' })
    await assert.rejects(mfs.read('/r', { offset: -1 }), { name: 'MfsInvalidOptionError' })
    await assert.rejects(mfs.read('/r', { count: -1 }), { name: 'MfsInvalidOptionError' })
    await assert.rejects(mfs.read('/deep'), { name: 'MfsNotAFileError' })
    await assert.rejects(mfs.read('/nope'), { name: 'MfsNotFoundError' })
    await assert.rejects(mfs.write('/r', pieces('x'), { offset: -1 }), { name: 'MfsInvalidOptionError' })
    await assert.rejects(mfs.write('/r', pieces('x'), { count: -1 }), { name: 'MfsInvalidOptionError' })
    await assert.rejects(mfs.write('/r', pieces('x'), { cidVersion: 2 }), { name: 'MfsInvalidOptionError' })
    await assert.rejects(mfs.write('/r', pieces('x'), { hash: 'md5-ish' }), { name: 'MfsInvalidOptionError' })
    await assert.rejects(mfs.write('/deep', pieces('x')), { name: 'MfsNotAFileError' })
    await assert.rejects(mfs.write('/', pieces('x')), { name: 'MfsNotAFileError' })
    await assert.rejects(mfs.write('/r/x', pieces('x'), { create: true }), { name: 'MfsNotADirectoryError' })
    assert.equal((await collect(await mfs.read('/r'))).toString(), 'read me please', 'failed writes changed nothing')

    await mfs.write('/v1', pieces('cid v1'), { create: true, cidVersion: 1 })
    assert.equal((await mfs.stat('/v1')).cid.version, 1)
    assert.equal((await mfs.stat('/v1')).blocks, 1, 'one raw leaf under a trickle root')
  } finally {
    await cleanup()
  }
})

test('cp, mv and rm: copies, renames, moves into directories, replaces files, refuses cycles and the root', async () => {
  const { mfs, cleanup } = await mfsRepo()
  try {
    await mfs.write('/f', pieces('file f'), { create: true })
    await mfs.mkdir('/d/e', { parents: true })
    await mfs.cp('/f', '/d/')
    await mfs.cp('/f', '/d/e/g')
    await mfs.cp('/d', '/d2')
    assert.deepEqual((await mfs.ls('/d2')).map((e) => e.name), ['e', 'f'])
    assert.ok((await mfs.stat('/d2')).cid.equals((await mfs.stat('/d')).cid), 'a copy is the same DAG')
    await assert.rejects(mfs.cp('/f', '/d/f'), { name: 'MfsExistsError' })
    await assert.rejects(mfs.cp('/nope', '/x'), { name: 'MfsNotFoundError' })
    await assert.rejects(mfs.cp('/f', '/p/q/r'), { name: 'MfsNotFoundError' })
    await mfs.cp('/f', '/p/q/r', { parents: true })
    assert.equal((await collect(await mfs.read('/p/q/r'))).toString(), 'file f')

    await mfs.mv('/p/q/r', '/p/renamed')
    assert.deepEqual((await mfs.ls('/p')).map((e) => e.name), ['q', 'renamed'])
    await mfs.mv('/p/renamed', '/d')
    assert.equal((await collect(await mfs.read('/d/renamed'))).toString(), 'file f', 'onto a directory: into it')
    await mfs.write('/other', pieces('other'), { create: true })
    await mfs.mv('/other', '/d/renamed')
    assert.equal((await collect(await mfs.read('/d/renamed'))).toString(), 'other', 'onto a file: replaces it')
    await assert.rejects(mfs.stat('/other'), { name: 'MfsNotFoundError' })
    const before = await mfs.root()
    await mfs.mv('/d', '/d')
    await mfs.mv('/d/f', '/d/')
    assert.ok((await mfs.root()).equals(before), 'moving onto itself changes nothing')
    await assert.rejects(mfs.mv('/d', '/d/e/inside'), { name: 'MfsInvalidTargetError' })
    await assert.rejects(mfs.mv('/d', '/d/e'), { name: 'MfsInvalidTargetError' })
    await assert.rejects(mfs.mv('/', '/x'), { name: 'MfsInvalidTargetError' })
    await assert.rejects(mfs.mv('/nope', '/x'), { name: 'MfsNotFoundError' })
    await mfs.write('/d2/e/f', pieces('taken'), { create: true })
    await assert.rejects(mfs.mv('/f', '/d2/e'), { name: 'MfsExistsError' }, 'moving into a directory that has the name already')
    await mfs.mv('/d2/e', '/')
    assert.deepEqual((await mfs.ls('/e')).map((e) => e.name), ['f', 'g'])

    await assert.rejects(mfs.rm('/d'), { name: 'MfsIsADirectoryError' })
    await assert.rejects(mfs.rm('/d/e'), { name: 'MfsIsADirectoryError' }, 'even an empty directory needs -r, as in Kubo')
    await mfs.rm('/d/e', { recursive: true })
    await mfs.rm('/d', { force: true })
    await mfs.rm('/f')
    await assert.rejects(mfs.rm('/f'), { name: 'MfsNotFoundError' })
    await assert.rejects(mfs.rm('/'), { name: 'MfsInvalidTargetError' })
    await assert.rejects(mfs.rm('/f/x'), { name: 'MfsNotFoundError' })
    assert.deepEqual((await mfs.ls('/')).map((e) => e.name), ['d2', 'e', 'p'])
  } finally {
    await cleanup()
  }
})

test('chcid re-addresses one directory; without options it changes nothing', async () => {
  const { mfs, cleanup } = await mfsRepo()
  try {
    await mfs.mkdir('/a/b', { parents: true })
    const before = await mfs.root()
    assert.ok((await mfs.chcid('/a')).equals(before))
    await mfs.chcid('/a', { cidVersion: 1 })
    assert.equal((await mfs.stat('/a')).cid.version, 1)
    assert.equal((await mfs.stat('/a/b')).cid.version, 0, 'children keep their own prefix')
    assert.equal((await mfs.root()).version, 0)
    await mfs.write('/a/file', pieces('x'), { create: true })
    assert.equal((await mfs.stat('/a/file')).cid.version, 1, 'a new file takes its directory\'s prefix')
    await assert.rejects(mfs.chcid('/a/file', { cidVersion: 1 }), { name: 'MfsNotADirectoryError' })
    await assert.rejects(mfs.chcid('/missing', { cidVersion: 1 }), { name: 'MfsNotFoundError' })
  } finally {
    await cleanup()
  }
})

test('concurrent edits are applied one after another, none lost; a read keeps its snapshot', async () => {
  const { mfs, cleanup } = await mfsRepo()
  try {
    await mfs.write('/snap', pieces('before'), { create: true })
    const reading = await mfs.read('/snap')
    await Promise.all([
      ...Array.from({ length: 20 }, async (_, i) => await mfs.write(`/many/f${i}`, pieces(`file ${i}`), { create: true, parents: true })),
      mfs.write('/snap', pieces('after!'), { offset: 0 }),
      mfs.mkdir('/many/sub', { parents: true }),
      mfs.rm('/nothing-here').catch(() => 'refused')
    ])
    assert.equal((await mfs.ls('/many')).length, 21)
    for (let i = 0; i < 20; i++) assert.equal((await collect(await mfs.read(`/many/f${i}`))).toString(), `file ${i}`)
    assert.equal((await collect(reading)).toString(), 'before', 'a read started before an edit sees the old bytes')
    assert.equal((await collect(await mfs.read('/snap'))).toString(), 'after!')
  } finally {
    await cleanup()
  }
})
