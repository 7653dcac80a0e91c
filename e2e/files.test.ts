// The Files page in Chromium against a real daemon: real drops of files and
// folders (Chromium's own drag-and-drop with paths on disk), their progress,
// and CIDs equal to the CLI's for the same bytes; awkward names; a queued
// second drop; cancelling a large import leaves nothing pinned or in Files.
import assert from 'node:assert/strict'
import { mkdir, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { planetaryOk, tempDir } from '../node-core/test/helpers/cli.ts'
import { startUiDaemon } from './helpers/app.ts'
import { launchChromium } from './helpers/browser.ts'
import { dropPaths, fileRowNames, keptBlocks, openUi, screenshot, waitImportsSettled } from './helpers/ui.ts'
import type { Browser, Page } from 'playwright-core'
import type { UiDaemon } from './helpers/app.ts'

/** `name → CID` of a folder of the Files tree, as `planetary files ls -l --enc json` gives it (names may hold newlines). */
async function filesLs (daemon: UiDaemon, path = '/'): Promise<Map<string, string>> {
  const { stdout } = await planetaryOk(daemon.repo, ['files', 'ls', '-l', '--enc', 'json', path])
  const { Entries } = JSON.parse(stdout) as { Entries: Array<{ Name: string, Hash: string }> | null }
  return new Map((Entries ?? []).map((e) => [e.Name, e.Hash]))
}

/** The CID `planetary add -Q` gives for `path` (-r for folders), computed without adding (`-n`). */
async function cliCid (daemon: UiDaemon, path: string, recursive = false): Promise<string> {
  const { stdout } = await planetaryOk(daemon.repo, ['add', '-Q', '-n', ...(recursive ? ['-r'] : []), path])
  return stdout.trim()
}

async function recursivePins (daemon: UiDaemon): Promise<string[]> {
  const { stdout } = await planetaryOk(daemon.repo, ['pin', 'ls', '--type=recursive', '-q'])
  return stdout.trim().split('\n').filter((l) => l !== '').sort()
}

describe('Files in the browser', () => {
  let daemon: UiDaemon
  let browser: Browser
  let page: Page
  let dir: Awaited<ReturnType<typeof tempDir>>

  before(async () => {
    dir = await tempDir('planetary-e2e-')
    daemon = await startUiDaemon()
    browser = await launchChromium()
    page = await openUi(browser, daemon)
  })
  after(async () => {
    await browser?.close()
    await daemon?.stop()
    await dir?.cleanup()
  })

  test('a dropped file and a dropped folder import with progress, with the CLI\'s CIDs, and appear in Files and in `planetary files ls`', async () => {
    const file = join(dir.path, 'report.txt')
    await writeFile(file, 'quarterly numbers\n'.repeat(40_000))
    const folder = join(dir.path, 'holiday photos')
    await mkdir(join(folder, 'day one', 'empty'), { recursive: true })
    await writeFile(join(folder, 'day one', 'beach.jpg'), Buffer.alloc(300_000, 7))
    await writeFile(join(folder, 'notes.md'), '# trip\n')
    await writeFile(join(folder, 'zero'), '')

    await dropPaths(page, [file, folder])
    await page.getByTestId('import-item').first().waitFor()
    await waitImportsSettled(page)
    const states = await page.getByTestId('import-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-status')))
    assert.deepEqual([...new Set(states)], ['done'])
    await page.getByTestId('files-row').filter({ hasText: 'holiday photos' }).waitFor()
    assert.deepEqual((await fileRowNames(page)).sort(), ['holiday photos', 'report.txt'])

    const listed = await filesLs(daemon)
    assert.equal(listed.get('report.txt'), await cliCid(daemon, file))
    assert.equal(listed.get('holiday photos'), await cliCid(daemon, folder, true))
    await screenshot(page, 'files-after-drop')
  })

  test('names with Unicode, spaces, quotes and a newline, and a 0-byte file, import as named', async () => {
    const names = ['Ünïcödé ✓ 日本.txt', 'two  spaces.txt', 'quote\'s "double".txt', 'new\nline.txt', 'empty.bin']
    const paths: string[] = []
    for (const name of names) {
      const path = join(dir.path, name)
      await writeFile(path, name === 'empty.bin' ? '' : `content of ${name}\n`)
      paths.push(path)
    }
    await dropPaths(page, paths)
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="files-row"]').length >= count, 2 + names.length, { timeout: 60_000 })
    await waitImportsSettled(page)
    const listed = await filesLs(daemon)
    for (const [i, name] of names.entries()) {
      assert.equal(listed.get(name), await cliCid(daemon, paths[i] ?? ''), name)
    }
    // A name from disk is text on the page, never markup.
    assert.equal(await page.locator('[data-testid="files-row"] img').count(), 0)
  })

  test('a folder of 10,000 files imports whole, with the CLI\'s CID', async () => {
    const many = join(dir.path, 'ten thousand')
    await mkdir(many)
    for (let i = 0; i < 10_000; i++) await writeFile(join(many, `note-${String(i).padStart(5, '0')}.txt`), `note ${i}\n`)
    await page.evaluate(() => { document.querySelectorAll('[data-testid="import-item"]').forEach((i) => { i.setAttribute('data-seen', '1') }) })
    await dropPaths(page, [many])
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="import-item"]:not([data-seen])')].some((i) => /^(done|failed|cancelled)$/.test(i.getAttribute('data-status') ?? '')), undefined, { timeout: 300_000, polling: 250 })
    assert.equal(await page.locator('[data-testid="import-item"]:not([data-seen])').getAttribute('data-status'), 'done')
    assert.equal((await filesLs(daemon)).get('ten thousand'), await cliCid(daemon, many, true))
    assert.equal((await filesLs(daemon, '/ten thousand')).size, 10_000)
  })

  test('a drop while an import runs is queued, and cancelling a large import leaves nothing pinned and nothing in Files', async () => {
    const big = join(dir.path, 'big.iso')
    await writeFile(big, '')
    await truncate(big, 600 * 1024 * 1024)
    const small = join(dir.path, 'after.txt')
    await writeFile(small, 'queued behind the big one\n')
    const pinsBefore = await recursivePins(daemon)
    const blocksBefore = await keptBlocks(daemon.repo, planetaryOk)

    await page.evaluate(() => { document.querySelectorAll('[data-testid="import-item"]').forEach((i) => { i.setAttribute('data-seen', '1') }) })
    await dropPaths(page, [big])
    await dropPaths(page, [small])
    const bigItem = page.locator('[data-testid="import-item"]:not([data-seen])').filter({ hasText: 'big.iso' })
    const smallItem = page.locator('[data-testid="import-item"]:not([data-seen])').filter({ hasText: 'after.txt' })
    await bigItem.waitFor()
    assert.equal(await smallItem.getAttribute('data-status'), 'queued')
    // Wait for real progress before cancelling, so the cancel lands mid-import.
    await page.waitForFunction(() => {
      const item = [...document.querySelectorAll('[data-testid="import-item"]:not([data-seen])')].find((i) => i.textContent?.includes('big.iso'))
      const bar = item?.querySelector('[role="progressbar"]')
      return Number(bar?.getAttribute('aria-valuenow') ?? 0) >= 5
    }, undefined, { timeout: 60_000, polling: 50 })
    await screenshot(page, 'files-importing')
    await bigItem.getByTestId('import-cancel').click()
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="import-item"]:not([data-seen])')].find((i) => i.textContent?.includes('after.txt'))?.getAttribute('data-status') === 'done', undefined, { timeout: 60_000 })
    assert.equal(await bigItem.getAttribute('data-status'), 'cancelled')

    const listed = await filesLs(daemon)
    assert.equal(listed.has('big.iso'), false)
    assert.equal(listed.get('after.txt'), await cliCid(daemon, small))
    assert.deepEqual(await recursivePins(daemon), pinsBefore)
    // Nothing of the cancelled add is kept: after a GC the repo holds what it held, plus after.txt's one block.
    assert.equal(await keptBlocks(daemon.repo, planetaryOk), blocksBefore + 1)
  })
})
