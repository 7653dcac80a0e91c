// A repo on a disk that refuses: real tmpfs mounts (a read-only one, and a
// 4 MiB one that an import fills), so every errno comes from the kernel.
// Opening or creating the repo there is a named error saying where and why;
// an import that fills the disk fails by name through the API, the node
// keeps answering, and nothing of the failed import is pinned or in Files.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { createClient } from '../../src/api/client.ts'
import { inProcessTransport } from '../../src/api/in-process.ts'
import { createNodeApi } from '../../src/api/node-api.ts'
import { createNode } from '../../src/node.ts'
import { diskError } from '../../src/repo/disk-errors.ts'
import { DiskFullError, RepoPermissionError, RepoReadOnlyError } from '../../src/repo/errors.ts'
import { initRepo, openRepo } from '../../src/repo/repo.ts'
import { planetary, tempDir } from '../helpers/cli.ts'
import type { ApiClient } from '../../src/api/client.ts'
import type { PlanetaryNode } from '../../src/node.ts'
import type { Repo } from '../../src/repo/repo.ts'

/** Run `mount`/`umount` with `args`; the reason it failed, or undefined. */
function run (command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' })
  if (result.error !== undefined) return result.error.message
  return result.status === 0 ? undefined : `${command} ${args.join(' ')}: ${result.stderr.trim()}`
}

/** A rejection's name, code and message. */
async function failure (call: Promise<unknown>): Promise<{ name: string, code: string, message: string }> {
  try {
    await call
  } catch (err) {
    const e = err as { name: string, code: string, message: string }
    return { name: e.name, code: e.code, message: e.message }
  }
  assert.fail('the call should have failed')
}

