// Attaching to a real `planetary daemon` (a child process over loopback):
// with its lock held, the app gets the daemon's NodeApi over its WebSocket
// bridge, and a file added through it has the CID the CLI gives; progress,
// events and cancel cross; the daemon stopping is seen. A daemon that is
// gone, crashed or hung is DaemonNotReachableError, and a crashed one's lock
// is recovered by openRepo.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { dispatch } from '../../node-core/src/api/dispatch.ts'
import { openRepo } from '../../node-core/src/repo/repo.ts'
import { planetaryOk, tempDir } from '../../node-core/test/helpers/cli.ts'
import { startTestDaemon } from '../../node-core/test/helpers/daemon.ts'
import { waitFor } from '../../node-core/test/helpers/nodes.ts'
import { attachDaemon } from '../src/attach.ts'
import { DaemonNotReachableError } from '../src/attach-errors.ts'
import type { AttachedDaemon } from '../src/attach.ts'
import type { TestDaemon } from '../../node-core/test/helpers/daemon.ts'
import type { NodeApi } from '../../node-core/src/api/node-api.ts'

/** Call `method` on `api` as the IPC binding does. */
async function call (api: NodeApi, method: string, input: unknown, options: { signal?: AbortSignal, progress?: (p: unknown) => void } = {}): Promise<unknown> {
  return await dispatch(api.methods, method, input, { signal: options.signal ?? new AbortController().signal, progress: options.progress ?? (() => {}) })
}

/** A rejection's name, code and message. */
async function failure (promise: Promise<unknown>): Promise<{ name: string, code: string, message: string }> {
  try {
    await promise
  } catch (err) {
    const e = err as { name: string, code: string, message: string }
    return { name: e.name, code: e.code, message: e.message }
  }
  assert.fail('the call should have failed')
}

test('DaemonNotReachableError names itself', () => {
  const err = new DaemonNotReachableError('m')
  assert.equal(err.name, DaemonNotReachableError.name)
  assert.equal(err.code, 'ERR_DAEMON_NOT_REACHABLE')
})

describe('attached to a running daemon', () => {
  let daemon: TestDaemon
  let attached: AttachedDaemon
  let files: { path: string, cleanup: () => Promise<void> }

  before(async () => {
    files = await tempDir('planetary-attach-')
    daemon = await startTestDaemon()
    attached = await attachDaemon(daemon.repo)
  })
  after(async () => {
    await attached?.close()
    await daemon?.stop()
    await files.cleanup()
  })

  test('the repo is locked by the daemon, and attaching gets its node.info', async () => {
    assert.equal((await failure(openRepo(daemon.repo))).name, 'RepoLockedError')
    assert.equal(attached.info.peerId, daemon.peerId)
    assert.equal(attached.info.repoPath, daemon.repo)
    assert.ok(attached.info.gatewayUrl?.startsWith('http://127.0.0.1:'), 'the daemon\'s gateway, for the window\'s CSP')
    const info = await call(attached.api, 'node.info', {}) as { peerId: string }
    assert.equal(info.peerId, daemon.peerId)
  })

  test('files.add of a real file gives the CLI\'s CID, with progress, and places it in Files', async () => {
    const path = join(files.path, 'report.bin')
    await writeFile(path, randomBytes(3 * 1024 * 1024 + 17))
    const progress: number[] = []
    const added = await call(attached.api, 'files.add', { paths: [path], to: '/attached' }, { progress: (p) => { progress.push((p as { bytes: number }).bytes) } }) as { entries: Array<{ cid: string }> }
    const cli = (await planetaryOk(daemon.repo, ['add', '-Q', path])).stdout.trim()
    assert.equal(added.entries[0]?.cid, cli)
    assert.ok(progress.length > 1, `progress arrived (${progress.length} events)`)
    assert.equal(progress.at(-1), 3 * 1024 * 1024 + 17)
    const listing = await call(attached.api, 'files.ls', { path: '/attached' }) as { entries: Array<{ name: string, cid: string }> }
    assert.deepEqual(listing.entries.map((e) => [e.name, e.cid]), [['report.bin', cli]])
  })

  test('the daemon\'s errors keep their name and code', async () => {
    const err = await failure(call(attached.api, 'files.stat', { path: '/no/such' }))
    assert.equal(err.name, 'MfsNotFoundError')
    assert.equal(err.code, 'ERR_MFS_NOT_FOUND')
  })

  test('events arrive from the daemon', async () => {
    let samples = 0
    const stop = attached.api.on('bandwidth:sample', (sample) => { if (sample.at > 0) samples++ })
    try {
      await waitFor(() => samples > 0, 5000, 'a bandwidth:sample from the daemon')
    } finally {
      stop()
    }
  })

  test('cancelling a call cancels it in the daemon', async () => {
    const nowhere = 'bafkreie7q3iidccmpvszul7kudcvvuavuo7u6gzlbobczuk5nqk3b4akba'
    const controller = new AbortController()
    const fetching = call(attached.api, 'files.fetch', { path: nowhere }, { signal: controller.signal })
    await waitFor(async () => (await planetaryOk(daemon.repo, ['bitswap', 'wantlist'])).stdout.includes(nowhere), 5000, 'the daemon to want the block')
    controller.abort()
    assert.equal((await failure(fetching)).name, 'CallCancelledError')
    await waitFor(async () => !(await planetaryOk(daemon.repo, ['bitswap', 'wantlist'])).stdout.includes(nowhere), 5000, 'the daemon to stop wanting it')
  })
})

