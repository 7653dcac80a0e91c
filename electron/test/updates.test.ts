// Update checks: the policy (the environment, the kind of build and the
// user's choice, in that order), the saved choice read back (anything but a
// boolean is no choice), and the checks on a fake autoUpdater — one
// at start and one every 6 hours (mocked timers), failures logged and never
// thrown, a downloaded version announced once, nothing after stop.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { EventEmitter } from 'node:events'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setImmediate as flush } from 'node:timers/promises'
import { CHECK_INTERVAL_MS, readUpdateSetting, startUpdateChecks, updateNotice, updatePolicy } from '../src/updates.ts'
import type { AutoUpdaterLike, UpdateNotice } from '../src/updates.ts'
import type { AppUpdater, UpdateInfo } from 'electron-updater'

// electron-updater's own autoUpdater fits the narrow interface main.ts passes
// it as: were it not, this type would be never and the typecheck would fail.
type RealUpdaterFits = AppUpdater extends AutoUpdaterLike ? true : never
const fits: RealUpdaterFits = true

class FakeUpdater extends EventEmitter implements AutoUpdaterLike {
  checks = 0
  failWith: Error | undefined
  async checkForUpdates (): Promise<null> {
    this.checks++
    // As electron-updater's AppUpdater: a failed check emits 'error', then rejects.
    if (this.failWith !== undefined) {
      this.emit('error', this.failWith)
      throw this.failWith
    }
    return null
  }
}

function info (version: string): UpdateInfo {
  return { version, files: [], path: '', sha512: '', releaseDate: '2026-01-01T00:00:00.000Z' }
}

describe('updatePolicy', () => {
  const packaged = { isPackaged: true, env: {}, setting: true }

  it('is on for a packaged app whose user opted in', () => {
    assert.equal(fits, true)
    assert.deepEqual(updatePolicy(packaged), { enabled: true, reason: 'update checks on: at start and every 6 hours' })
  })

  it('is off, with the first reason, for each condition that fails', () => {
    const cases: Array<[Parameters<typeof updatePolicy>[0], RegExp]> = [
      [{ ...packaged, env: { PLANETARY_UPDATES: 'off' } }, /PLANETARY_UPDATES=off/],
      [{ ...packaged, env: { NODE_ENV: 'test' } }, /NODE_ENV=test/],
      [{ ...packaged, isPackaged: false }, /unpackaged/],
      [{ ...packaged, setting: undefined }, /not opted in/],
      [{ ...packaged, setting: false }, /not opted in/],
      [{ isPackaged: false, env: { PLANETARY_UPDATES: 'off', NODE_ENV: 'test' }, setting: undefined }, /PLANETARY_UPDATES=off/],
      [{ isPackaged: false, env: { NODE_ENV: 'test' }, setting: true }, /NODE_ENV=test/]
    ]
    for (const [input, reason] of cases) {
      const policy = updatePolicy(input)
      assert.equal(policy.enabled, false, JSON.stringify(input))
      assert.match(policy.reason, reason)
    }
  })

  it('ignores other values of PLANETARY_UPDATES and NODE_ENV', () => {
    assert.equal(updatePolicy({ ...packaged, env: { PLANETARY_UPDATES: 'on', NODE_ENV: 'production' } }).enabled, true)
  })
})

describe('readUpdateSetting', () => {
  it('reads a saved boolean, and nothing else', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'planetary-updates-'))
    t.after(async () => { await rm(dir, { recursive: true, force: true }) })
    const file = join(dir, 'updates.json')
    assert.equal(readUpdateSetting(file), undefined, 'no file')
    const cases: Array<[string, boolean | undefined]> = [
      ['{"checkForUpdates": true}', true],
      ['{"checkForUpdates": false}', false],
      ['{"checkForUpdates": "yes"}', undefined],
      ['{}', undefined],
      ['null', undefined],
      ['{"checkForUpdates": tru', undefined]
    ]
    for (const [text, expected] of cases) {
      await writeFile(file, text)
      assert.equal(readUpdateSetting(file), expected, text)
    }
  })
})

describe('startUpdateChecks', () => {
  it('checks at start and every 6 hours, until stopped', async (t) => {
    t.mock.timers.enable({ apis: ['setInterval'] })
    const updater = new FakeUpdater()
    const checks = startUpdateChecks({ updater, log: () => {}, notify: () => {} })
    assert.equal(updater.checks, 1, 'one check at start')
    t.mock.timers.tick(CHECK_INTERVAL_MS - 1)
    assert.equal(updater.checks, 1)
    t.mock.timers.tick(1)
    assert.equal(updater.checks, 2, 'again after 6 hours')
    t.mock.timers.tick(CHECK_INTERVAL_MS * 2)
    assert.equal(updater.checks, 4)
    checks.stop()
    t.mock.timers.tick(CHECK_INTERVAL_MS * 3)
    assert.equal(updater.checks, 4, 'none after stop')
  })

  it('logs a failed check once, and an error event, and throws neither', async () => {
    const updater = new FakeUpdater()
    updater.failWith = new Error('net::ERR_INTERNET_DISCONNECTED')
    const logs: string[] = []
    const checks = startUpdateChecks({ updater, log: (line) => { logs.push(line) }, notify: () => {} })
    await flush()
    await checks.check()
    updater.emit('error', new Error('the feed is unreachable'))
    checks.stop()
    assert.deepEqual(logs, [
      'updates: net::ERR_INTERNET_DISCONNECTED',
      'updates: net::ERR_INTERNET_DISCONNECTED',
      'updates: the feed is unreachable'
    ])
  })

  it('tells the user once per downloaded version', async () => {
    const updater = new FakeUpdater()
    const notified: UpdateNotice[] = []
    const checks = startUpdateChecks({ updater, log: () => {}, notify: (notice) => { notified.push(notice) } })
    updater.emit('update-downloaded', info('0.2.0'))
    updater.emit('update-downloaded', info('0.2.0'))
    updater.emit('update-downloaded', info('0.3.0'))
    checks.stop()
    assert.deepEqual(notified, [updateNotice('0.2.0'), updateNotice('0.3.0')])
    assert.deepEqual(updateNotice('0.2.0'), { title: 'Planetary update ready', body: 'Version 0.2.0 installs when you quit Planetary.' })
  })
})
