// `npm run bench -- ui`: the web UI as users run it — Debian's Chromium
// against a real daemon on loopback.
// 1. Import: a BENCH_UI_MIB (default 1024) MiB file dropped on the page
//    (Chromium's own drag-and-drop), against `planetary add` of a file of the
//    same size into the same daemon, in the same run (each file its own
//    seeded bytes, so neither finds the other's blocks). During the page's
//    import: the longest main-thread task, the frame rate, and the page's
//    JS heap at the end.
// 2. Files with 10,000 entries: time from opening the folder to the first
//    painted row, and the longest task while scrolling it end to end.
// 3. First load of /webui/ until the app is online and interactive, and the
//    initial bundle's gzipped size (what index.html loads before any page).
import { spawn } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { startUiDaemon } from '../e2e/helpers/app.ts'
import { launchChromium, newContext } from '../e2e/helpers/browser.ts'
import { dropPaths, waitImportsSettled, waitOnline } from '../e2e/helpers/ui.ts'
import { planetaryOk } from '../node-core/test/helpers/cli.ts'
import { machine, printTable, saveResult, seededFile } from './measure.ts'
import type { Page } from 'playwright-core'

const MIB = Number(process.env.BENCH_UI_MIB ?? 1024)
const BYTES = MIB * 2 ** 20
const ENTRIES = 10_000
const cli = new URL('../node-core/bin/planetary.js', import.meta.url).pathname
const inputs = join(tmpdir(), 'planetary-bench-inputs')

/** What the main thread did while watched: the longest task (Chromium reports tasks over 50 ms only, so 0 means none), the longest gap between two frames, and frames per second. */
interface MainThread { longestTaskMs: number, tasksOver50: number, longestFrameMs: number, fps: number }

/** Start recording long tasks and frames in the page; `stop` returns what was seen. */
async function watchMainThread (page: Page): Promise<{ stop: () => Promise<MainThread> }> {
  await page.evaluate(() => {
    const w = window as unknown as { benchWatch: { longest: number, over50: number, frames: number, last: number, gap: number, started: number, running: boolean, observer: PerformanceObserver } }
    const state = { longest: 0, over50: 0, frames: 0, last: performance.now(), gap: 0, started: performance.now(), running: true, observer: new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        state.longest = Math.max(state.longest, entry.duration)
        if (entry.duration > 50) state.over50++
      }
    }) }
    state.observer.observe({ type: 'longtask' })
    const frame = (now: number): void => {
      if (!state.running) return
      state.frames++
      state.gap = Math.max(state.gap, now - state.last)
      state.last = now
      requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
    w.benchWatch = state
  })
  return {
    stop: async () => await page.evaluate(() => {
      const w = window as unknown as { benchWatch: { longest: number, over50: number, frames: number, gap: number, started: number, running: boolean, observer: PerformanceObserver } }
      const s = w.benchWatch
      s.running = false
      s.observer.disconnect()
      const seconds = (performance.now() - s.started) / 1000
      return { longestTaskMs: s.longest, tasksOver50: s.over50, longestFrameMs: s.gap, fps: s.frames / seconds }
    })
  }
}

function taskText (m: MainThread): string {
  return m.tasksOver50 === 0 ? 'none over 50 ms' : `${m.longestTaskMs.toFixed(0)} ms (${m.tasksOver50} over 50 ms)`
}

async function cliAdd (repo: string, path: string): Promise<number> {
  const started = performance.now()
  const child = spawn(process.execPath, [cli, 'add', '-Q', path], { env: { ...process.env, PLANETARY_PATH: repo }, stdio: ['ignore', 'ignore', 'inherit'] })
  const code = await new Promise((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`planetary add exited ${String(code)}`)
  return (performance.now() - started) / 1000
}

/** The gzipped bytes of what index.html loads before any page: its scripts, module preloads and stylesheets. */
async function initialBundle (): Promise<{ files: string[], gzip: number, raw: number }> {
  const dist = new URL('../renderer/dist/', import.meta.url).pathname
  const html = await readFile(join(dist, 'index.html'), 'utf8')
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '')
  let gzip = 0
  let raw = 0
  for (const file of files) {
    const bytes = await readFile(join(dist, file))
    raw += bytes.length
    gzip += gzipSync(bytes, { level: 9 }).length
  }
  return { files, gzip, raw }
}

