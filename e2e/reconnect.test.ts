// Losing the daemon: the page shows the "disconnected — reconnecting"
// banner, and when the daemon is back it recovers by itself, without a
// reload (a value set on the window survives). A daemon killed mid-import
// leaves a clear error on the import and nothing half-added.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { planetaryOk, tempDir } from '../node-core/test/helpers/cli.ts'
import { runDaemon, startTestDaemon } from '../node-core/test/helpers/daemon.ts'
import { startUiDaemon } from './helpers/app.ts'
import { launchChromium } from './helpers/browser.ts'
import { dropPaths, openUi, screenshot, waitOnline } from './helpers/ui.ts'
import type { Browser } from 'playwright-core'
import type { TestDaemon } from '../node-core/test/helpers/daemon.ts'
import type { UiDaemon } from './helpers/app.ts'

describe('the daemon goes away and comes back', () => {
  let daemon: UiDaemon
  let again: TestDaemon | undefined
  let browser: Browser
  before(async () => {
    daemon = await startUiDaemon()
    browser = await launchChromium()
  })
  after(async () => {
    await browser?.close()
    await again?.stop()
    await daemon?.stop()
  })

  test('banner while it is gone; the same page recovers when it returns', async () => {
    const page = await openUi(browser, daemon)
    await page.evaluate(() => { (window as unknown as { marker: string }).marker = 'same page' })
    const closed = new Promise((resolve) => daemon.child.once('close', resolve))
    daemon.child.kill('SIGTERM')
    await closed
    await page.getByTestId('disconnected-banner').waitFor({ timeout: 10_000 })
    await screenshot(page, 'disconnected')

    // The daemon returns on the port the page knows.
    await planetaryOk(daemon.repo, ['config', 'Addresses.API', `/ip4/127.0.0.1/tcp/${new URL(daemon.origin).port}`])
    again = await runDaemon(daemon.repo, ['daemon'])
    await waitOnline(page, 20_000)
    assert.equal(await page.getByTestId('disconnected-banner').count(), 0)
    // The stores' connection hooks ran again (their events and polls were undone with the old connection):
    // a peer that connects now reaches the top bar without a reload.
    const peer = await startTestDaemon()
    try {
      await planetaryOk(daemon.repo, ['swarm', 'connect', peer.addresses.find((a) => a.includes('/tcp/') && !a.includes('/ws')) ?? ''])
      await page.getByTestId('node-badge').filter({ hasText: '1 peer' }).waitFor({ timeout: 15_000 })
    } finally {
      await peer.stop()
    }
    assert.equal(await page.evaluate(() => (window as unknown as { marker?: string }).marker), 'same page')
    assert.equal(await page.getByTestId('nav-files').count(), 1)
  })

  test('the daemon stopping mid-import leaves a clear error on the import, and nothing half-added', async () => {
    const dir = await tempDir('planetary-e2e-')
    const server = await startUiDaemon()
    try {
      const page = await openUi(browser, server)
      const big = join(dir.path, 'movie.mkv')
      await writeFile(big, '')
      await truncate(big, 800 * 1024 * 1024)
      await dropPaths(page, [big])
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="import-item"] [role="progressbar"]')?.getAttribute('aria-valuenow') ?? 0) >= 3, undefined, { timeout: 60_000, polling: 50 })
      server.child.kill('SIGKILL')
      const item = page.getByTestId('import-item').filter({ hasText: 'movie.mkv' })
      await page.waitForFunction(() => document.querySelector('[data-testid="import-item"]')?.getAttribute('data-status') === 'failed', undefined, { timeout: 20_000 })
      assert.match(await item.innerText(), /went away/i)
      await screenshot(page, 'import-node-gone')
      // The node comes back with the repo as it was: nothing in Files, nothing pinned.
      const back = await runDaemon(server.repo, ['daemon'])
      try {
        const { stdout } = await planetaryOk(server.repo, ['files', 'ls', '/'])
        assert.equal(stdout.trim(), '')
        assert.equal((await planetaryOk(server.repo, ['pin', 'ls', '--type=recursive', '-q'])).stdout.trim(), '')
        await planetaryOk(server.repo, ['repo', 'verify'])
      } finally {
        await back.stop()
      }
    } finally {
      await server.stop()
      await dir.cleanup()
    }
  })

  test('without a token, the page says how to open the right address', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${daemon.origin}/webui/`)
    const heading = page.getByRole('heading', { level: 1 })
    await heading.waitFor()
    assert.match(await heading.innerText(), /Open the web UI from your node/)
    assert.match(await page.locator('main').innerText(), /WebUI: http:\/\/127\.0\.0\.1:5001\/webui\/#token=/)
    await context.close()
  })
})
