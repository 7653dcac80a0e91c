// The desktop app itself: electron/dist/main.mjs in Electron, driven by
// playwright-core's _electron. Its window opens on Files with the node
// online; the page sees window.planetary and nothing of Node; a file
// imported through the bridge appears in Files with the CID that
// `planetary add --only-hash` gives for it; quitting through the app ends
// the process with code 0, and the file stays in the repo's Files.
//
// Only where Electron's binary exists (ELECTRON_OVERRIDE_DIST_PATH, or the
// electron package's download, found by electron/src/find-electron.ts);
// elsewhere, as on this project's machines, the test says so and is
// skipped. It runs the bundles as built (`npm run build:desktop`, and
// renderer/dist from `npm run build:ui`, which `npm test` builds first).
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { _electron } from 'playwright-core'
import { START_ENV, V8_FLAGS } from '../node-core/bin/daemon-start.js'
import { freshRepo, planetaryOk, tempDir } from '../node-core/test/helpers/cli.ts'
import { findElectron } from '../electron/src/find-electron.ts'
import { waitOnline } from './helpers/ui.ts'
import type { ElectronApplication, Page } from 'playwright-core'

const ROOT = join(import.meta.dirname, '..')
const MAIN = join(ROOT, 'electron', 'dist', 'main.mjs')
const SKIPPED = 'skipped: Electron binary not installed'

/** What the page may see of the preload's bridge (renderer/src/lib/preload.ts's PlanetaryBridge, in part). */
interface PageBridge {
  call(method: string, input: unknown): { id: number, result: Promise<{ ok: true, output: unknown } | { ok: false, error: { name: string, message: string } }> }
}

/** Launch the app on `repo`, with the start-only settings given (so it does not relaunch itself, which Playwright would lose). */
async function launch (electronPath: string, repo: string, userData: string): Promise<ElectronApplication> {
  const args = [`--js-flags=${V8_FLAGS.join(' ')}`, `--user-data-dir=${userData}`]
  // Chromium refuses to run as root with its sandbox (CI containers).
  if (process.getuid?.() === 0) args.push('--no-sandbox')
  return await _electron.launch({
    executablePath: electronPath,
    args: [...args, MAIN],
    env: { ...process.env, ...START_ENV, PLANETARY_PATH: repo, PLANETARY_UPDATES: 'off' },
    timeout: 60_000
  })
}

test('the desktop app in Electron: Files, an isolated page, an import with the CLI\'s CID, and quit', async (t) => {
  const electron = findElectron(join(ROOT, 'node_modules', 'electron'))
  if (!electron.found) {
    process.stdout.write(`${SKIPPED} (${electron.reason})\n`)
    t.skip(SKIPPED)
    return
  }
  assert.ok(existsSync(MAIN), `${MAIN} is built (npm run build:desktop)`)
  const { repo, cleanup } = await freshRepo()
  t.after(cleanup)
  const dir = await tempDir('planetary-electron-e2e-')
  t.after(dir.cleanup)
  const app = await launch(electron.path, repo, join(dir.path, 'user-data'))
  t.after(async () => { if (app.process().exitCode === null) await app.close() })
  let page: Page

  await t.test('the window opens on Files, with the node online', async () => {
    page = await app.firstWindow()
    await page.getByRole('heading', { name: 'Files', level: 1 }).waitFor({ timeout: 60_000 })
    await waitOnline(page, 60_000)
    assert.match(page.url(), /^app:\/\/planetary\//)
  })

  await t.test('the page sees window.planetary and nothing of Node', async () => {
    const seen = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>
      return { planetary: typeof w.planetary, require: typeof w.require, process: typeof w.process, module: typeof w.module, Buffer: typeof w.Buffer, global: typeof w.global }
    })
    assert.deepEqual(seen, { planetary: 'object', require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', global: 'undefined' })
  })

  const file = join(dir.path, 'report.txt')
  let cid = ''
  await t.test('a file imported through window.planetary appears in Files with its CID', async () => {
    await writeFile(file, 'quarterly numbers\n'.repeat(40_000))
    const reply = await page.evaluate(async (path) => {
      const bridge = (window as unknown as { planetary: PageBridge }).planetary
      return await bridge.call('files.add', { paths: [path], to: '/' }).result
    }, file)
    assert.ok(reply.ok, `files.add answered ${JSON.stringify(reply)}`)
    const added = (reply.output as { entries: Array<{ path: string, cid: string }> }).entries
    assert.equal(added.length, 1)
    cid = added[0]?.cid ?? ''
    // Files lists the tree when it loads; the bridge's call went around the page's store.
    await page.reload()
    const row = page.locator('[data-testid="files-row"][data-name="report.txt"]')
    await row.waitFor({ timeout: 30_000 })
    assert.equal(await row.locator('.cid-cell').getAttribute('title'), cid)
  })

  await t.test('quitting through the app ends the process, and the import stays', async () => {
    const child = app.process()
    const exited = new Promise<number | null>((resolve) => { child.once('exit', (code) => { resolve(code) }) })
    // The app may exit before evaluate's answer arrives.
    await app.evaluate(({ app: electronApp }) => { electronApp.quit() }).catch(() => {})
    const code = await Promise.race([exited, new Promise<string>((resolve) => { setTimeout(() => { resolve('still running after 20 s') }, 20_000).unref() })])
    assert.equal(code, 0)
    const { stdout } = await planetaryOk(repo, ['add', '-Q', '-n', file])
    assert.equal(cid, stdout.trim(), "the CLI's CID for the same bytes")
    const listed = await planetaryOk(repo, ['files', 'ls', '-l', '--enc', 'json', '/'])
    const entries = (JSON.parse(listed.stdout) as { Entries: Array<{ Name: string, Hash: string }> | null }).Entries ?? []
    assert.deepEqual(entries.map((e) => [e.Name, e.Hash]), [['report.txt', cid]])
  })
})
