// Settings in the browser: a change reaches the repo's config (as
// `planetary config` reads it), and the theme toggles and survives a reload.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { planetaryOk } from '../node-core/test/helpers/cli.ts'
import { startUiDaemon } from './helpers/app.ts'
import { launchChromium } from './helpers/browser.ts'
import { openUi, waitOnline } from './helpers/ui.ts'
import type { Browser } from 'playwright-core'
import type { UiDaemon } from './helpers/app.ts'

describe('Settings in the browser', () => {
  let daemon: UiDaemon
  let browser: Browser
  before(async () => {
    daemon = await startUiDaemon()
    browser = await launchChromium()
  })
  after(async () => {
    await browser?.close()
    await daemon?.stop()
  })

  test('changing the DHT mode, mDNS and the storage cap reaches `planetary config`, and says a restart is needed', async () => {
    const page = await openUi(browser, daemon)
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('setting-Routing.Type').selectOption('dhtclient')
    await page.getByTestId('restart-needed').first().waitFor()
    assert.equal((await planetaryOk(daemon.repo, ['config', 'Routing.Type'])).stdout.trim(), 'dhtclient')

    const mdns = page.getByTestId('setting-Discovery.MDNS.Enabled')
    const before = (await planetaryOk(daemon.repo, ['config', 'Discovery.MDNS.Enabled'])).stdout.trim()
    await mdns.click()
    await waitFor(async () => (await planetaryOk(daemon.repo, ['config', 'Discovery.MDNS.Enabled'])).stdout.trim() !== before)

    const cap = page.getByTestId('setting-Datastore.StorageMax')
    await cap.fill('12 potatoes')
    await cap.press('Enter')
    await page.getByText(/potatoes|size/i).first().waitFor()
    assert.notEqual((await planetaryOk(daemon.repo, ['config', 'Datastore.StorageMax'])).stdout.trim(), '12 potatoes')
    await cap.fill('25GB')
    await cap.press('Enter')
    await waitFor(async () => (await planetaryOk(daemon.repo, ['config', 'Datastore.StorageMax'])).stdout.trim() === '25GB')
    const shown = await planetaryOk(daemon.repo, ['config', 'show'])
    assert.match(shown.stdout, /"StorageMax": "25GB"/)
  })

  test('the theme toggles and survives a reload', async () => {
    const page = await openUi(browser, daemon, { colorScheme: 'light' })
    await page.getByTestId('nav-settings').click()
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light')
    await page.getByTestId('theme-dark').check()
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark')
    await page.reload()
    await waitOnline(page)
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark')
    await page.getByTestId('theme-system').check()
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light')
  })
})

async function waitFor (check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!await check()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
