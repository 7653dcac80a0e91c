// Losing the daemon: the page shows the "disconnected — reconnecting"
// banner, and when the daemon is back it recovers by itself, without a
// reload (a value set on the window survives).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { planetaryOk } from '../node-core/test/helpers/cli.ts'
import { runDaemon } from '../node-core/test/helpers/daemon.ts'
import { startUiDaemon } from './helpers/app.ts'
import { launchChromium } from './helpers/browser.ts'
import { openUi, screenshot, waitOnline } from './helpers/ui.ts'
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
    assert.equal(await page.evaluate(() => (window as unknown as { marker?: string }).marker), 'same page')
    assert.equal(await page.getByTestId('nav-files').count(), 1)
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
