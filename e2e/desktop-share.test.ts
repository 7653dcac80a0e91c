// Sending to a coworker through the desktop app on the stand-in runtime
// (e2e/electron-standin): the app's own node and a plain daemon on
// loopback. A file dropped on the daemon's card in the desktop window is
// offered, the daemon accepts (its CLI), the window shows it delivered and
// the app notifies; the daemon sends to the app: the stand-in records the
// app's notification, the window's prompt accepts, the file lands in the
// app's inbox folder and the app notifies again. Last, quitting while the
// daemon downloads from the app asks first: Keep running keeps the app
// (the download completes), Quit quits; where the desktop has no tray,
// closing the window asks the same. The daemon is held mid-download with
// SIGSTOP (connected, its download accepted and not receipted), so
// "downloading" lasts as long as the test needs.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { freshRepo, planetaryOk, tempDir } from '../node-core/test/helpers/cli.ts'
import { startTestDaemon } from '../node-core/test/helpers/daemon.ts'
import { launchStandin } from './electron-standin/harness.ts'
import { configureShare, connect, deviceCard, dropOn, offerPrompt, openDevices, openTransfers, shareJson, transferRow } from './helpers/share.ts'
import { screenshot, waitOnline } from './helpers/ui.ts'
import type { Locator, Page } from 'playwright-core'
import type { StandinApp, StandinRecord } from './electron-standin/harness.ts'
import type { TestDaemon } from '../node-core/test/helpers/daemon.ts'

const DESKTOP = 'Desk app'
const DANA = 'Dana desk'

interface Item { id: string, name: string, state: string, direction: 'in' | 'out' }

async function until<T> (what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}

/** The desktop app on the stand-in and a plain daemon, connected, each with a device name and an inbox folder. */
class DesktopAndDaemon {
  dir!: Awaited<ReturnType<typeof tempDir>>
  repo!: Awaited<ReturnType<typeof freshRepo>>
  dana!: TestDaemon
  app!: StandinApp
  page!: Page
  readonly inbox = { desktop: '', dana: '' }

  async start (env: Record<string, string> = {}): Promise<void> {
    this.dir = await tempDir('planetary-e2e-desktop-share-')
    this.inbox.desktop = join(this.dir.path, 'desktop-inbox')
    this.inbox.dana = join(this.dir.path, 'dana-inbox')
    this.repo = await freshRepo()
    await configureShare(this.repo.repo, { name: DESKTOP, inbox: this.inbox.desktop })
    this.dana = await startTestDaemon(async (danaRepo) => { await configureShare(danaRepo, { name: DANA, inbox: this.inbox.dana }) })
    this.app = await launchStandin({ repoPath: this.repo.repo, userData: join(this.dir.path, 'user-data'), env })
    this.page = await this.app.page()
    await waitOnline(this.page, 30_000)
    // Through the app's own API (its api file), as `planetary swarm connect` reaches any running node.
    await connect(this.repo, this.dana)
    await openDevices(this.page)
    await deviceCard(this.page, DANA).waitFor({ timeout: 20_000 })
  }

  async close (): Promise<void> {
    this.resume()
    await this.app?.close()
    await this.dana?.stop()
    await this.repo?.cleanup()
    await this.dir?.cleanup()
  }

  /** Drop `paths` on `card` in the desktop window: the stand-in learns their paths (as Electron's webUtils reads them), then Chromium drops them. */
  async dropOnCard (card: Locator, paths: string[]): Promise<void> {
    const files = await Promise.all(paths.map(async (path) => ({ path, name: basename(path), lastModified: (await stat(path)).mtimeMs })))
    await this.app.command('register-files', { files })
    await dropOn(card, paths)
  }

  /** The daemon's first received item called `name` in `state`. */
  async danaItem (name: string, state: string, timeoutMs = 30_000): Promise<Item> {
    return await until(`${DANA}'s item ${name} to be ${state}`, async () => (await shareJson<{ items: Item[] }>(this.dana.repo, ['share', 'inbox'])).items.find((i) => i.name === name && i.state === state), timeoutMs, 250)
  }

  /** `share.uploads` of the app's node, asked in its window. */
  async uploads (): Promise<Array<{ deviceName: string }>> {
    const reply = await this.page.evaluate(async () => await window.planetary?.call('share.uploads', {}).result)
    assert.equal(reply?.ok, true, JSON.stringify(reply))
    return (reply?.ok === true ? reply.output as { uploads: Array<{ deviceName: string }> } : { uploads: [] }).uploads
  }

