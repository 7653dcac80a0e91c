// Peers and Explore in the browser: a second daemon connected to the first
// shows in the table, on the world map's local-network marker and in the
// network graph; a dropped file opens in Explore and previews through the
// local gateway; a bad CID gets an inline message.
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { planetaryOk, tempDir } from '../node-core/test/helpers/cli.ts'
import { startTestDaemon } from '../node-core/test/helpers/daemon.ts'
import { startUiDaemon } from './helpers/app.ts'
import { launchChromium } from './helpers/browser.ts'
import { canvasInk, dropPaths, openUi, screenshot, waitImportsSettled } from './helpers/ui.ts'
import type { Browser, Page } from 'playwright-core'
import type { TestDaemon } from '../node-core/test/helpers/daemon.ts'
import type { UiDaemon } from './helpers/app.ts'

// A 2×2 PNG (red, green, blue, white).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64')

describe('Peers and Explore in the browser', () => {
  let daemon: UiDaemon
  let other: TestDaemon
  let browser: Browser
  let page: Page
  let dir: Awaited<ReturnType<typeof tempDir>>
  before(async () => {
    dir = await tempDir('planetary-e2e-')
    ;[daemon, other] = await Promise.all([startUiDaemon(), startTestDaemon()])
    browser = await launchChromium()
    page = await openUi(browser, daemon)
  })
  after(async () => {
    await browser?.close()
    await other?.stop()
    await daemon?.stop()
    await dir?.cleanup()
  })

  test('a connected daemon is in the table, on the map and in the graph', async () => {
    const address = other.addresses.find((a) => a.includes('/tcp/') && !a.includes('/ws')) ?? ''
    await planetaryOk(daemon.repo, ['swarm', 'connect', address])
    await page.getByTestId('nav-peers').click()
    const row = page.locator(`[data-testid="peer-row"][data-peer="${other.peerId}"]`)
    await row.waitFor({ timeout: 15_000 })
    assert.match(await row.innerText(), /tcp/i)
    await page.getByTestId('peers-view-world').click()
    await page.getByTestId('world-map').waitFor()
    // The loopback peer is on the local network: counted there, and the map drew the world.
    await page.waitForFunction(() => document.querySelector('[data-testid="places-list"] [data-country="lan"] .count-badge')?.textContent === '1')
    assert.ok(await canvasInk(page, '[data-testid="world-map"]') > 1000, 'the world map is drawn')
    await screenshot(page, 'peers-world')
    await page.getByTestId('peers-view-network').click()
    await page.getByTestId('network-graph').waitFor()
    assert.match(await page.getByTestId('network-graph').locator('canvas').getAttribute('aria-label') ?? '', /1 on the local network, 0 over the internet, 0 relayed/)
    await page.waitForTimeout(500)
    assert.ok(await canvasInk(page, '[data-testid="network-graph"]') > 50, 'the graph drew this node and its peer')
    await screenshot(page, 'peers-network')
  })

  test('a dropped file opens in Explore with a preview from the local gateway; a bad CID says so inline', async () => {
    const image = join(dir.path, 'pixel.png')
    await writeFile(image, PNG)
    const text = join(dir.path, 'hello.txt')
    await writeFile(text, 'hello from the explore test\n')
    await page.getByTestId('nav-files').click()
    await dropPaths(page, [image, text])
    await waitImportsSettled(page)
    const cid = (await planetaryOk(daemon.repo, ['files', 'stat', '--hash', '/pixel.png'])).stdout.trim()

    // As a user would: the row's menu, then Open in Explore.
    await page.getByTestId('files-row').filter({ hasText: 'pixel.png' }).getByRole('button', { name: /pixel\.png/ }).click()
    await page.getByRole('menuitem', { name: 'Open in Explore' }).click()
    await page.getByTestId('explore-preview').waitFor({ timeout: 15_000 })
    assert.match(await page.locator('main').innerText(), new RegExp(cid))
    // Explore opened it through its folder, so the name (and so its type) came along: an image, from the local gateway.
    const root = (await planetaryOk(daemon.repo, ['files', 'stat', '--hash', '/'])).stdout.trim()
    const img = page.getByTestId('explore-preview').locator('img')
    await img.waitFor()
    assert.equal(await img.getAttribute('src'), `${daemon.gateway}/ipfs/${root}/pixel.png`)
    await page.waitForFunction((el) => el !== null && (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth === 2, await img.elementHandle())
    await screenshot(page, 'explore-image')

    const textCid = (await planetaryOk(daemon.repo, ['files', 'stat', '--hash', '/hello.txt'])).stdout.trim()
    await page.getByTestId('explore-input').fill(`/ipfs/${textCid}`)
    await page.getByTestId('explore-input').press('Enter')
    const frame = page.getByTestId('explore-preview').locator('iframe')
    await frame.waitFor()
    assert.equal(await frame.getAttribute('src'), `${daemon.gateway}/ipfs/${textCid}`)

    await page.getByTestId('explore-input').fill('not-a-cid!')
    await page.getByTestId('explore-input').press('Enter')
    await page.getByTestId('explore-error').waitFor()
    assert.equal(await page.locator('main').count(), 1)
  })
})