const daemon = await startUiDaemon()
const browser = await launchChromium()
const work = join(tmpdir(), `planetary-bench-ui-${process.pid}`)
try {
  // 3 first: a cold page.
  const loadContext = await newContext(browser)
  const loadPage = await loadContext.newPage()
  const loadStarted = performance.now()
  await loadPage.goto(daemon.webui)
  await waitOnline(loadPage)
  await loadPage.getByTestId('nav-files').waitFor()
  const firstLoadMs = performance.now() - loadStarted
  const navigation = await loadPage.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    return { domContentLoaded: nav?.domContentLoadedEventEnd ?? 0, load: nav?.loadEventEnd ?? 0 }
  })
  await loadContext.close()
  const bundle = await initialBundle()

  // 1. Import: the CLI, then the page, each with its own bytes.
  const viaCli = await seededFile(inputs, BYTES, 'bench-ui-cli')
  const viaUi = await seededFile(inputs, BYTES, 'bench-ui-page')
  const cliSeconds = await cliAdd(daemon.repo, viaCli)
  const context = await newContext(browser)
  const page = await context.newPage()
  await page.goto(daemon.webui)
  await waitOnline(page)
  const watch = await watchMainThread(page)
  const uiStarted = performance.now()
  await dropPaths(page, [viaUi])
  await waitImportsSettled(page, 30 * 60_000)
  const uiSeconds = (performance.now() - uiStarted) / 1000
  const during = await watch.stop()
  const state = await page.getByTestId('import-item').first().getAttribute('data-status')
  if (state !== 'done') throw new Error(`the page's import ended ${String(state)}`)
  const imported = JSON.parse((await planetaryOk(daemon.repo, ['files', 'stat', '--enc', 'json', `/${basename(viaUi)}`])).stdout) as { Size: number }
  if (imported.Size !== BYTES) throw new Error(`the page imported ${imported.Size} bytes, not ${BYTES}`)
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0)

  // 2. 10,000 entries.
  await mkdir(join(work, 'many'), { recursive: true })
  for (let i = 0; i < ENTRIES; i++) await writeFile(join(work, 'many', `file-${String(i).padStart(5, '0')}.txt`), `entry ${i}\n`)
  const folderCid = (await planetaryOk(daemon.repo, ['add', '-Q', '-r', join(work, 'many')])).stdout.trim()
  await planetaryOk(daemon.repo, ['files', 'cp', `/ipfs/${folderCid}`, '/many'])
  const openWatch = await watchMainThread(page)
  const listStart = await page.evaluate(() => {
    const started = performance.now()
    location.hash = '#/files/many'
    return started
  })
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="files-row"]').length > 0 && document.querySelector('[data-testid="files-row"]')?.getAttribute('data-name') === 'file-00000.txt', undefined, { timeout: 60_000, polling: 'raf' })
  const firstRowMs = await page.evaluate(async (started) => await new Promise<number>((resolve) => { requestAnimationFrame(() => { resolve(performance.now() - started) }) }), listStart)
  const opening = await openWatch.stop()
  const rowsInDom = await page.getByTestId('files-row').count()
  const scrollWatch = await watchMainThread(page)
  const scroller = page.getByTestId('files-list')
  await scroller.hover()
  const scrollStarted = performance.now()
  // Wheel down as a user flicks, until the last entry shows (at most 600 flicks).
  for (let i = 0; i < 600; i++) {
    await page.mouse.wheel(0, 2400)
    await page.waitForTimeout(16)
    if (i % 20 === 19 && await page.locator('[data-testid="files-row"][data-name="file-09999.txt"]').count() > 0) break
  }
  const scrollSeconds = (performance.now() - scrollStarted) / 1000
  const scrolled = await scrollWatch.stop()
  const lastVisible = await page.getByTestId('files-row').last().getAttribute('data-name')
  if (await page.locator('[data-testid="files-row"][data-name="file-09999.txt"]').count() === 0) throw new Error(`scrolling never reached the last entry (last row seen: ${String(lastVisible)})`)

  const rows = [
    ['import 1 file through the page (drop → done)', `${MIB} MiB`, `${(BYTES / 1e6 / uiSeconds).toFixed(1)} MB/s`, `${uiSeconds.toFixed(1)} s`],
    ['planetary add into the same daemon', `${MIB} MiB`, `${(BYTES / 1e6 / cliSeconds).toFixed(1)} MB/s`, `${cliSeconds.toFixed(1)} s`],
    ['page vs CLI', '', `${((cliSeconds / uiSeconds) * 100).toFixed(0)} %`, ''],
    ['longest main-thread task during the import', '', taskText(during), `longest frame ${during.longestFrameMs.toFixed(0)} ms`],
    ['frame rate during the import', '', `${during.fps.toFixed(0)} fps`, ''],
    ['page JS heap after the import', '', `${(heap / 2 ** 20).toFixed(1)} MiB`, ''],
    [`Files: open a folder of ${ENTRIES} entries → first row painted`, '', `${firstRowMs.toFixed(0)} ms`, `${rowsInDom} rows in the DOM; longest task ${taskText(opening)}, longest frame ${opening.longestFrameMs.toFixed(0)} ms`],
    ['Files: longest task scrolling it end to end', '', taskText(scrolled), `longest frame ${scrolled.longestFrameMs.toFixed(0)} ms, ${scrollSeconds.toFixed(1)} s, ${scrolled.fps.toFixed(0)} fps, last row ${lastVisible ?? '?'}`],
    ['first load of /webui/ → online and interactive', '', `${firstLoadMs.toFixed(0)} ms`, `DOMContentLoaded ${navigation.domContentLoaded.toFixed(0)} ms`],
    ['initial bundle, gzipped', '', `${(bundle.gzip / 1024).toFixed(1)} KiB`, `${bundle.files.length} files, ${(bundle.raw / 1024).toFixed(0)} KiB raw`]
  ]
  process.stdout.write(`\nui benchmark: Chromium ${browser.version()} against a daemon on loopback, ${new Date().toISOString()}, ${machine()}\n\n`)
  const table = printTable(['what', 'size', 'result', 'detail'], rows)
  const saved = await saveResult('ui', {
    date: new Date().toISOString(),
    machine: machine(),
    chromium: browser.version(),
    import: { bytes: BYTES, uiSeconds, cliSeconds, ratio: cliSeconds / uiSeconds, ...during, heapBytes: heap },
    files: { entries: ENTRIES, firstRowMs, rowsInDom, opening, scroll: { ...scrolled, seconds: scrollSeconds, lastVisible } },
    firstLoad: { ms: firstLoadMs, ...navigation },
    bundle,
    table
  })
  process.stdout.write(`\nwrote ${saved}\n`)
} finally {
  await browser.close()
  await daemon.stop()
  await rm(work, { recursive: true, force: true })
}