  /**
   * Send 128 MiB of new content (blocks the daemon already holds are not
   * downloaded again) from the window to the daemon, accept it there, and
   * hold the daemon mid-download with SIGSTOP: connected, the download
   * accepted and not receipted, for as long as the test needs.
   */
  async holdDownload (name: string): Promise<void> {
    const file = join(this.dir.path, name)
    await writeFile(file, randomBytes(128 * 1024 * 1024))
    await this.dropOnCard(deviceCard(this.page, DANA), [file])
    const offered = await this.danaItem(name, 'waiting')
    await planetaryOk(this.dana.repo, ['share', 'accept', offered.id])
    // The app heard the answer (the item is sending), and the daemon's wants are open here.
    await transferRow(this.page, name, { to: DANA }, 'Sending').waitFor()
    await until('the daemon to download from the app', async () => (await this.uploads()).length > 0 ? true : undefined, 30_000, 10)
    process.kill(this.dana.child.pid ?? 0, 'SIGSTOP')
    assert.equal(await transferRow(this.page, name, { to: DANA }, 'Sending').count(), 1, 'held before the end')
  }

  /** Let the held daemon go on. */
  resume (): void {
    try {
      if (this.dana?.child.pid !== undefined) process.kill(this.dana.child.pid, 'SIGCONT')
    } catch {
      // already gone
    }
  }
}

/** The quit question as the stand-in recorded it (after record `from`). */
async function quitQuestion (app: StandinApp, from: number): Promise<StandinRecord> {
  const asked = await app.waitFor('dialog:message-box', (d) => String(d.message).includes('downloading'), { from })
  assert.equal(asked.data.message, `${DANA} is still downloading from you. Quit anyway?`)
  assert.match(String(asked.data.detail), /^\d+(\.\d)? [KMG]?B sent so far\. Quitting interrupts the download; it resumes by itself when Planetary runs again\.$/)
  assert.deepEqual(asked.data.buttons, ['Quit', 'Keep running'])
  return asked
}