describe('a repo on a disk that refuses', () => {
  let base: { path: string, cleanup: () => Promise<void> }
  const mounted: string[] = []
  /** Why mounts cannot be made here, when they cannot. */
  let cannotMount: string | undefined
  const mount = (args: string[], target: string): void => {
    const failed = run('mount', [...args, target])
    if (failed !== undefined) throw new Error(failed)
    mounted.unshift(target)
  }

  before(async () => {
    base = await tempDir('planetary-disk-')
    const probe = join(base.path, 'probe')
    await mkdir(probe)
    cannotMount = run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe])
    if (cannotMount === undefined) run('umount', [probe])
    else console.warn(`SKIPPING the disk tests: this process may not mount a tmpfs (${cannotMount})`)
  })
  after(async () => {
    for (const target of mounted) {
      if (run('umount', [target]) !== undefined) run('umount', ['-l', target])
    }
    await base.cleanup()
  })

  test('initRepo and openRepo on a read-only file system are RepoReadOnlyError naming the path', async (t) => {
    if (cannotMount !== undefined) return t.skip(`mount is not permitted: ${cannotMount}`)
    const ro = join(base.path, 'ro')
    await mkdir(ro)
    mount(['-t', 'tmpfs', '-o', 'ro', 'tmpfs'], ro)
    for (const dir of [ro, join(ro, 'repo')]) {
      const err = await failure(initRepo(dir, 'test'))
      assert.equal(err.name, 'RepoReadOnlyError', dir)
      assert.equal(err.code, 'ERR_REPO_READ_ONLY')
      assert.ok(err.message.includes(dir) && err.message.includes('read-only'), err.message)
    }

    // A repo that was writable when made, and whose disk is now mounted read-only.
    const made = join(base.path, 'made')
    await initRepo(made, 'test')
    const frozen = join(base.path, 'frozen')
    await mkdir(frozen)
    mount(['--bind', made], frozen)
    const remounted = run('mount', ['-o', 'remount,bind,ro', frozen])
    assert.equal(remounted, undefined)
    const err = await failure(openRepo(frozen))
    assert.equal(err.name, 'RepoReadOnlyError')
    assert.ok(err.message.includes(frozen) && err.message.includes('read-only'), err.message)
    const again = await openRepo(made)
    await again.close()

    const cli = await planetary(frozen, ['daemon'])
    assert.equal(cli.code, 1)
    assert.match(cli.stderr, /^Error: .*read-only file system/m)
    assert.doesNotMatch(cli.stderr, /\n\s+at /, 'no stack trace')
  })

  test('a record in a new namespace, a block, and a nested repo, on a disk remounted read-only after open, are RepoReadOnlyError, not ENOENT', async (t) => {
    if (cannotMount !== undefined) return t.skip(`mount is not permitted: ${cannotMount}`)
    const made = join(base.path, 'made-late')
    await initRepo(made, 'test')
    const late = join(base.path, 'late')
    await mkdir(late)
    mount(['--bind', made], late)
    const repo = await openRepo(late)
    assert.equal(run('mount', ['-o', 'remount,bind,ro', late]), undefined)
    try {
      const bytes = new TextEncoder().encode('refused')
      const cid = CID.createV1(raw.code, await sha256.digest(bytes))
      const writes = [
        async () => { await repo.records('late').put('name', 'value') },
        async () => { await repo.blockstore.put(cid, bytes) },
        async () => await initRepo(join(late, 'nested', 'repo'), 'test')
      ]
      for (const write of writes) {
        const err = await failure(write())
        assert.equal(err.name, 'RepoReadOnlyError', err.message)
        assert.ok(err.message.includes(late) && err.message.includes('read-only'), err.message)
      }
    } finally {
      assert.equal(run('mount', ['-o', 'remount,bind,rw', late]), undefined)
      await repo.close()
    }
  })

  describe('an import that fills the disk', () => {
    let repo: Repo
    let node: PlanetaryNode
    let client: ApiClient
    let files: { path: string, cleanup: () => Promise<void> }

    before(async () => {
      files = await tempDir('planetary-disk-files-')
      if (cannotMount !== undefined) return
      const small = join(base.path, 'small')
      await mkdir(small)
      mount(['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs'], small)
      await initRepo(join(small, 'repo'), 'test')
      repo = await openRepo(join(small, 'repo'))
      node = await createNode(repo)
      await node.start()
      client = createClient(inProcessTransport(createNodeApi(node)))
    })
    after(async () => {
      await client?.close()
      await node?.stop()
      await repo?.close()
      await files.cleanup()
    })

    test('fails with DiskFullError through the API; the node answers; nothing of it is pinned or in Files; after GC, imports work again', async (t) => {
      if (cannotMount !== undefined) return t.skip(`mount is not permitted: ${cannotMount}`)
      const kept = join(files.path, 'kept.txt')
      await writeFile(kept, 'fits on the disk')
      await client.files.add({ paths: [kept], to: '/drops' })
      const pinsBefore = await client.pins.ls()
      const filesBefore = await client.files.ls({ path: '/drops' })

      const big = join(files.path, 'big.bin')
      await writeFile(big, randomBytes(6 * 1024 * 1024))
      let progressed = 0
      const err = await failure(client.files.add({ paths: [big], to: '/drops' }, { onProgress: (p) => { progressed = p.bytes } }))
      assert.equal(err.name, 'DiskFullError', err.message)
      assert.equal(err.code, 'ERR_DISK_FULL')
      assert.ok(err.message.includes(repo.path) && err.message.includes('no space left'), err.message)
      assert.ok(progressed > 0, 'the import had started')

      assert.equal((await client.node.info()).peerId, node.host.peerId.toString(), 'the node still answers')
      assert.deepEqual(await client.pins.ls(), pinsBefore, 'nothing of the failed import is pinned')
      assert.deepEqual(await client.files.ls({ path: '/drops' }), filesBefore, 'nor placed in Files')

      const gc = await client.repo.gc()
      assert.ok(gc.removed > 0, 'the failed import\'s blocks are garbage')
      const next = join(files.path, 'next.bin')
      await writeFile(next, randomBytes(1024 * 1024))
      const added = await client.files.add({ paths: [next], to: '/drops' })
      assert.deepEqual((await client.files.ls({ path: '/drops' })).entries.map((e) => e.name), ['kept.txt', 'next.bin'])
      assert.ok((await client.pins.ls()).pins.some((p) => p.cid === added.entries[0]?.cid))
    })
  })
})

test('diskError names ENOSPC, EDQUOT, EROFS, EACCES and EPERM, wherever the errno is kept, and leaves the rest alone', () => {
  const errno = (code: string): Error => Object.assign(new Error(`${code}: refused, open '/x'`), { code })
  assert.ok(diskError(errno('ENOSPC'), '/r') instanceof DiskFullError)
  assert.ok(diskError(errno('EDQUOT'), '/r') instanceof DiskFullError)
  assert.ok(diskError(errno('EROFS'), '/r') instanceof RepoReadOnlyError)
  assert.ok(diskError(errno('EACCES'), '/r') instanceof RepoPermissionError)
  assert.ok(diskError(errno('EPERM'), '/r') instanceof RepoPermissionError)
  assert.ok(diskError(new Error('Error: ENOSPC: no space left on device, open \'/r/datastore/x\''), '/r') instanceof DiskFullError, 'datastore-fs keeps the errno in its message only')
  const other = errno('ENOENT')
  assert.equal(diskError(other, '/r'), other)
  const named = diskError(errno('ENOSPC'), '/r')
  assert.equal(diskError(named, '/other'), named, 'a named error is not named again')
  assert.equal(diskError('text', '/r'), 'text')
})
