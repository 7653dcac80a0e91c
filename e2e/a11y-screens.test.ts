// Every page in both themes: an axe scan finds no serious or critical
// violation, and a screenshot of each is saved under e2e/artifacts/.
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import { planetaryOk, tempDir } from '../node-core/test/helpers/cli.ts'
import { startTestDaemon } from '../node-core/test/helpers/daemon.ts'
import { startUiDaemon } from './helpers/app.ts'
import { launchChromium } from './helpers/browser.ts'
import { openUi, screenshot } from './helpers/ui.ts'
import type { Browser, Page } from 'playwright-core'
import type { TestDaemon } from '../node-core/test/helpers/daemon.ts'
import type { UiDaemon } from './helpers/app.ts'

const PAGES = ['files', 'devices', 'status', 'peers', 'explore', 'settings'] as const

/** What each page waits for before it is scanned: its content, not a loading state. */
const READY: Record<(typeof PAGES)[number], string> = {
  files: '[data-testid="files-row"]',
  devices: '[data-testid="devices-summary"]',
  status: '[data-testid="status-peer-id"]',
  peers: '[data-testid="peers-table"]',
  explore: '[data-testid="explore-links"]',
  settings: '[data-testid="setting-Routing.Type"]'
}

describe('every page, light and dark', () => {
  let daemon: UiDaemon
  let other: TestDaemon
  let browser: Browser
  let folderCid: string
  let dir: Awaited<ReturnType<typeof tempDir>>
  before(async () => {
    dir = await tempDir('planetary-e2e-')
    ;[daemon, other] = await Promise.all([startUiDaemon(), startTestDaemon()])
    browser = await launchChromium()
    for (const name of ['Reports 2026', 'Photos']) await planetaryOk(daemon.repo, ['files', 'mkdir', `/${name}`])
    for (const [name, body] of [['budget.xlsx', 'x'.repeat(48_213)], ['notes.txt', 'meeting notes\n'], ['slides.pdf', 'p'.repeat(2_300_000)]] as const) {
      const path = join(dir.path, name)
      await writeFile(path, body)
      const cid = (await planetaryOk(daemon.repo, ['add', '-Q', path])).stdout.trim()
      await planetaryOk(daemon.repo, ['files', 'cp', `/ipfs/${cid}`, `/${name}`])
    }
    folderCid = (await planetaryOk(daemon.repo, ['files', 'stat', '--hash', '/'])).stdout.trim()
    const address = other.addresses.find((a) => a.includes('/tcp/') && !a.includes('/ws')) ?? ''
    await planetaryOk(daemon.repo, ['swarm', 'connect', address])
  })
  after(async () => {
    await browser?.close()
    await other?.stop()
    await daemon?.stop()
    await dir?.cleanup()
  })

  for (const theme of ['light', 'dark'] as const) {
    test(`${theme}: no serious or critical axe violation on any page; screenshots saved`, async () => {
      const page: Page = await openUi(browser, daemon, { colorScheme: theme })
      const found: string[] = []
      for (const name of PAGES) {
        await page.goto(`${daemon.origin}/webui/#/${name}${name === 'explore' ? `/ipfs/${folderCid}` : ''}`)
        await page.locator(READY[name]).first().waitFor({ timeout: 15_000 })
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme)
        // Let charts and the graph draw a frame or two.
        await page.waitForTimeout(name === 'status' || name === 'peers' ? 1500 : 200)
        await screenshot(page, `${name}-${theme}`)
        const result = await new AxeBuilder({ page }).analyze()
        for (const v of result.violations) {
          if (v.impact === 'serious' || v.impact === 'critical') found.push(`${name} (${theme}): ${v.id} — ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)
        }
      }
      assert.deepEqual(found, [])
      await page.context().close()
    })
  }
})