describe('send to a coworker from the desktop app', () => {
  const pair = new DesktopAndDaemon()
  let dir: DesktopAndDaemon['dir']
  let dana: TestDaemon
  let app: StandinApp
  let page: Page
  const inbox = pair.inbox

  before(async () => {
    await pair.start()
    ;({ dir, dana, app, page } = pair)
  })
  after(async () => { await pair.close() })

  test('a file dropped on the daemon\'s card is offered; the daemon accepts; the window shows it delivered and the app notifies', async () => {
    const file = join(dir.path, 'budget 2027.xlsx')
    const bytes = randomBytes(3 * 1024 * 1024 + 5)
    await writeFile(file, bytes)
    await openTransfers(page, 'Sent')
    const from = app.records.length

    await pair.dropOnCard(deviceCard(page, DANA), [file])
    await transferRow(page, 'budget 2027.xlsx', { to: DANA }).waitFor({ timeout: 30_000 })
    const offered = await pair.danaItem('budget 2027.xlsx', 'waiting')
    await planetaryOk(dana.repo, ['share', 'accept', offered.id])
    await transferRow(page, 'budget 2027.xlsx', { to: DANA }, 'Delivered').waitFor({ timeout: 60_000 })
    await pair.danaItem('budget 2027.xlsx', 'done')
    assert.ok((await readFile(join(inbox.dana, 'budget 2027.xlsx'))).equals(bytes), 'byte-identical in the daemon\'s inbox folder')

    const notice = await app.waitFor('notification', (d) => String(d.title).startsWith('Delivered'), { from })
    assert.deepEqual(notice.data, { title: `Delivered budget 2027.xlsx to ${DANA}`, body: 'Their receipt was checked: every byte arrived.' })
    assert.equal(app.records.slice(from).filter((r) => r.kind === 'notification').length, 1, 'one notification: the delivery')
    await screenshot(page, 'desktop-share-sent')
  })

  test('the daemon sends to the app: a notification, Accept in the window, the file in the app\'s inbox folder, and a notification it arrived', async () => {
    const file = join(dir.path, 'site photos.tar')
    const bytes = randomBytes(5 * 1024 * 1024 + 3)
    await writeFile(file, bytes)
    await openTransfers(page, 'Inbox')
    const from = app.records.length

    await shareJson(dana.repo, ['share', 'send', DESKTOP, file])
    const offer = await app.waitFor('notification', (d) => String(d.title).includes('wants to send you'), { from })
    assert.deepEqual(offer.data, { title: `${DANA} wants to send you site photos.tar (5.2 MB)`, body: 'Open Planetary to accept or decline.' })
    const prompt = offerPrompt(page, DANA)
    await prompt.waitFor({ timeout: 15_000 })
    await screenshot(page, 'desktop-share-offer')
    await prompt.getByRole('button', { name: 'Accept', exact: true }).click()

    const received = transferRow(page, 'site photos.tar', { from: DANA }, 'Received')
    await received.waitFor({ timeout: 60_000 })
    assert.match(await received.innerText(), /Verified/)
    assert.deepEqual(await readdir(inbox.desktop), ['site photos.tar'])
    assert.ok((await readFile(join(inbox.desktop, 'site photos.tar'))).equals(bytes), 'byte-identical in the app\'s inbox folder')
    const done = await app.waitFor('notification', (d) => String(d.title).startsWith('Received'), { from })
    assert.deepEqual(done.data, { title: `Received site photos.tar from ${DANA}`, body: `Saved to ${join(inbox.desktop, 'site photos.tar')}` })
    assert.equal(app.records.slice(from).filter((r) => r.kind === 'notification').length, 2, 'the offer and the arrival')
    await screenshot(page, 'desktop-share-received')
  })

  test('quitting while the daemon downloads from the app asks first: Keep running keeps it, Quit quits', async () => {
    await openTransfers(page, 'Sent')

    await pair.holdDownload('raw footage.mov')
    let from = app.records.length
    await app.clickMenu('Quit Planetary')
    const asked = await quitQuestion(app, from)
    assert.equal(asked.data.response, 1, 'dismissed: Keep running')
    await screenshot(page, 'desktop-share-quit-kept')
    const info = await page.evaluate(async () => await window.planetary?.call('node.info', {}).result)
    assert.equal(info?.ok, true, 'the app runs on')
    assert.equal(app.records.slice(from).some((r) => r.kind === 'app:exit'), false)

    pair.resume()
    await transferRow(page, 'raw footage.mov', { to: DANA }, 'Delivered').waitFor({ timeout: 120_000 })
    await pair.danaItem('raw footage.mov', 'done')

    await pair.holdDownload('second take.mov')
    from = app.records.length
    await app.command('answer-dialogs', { messageBox: [0] })
    await app.clickMenu('Quit Planetary')
    assert.equal((await quitQuestion(app, from)).data.response, 0)
    const exit = await app.waitFor('app:exit', undefined, { from })
    assert.equal(exit.data.code, 0)
    await app.allExited()
    pair.resume()
    // The receiver keeps what it verified and waits for the app to come back (paused once the sender is gone for STALL_MS).
    const paused = await pair.danaItem('second take.mov', 'paused', 60_000)
    assert.equal(paused.direction, 'in')
  })
})

describe('where the desktop has no tray, closing the window while the daemon downloads asks first', () => {
  const pair = new DesktopAndDaemon()
  before(async () => { await pair.start({ PLANETARY_STANDIN_NO_TRAY: '1' }) })
  after(async () => { await pair.close() })

  test('Keep running keeps the window open and the app running; once delivered, closing quits without asking', async () => {
    const { app, page } = pair
    await openTransfers(page, 'Sent')
    await pair.holdDownload('site survey.mov')
    let from = app.records.length
    const kept = await app.command('close-window') as { destroyed: boolean, visible: boolean }
    assert.equal((await quitQuestion(app, from)).data.response, 1, 'dismissed: Keep running')
    assert.deepEqual(kept, { destroyed: false, visible: true }, 'the window stays')
    const info = await page.evaluate(async () => await window.planetary?.call('node.info', {}).result)
    assert.equal(info?.ok, true, 'the app runs on')

    pair.resume()
    await transferRow(page, 'site survey.mov', { to: DANA }, 'Delivered').waitFor({ timeout: 120_000 })
    from = app.records.length
    await app.command('close-window')
    const exit = await app.waitFor('app:exit', undefined, { from })
    assert.equal(exit.data.code, 0)
    assert.equal(app.records.slice(from).some((r) => r.kind === 'dialog:message-box'), false, 'nobody downloads: no question')
    await app.allExited()
  })
})
