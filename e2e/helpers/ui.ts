// The web UI as a user drives it, for the e2e tests (page objects in the
// manner of Signal Desktop's): open it from the daemon's printed link, drop
// real files on it, wait for what the app shows.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { newContext } from './browser.ts'
import type { UiDaemon } from './app.ts'

/** Where screenshots go (git-ignored). */
export const ARTIFACTS = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'artifacts')

/** Open the daemon's web UI in a fresh context; resolves once the app says it is online. */
export async function openUi (browser: Browser, daemon: UiDaemon, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await newContext(browser, options)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (err) => { errors.push(err.message) })
  await page.goto(daemon.webui)
  await waitOnline(page)
  return Object.assign(page, { pageErrors: errors })
}

/** Wait until the top bar says the node is online. */
export async function waitOnline (page: Page, timeout = 15_000): Promise<void> {
  await page.getByTestId('node-badge').filter({ hasText: 'Online' }).waitFor({ timeout })
}

/**
 * Drop files and folders from disk onto the page as the OS does: Chromium's
 * own drag-and-drop (DevTools' Input.dispatchDragEvent with file paths), so
 * the page gets real File objects and directory entries it can walk.
 */
export async function dropPaths (page: Page, paths: string[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const box = await page.locator('main').boundingBox()
  const x = (box?.x ?? 0) + (box?.width ?? 400) / 2
  const y = (box?.y ?? 0) + (box?.height ?? 300) / 2
  const data = { items: [], files: paths, dragOperationsMask: 1 }
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await cdp.send('Input.dispatchDragEvent', { type, x, y, data })
  }
  await cdp.detach()
}

/** Wait until no import is queued or running (every item done, failed or cancelled). */
export async function waitImportsSettled (page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => {
    const items = [...document.querySelectorAll('[data-testid="import-item"]')]
    return items.length > 0 && items.every((item) => /^(done|failed|cancelled)$/.test(item.getAttribute('data-status') ?? ''))
  }, undefined, { timeout, polling: 100 })
}

/** The names of the rows the Files list shows now. */
export async function fileRowNames (page: Page): Promise<string[]> {
  return await page.getByTestId('files-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name') ?? ''))
}

/** Save a screenshot under e2e/artifacts/. */
export async function screenshot (page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true })
  const path = join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path })
  return path
}

/** How many pixels of the canvas inside `selector` are painted (not transparent): 0 for a canvas that drew nothing. */
export async function canvasInk (page: Page, selector: string): Promise<number> {
  return await page.locator(`${selector} canvas`).first().evaluate((canvas) => {
    const c = canvas as HTMLCanvasElement
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data
    let painted = 0
    for (let i = 3; i < (data?.length ?? 0); i += 4) if ((data?.[i] ?? 0) > 0) painted++
    return painted
  })
}

/** The repo's block count after a garbage collection: what Files and pins keep. */
export async function keptBlocks (repo: string, planetary: (repo: string, args: string[]) => Promise<{ stdout: string }>): Promise<number> {
  await planetary(repo, ['repo', 'gc', '-q'])
  const { stdout } = await planetary(repo, ['repo', 'stat'])
  return Number(/NumObjects:\s+(\d+)/.exec(stdout)?.[1] ?? Number.NaN)
}