describe('a daemon that goes away', () => {
  test('stopped: `gone` resolves, calls fail by name, and attaching again is DaemonNotReachableError', async () => {
    const daemon = await startTestDaemon()
    try {
      const attached = await attachDaemon(daemon.repo)
      let gone = false
      void attached.gone.then(() => { gone = true })
      await daemon.stop()
      await waitFor(() => gone, 5000, 'the attachment to see the daemon gone')
      assert.equal((await failure(call(attached.api, 'node.info', {}))).name, 'TransportClosedError')
      const again = await failure(attachDaemon(daemon.repo))
      assert.equal(again.name, 'DaemonNotReachableError')
      assert.match(again.message, /no api file/)
    } finally {
      await daemon.stop()
    }
  })

  test('closed by the app: `gone` does not resolve', async () => {
    const daemon = await startTestDaemon()
    try {
      const attached = await attachDaemon(daemon.repo)
      let gone = false
      void attached.gone.then(() => { gone = true })
      await attached.close()
      await new Promise((resolve) => setTimeout(resolve, 200))
      assert.equal(gone, false)
      assert.equal((await call((await attachDaemon(daemon.repo)).api, 'node.info', {}) as { peerId: string }).peerId, daemon.peerId, 'the daemon runs on')
    } finally {
      await daemon.stop()
    }
  })

  test('crashed: its api file and lock are left, attaching is DaemonNotReachableError, openRepo recovers the lock', async () => {
    const daemon = await startTestDaemon()
    try {
      const exited = new Promise((resolve) => daemon.child.once('exit', resolve))
      daemon.child.kill('SIGKILL')
      await exited
      assert.ok((await readdir(daemon.repo)).includes('api') && (await readdir(daemon.repo)).includes('repo.lock'), 'the crash left both behind')
      const err = await failure(attachDaemon(daemon.repo))
      assert.equal(err.name, 'DaemonNotReachableError')
      assert.match(err.message, /cannot be reached/)
      const repo = await openRepo(daemon.repo)
      await repo.close()
    } finally {
      await daemon.stop()
    }
  })

  test('hung: no answer within the time limit is DaemonNotReachableError', async () => {
    const daemon = await startTestDaemon()
    try {
      daemon.child.kill('SIGSTOP')
      const started = Date.now()
      const err = await failure(attachDaemon(daemon.repo, { timeoutMs: 500 }))
      assert.equal(err.name, 'DaemonNotReachableError')
      assert.match(err.message, /did not open in time/)
      assert.ok(Date.now() - started < 3000)
    } finally {
      daemon.child.kill('SIGCONT')
      await daemon.stop()
    }
  })
})
