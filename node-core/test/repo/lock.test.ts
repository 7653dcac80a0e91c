import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { LOCK_FILE, lockRepo } from '../../src/repo/lock.ts'
import { RepoLockedError } from '../../src/repo/errors.ts'
import { initRepo, openRepo } from '../../src/repo/repo.ts'
import { tempDir } from '../helpers/cli.ts'

test('a held lock keeps a second owner out with RepoLockedError, and release frees it', async () => {
  const dir = await tempDir()
  try {
    const lock = await lockRepo(dir.path)
    await assert.rejects(lockRepo(dir.path), (err: Error) => err instanceof RepoLockedError && err.message.includes(String(process.pid)))
    await lock.release()
    const again = await lockRepo(dir.path)
    await again.release()
    assert.deepEqual(await readdir(dir.path), [])
  } finally {
    await dir.cleanup()
  }
})

test('a lock left by a dead process is recovered', async () => {
  const dir = await tempDir()
  try {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    await writeFile(join(dir.path, LOCK_FILE), `${dead} deadbeef\n`)
    const lock = await lockRepo(dir.path)
    assert.match(await readFile(join(dir.path, LOCK_FILE), 'utf8'), new RegExp(`^${process.pid} `))
    await lock.release()
    assert.deepEqual(await readdir(dir.path), [])
  } finally {
    await dir.cleanup()
  }
})

test('releasing a lock that another owner has since taken leaves theirs alone', async () => {
  const dir = await tempDir()
  try {
    const lock = await lockRepo(dir.path)
    await writeFile(join(dir.path, LOCK_FILE), `${process.pid} someone-else\n`)
    await lock.release()
    assert.equal(await readFile(join(dir.path, LOCK_FILE), 'utf8'), `${process.pid} someone-else\n`)
  } finally {
    await dir.cleanup()
  }
})

test('openRepo recovers a repo whose lock a crashed process left, and holds it', async () => {
  const dir = await tempDir()
  try {
    const path = join(dir.path, 'repo')
    await initRepo(path, 'test')
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    await writeFile(join(path, LOCK_FILE), `${dead} deadbeef\n`)
    const repo = await openRepo(path)
    assert.match(await readFile(join(path, LOCK_FILE), 'utf8'), new RegExp(`^${process.pid} `))
    await assert.rejects(openRepo(path), RepoLockedError)
    await repo.close()
    assert.ok(!(await readdir(path)).includes(LOCK_FILE))
  } finally {
    await dir.cleanup()
  }
})
