// The `files` verbs through the real CLI, on a repo and through a running
// daemon; GC keeps what the Files tree holds even when nothing pins it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { freshRepo, planetary, planetaryOk } from '../helpers/cli.ts'
import { startTestDaemon } from '../helpers/daemon.ts'

async function exercise (repo: string): Promise<void> {
  await planetaryOk(repo, ['files', 'mkdir', '-p', '/docs/notes'])
  await planetaryOk(repo, ['files', 'write', '-e', '/docs/notes/a.txt'], 'hello files\n')
  await planetaryOk(repo, ['files', 'write', '-o', '6', '/docs/notes/a.txt'], 'FILES')
  assert.equal((await planetaryOk(repo, ['files', 'read', '/docs/notes/a.txt'])).stdout, 'hello FILES\n')
  assert.equal((await planetaryOk(repo, ['files', 'read', '-o', '6', '-n', '3', '/docs/notes/a.txt'])).stdout, 'FIL')
  const unpinned = (await planetaryOk(repo, ['add', '-Q', '--pin=false'], 'kept by the Files tree\n')).stdout.trim()
  await planetaryOk(repo, ['files', 'cp', `/ipfs/${unpinned}`, '/docs/kept.txt'])
  await planetaryOk(repo, ['files', 'mv', '/docs/notes/a.txt', '/docs/b.txt'])
  assert.deepEqual((await planetaryOk(repo, ['files', 'ls', '/docs'])).stdout.trim().split('\n'), ['b.txt', 'kept.txt', 'notes'])
  const stat = JSON.parse((await planetaryOk(repo, ['files', 'stat', '--enc', 'json', '/docs/b.txt'])).stdout) as { Size: number, Type: string }
  assert.deepEqual([stat.Size, stat.Type], [12, 'file'])
  const missing = await planetary(repo, ['files', 'read', '/nope'])
  assert.notEqual(missing.code, 0)
  assert.match(missing.stderr, /MfsNotFound|does not exist|not exist/i)
  const notEmpty = await planetary(repo, ['files', 'rm', '/docs'])
  assert.match(notEmpty.stderr, /directory|-r/)
  await planetaryOk(repo, ['files', 'rm', '-r', '/docs/notes'])
  const root = (await planetaryOk(repo, ['files', 'flush'])).stdout.trim()
  assert.equal((await planetaryOk(repo, ['files', 'stat', '--hash', '/'])).stdout.trim(), root)
  await planetaryOk(repo, ['repo', 'gc'])
  assert.equal((await planetaryOk(repo, ['cat', unpinned])).stdout, 'kept by the Files tree\n', 'GC keeps what the Files tree holds')
  assert.equal((await planetaryOk(repo, ['files', 'read', '/docs/b.txt'])).stdout, 'hello FILES\n')
}

test('files verbs on a repo', async () => {
  const { repo, cleanup } = await freshRepo()
  try {
    await exercise(repo)
  } finally {
    await cleanup()
  }
})

test('files verbs through a running daemon', async () => {
  const daemon = await startTestDaemon()
  try {
    await exercise(daemon.repo)
  } finally {
    await daemon.stop()
  }
})
