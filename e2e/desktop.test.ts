// The desktop app end to end on the stand-in runtime (e2e/electron-standin):
// the real bundled main, preload and renderer, with Debian's Chromium for
// the window and records for what Electron would draw natively. Each test
// launches the app on its own repo and checks what a user sees and does:
// the window, a drop imported through the IPC binding, the tray's states
// and items, a second launch handing over files and links, closing the
// window, quitting with nothing left running.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { freshRepo, planetaryOk } from '../node-core/test/helpers/cli.ts'
import { startTestDaemon } from '../node-core/test/helpers/daemon.ts'
import { launchStandin } from './electron-standin/harness.ts'
import { fileRowNames, waitOnline } from './helpers/ui.ts'
import { V8_FLAGS } from '../node-core/bin/daemon-start.js'
import { CID } from 'multiformats/cid'
import { identity } from 'multiformats/hashes/identity'
import * as raw from 'multiformats/codecs/raw'
import type { TestContext } from 'node:test'
import type { StandinApp, StandinRecord } from './electron-standin/harness.ts'
import type { Page } from 'playwright-core'

const ARTIFACTS = join(import.meta.dirname, 'artifacts')

async function launch (t: TestContext, options: { args?: string[], env?: Record<string, string> } = {}): Promise<{ app: StandinApp, repo: string, dir: string }> {
  const { repo, cleanup } = await freshRepo()
  const dir = join(repo, '..')
  const app = await launchStandin({ repoPath: repo, userData: join(dir, 'user-data'), ...options })
  t.after(async () => {
    await app.close()
    await cleanup()
  })
  return { app, repo, dir }
}

function menuLabels (record: StandinRecord | undefined): string[] {
  return ((record?.data.items ?? []) as Array<{ label: string }>).map((item) => item.label)
}

/** Draw the tray menu as recorded (labels, checks, disabled items) into a PNG beside the window's screenshots. */
async function screenshotMenu (page: Page, record: StandinRecord, name: string): Promise<void> {
  const items = record.data.items as Array<{ label: string, type: string, enabled: boolean, checked?: boolean }>
  const html = items.map((item) => item.type === 'separator'
    ? '<hr>'
    : `<div class="${item.enabled ? '' : 'off'}">${item.type === 'checkbox' ? (item.checked === true ? '☑ ' : '☐ ') : ''}${item.label.replace(/[<&]/g, (c) => c === '<' ? '&lt;' : '&amp;')}</div>`).join('')
  const menu = await page.context().newPage()
  await menu.setContent(`<style>body{font:14px system-ui;margin:0;background:#ddd}main{width:320px;background:#fff;border:1px solid #999;padding:4px 0;margin:8px}div{padding:5px 16px}.off{color:#888}hr{border:0;border-top:1px solid #ccc}</style><main>${html}</main>`)
  await menu.locator('main').screenshot({ path: join(ARTIFACTS, name) })
  await menu.close()
}

test('the app starts as a user gets it: one relaunch with the daemon\'s start flags, a sandboxed window showing Files, the node online', async (t) => {
  const { app } = await launch(t)
  const page = await app.page()
  await waitOnline(page, 30_000)

  const relaunches = app.records.filter((r) => r.kind === 'app:relaunch')
  assert.equal(relaunches.length, 1, 'exactly one relaunch')
  const hellos = app.records.filter((r) => r.kind === 'hello')
  const started = hellos.at(-1)?.data as { execArgv: string[], env: Record<string, string | undefined> }
  for (const flag of V8_FLAGS) assert.ok(started.execArgv.includes(flag), `the relaunched main runs with ${flag}: ${started.execArgv.join(' ')}`)
  assert.equal(started.env.MALLOC_ARENA_MAX, '2')
  assert.equal(started.env.UV_THREADPOOL_SIZE, '16')

  const created = await app.waitFor('window:created')
  const prefs = (created.data.options as { webPreferences: Record<string, unknown> }).webPreferences
  assert.equal(prefs.sandbox, true)
  assert.equal(prefs.contextIsolation, true)
  assert.equal(prefs.nodeIntegration, false)
  const load = await app.waitFor('window:load')
  assert.equal(load.data.url, 'app://planetary/index.html')

  // The page sees the one bridge object, and nothing of Node or of the preload's world.
  const seen = await page.evaluate(() => {
    const scope = window as unknown as Record<string, unknown>
    return { bridge: Object.keys(scope.planetary ?? {}).sort(), require: typeof scope.require, process: typeof scope.process, module: typeof scope.module, ipc: Object.keys(scope).filter((key) => /standin|ipc/i.test(key)) }
  })
  assert.deepEqual(seen, { bridge: ['call', 'cancel', 'pathsOf', 'subscribe'], require: 'undefined', process: 'undefined', module: 'undefined', ipc: [] })
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'))
  assert.match(csp ?? '', /default-src 'none'|default-src 'self'/, 'the app origin sends its CSP')
  // An inline script is refused by that CSP, in this very window.
  const inline = await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.inlineRan = true'
    document.head.append(script)
    return (window as unknown as { inlineRan?: boolean }).inlineRan === true
  })
  assert.equal(inline, false, 'inline scripts do not run')

  await mkdir(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS, 'desktop-window.png') })
  assert.equal(app.latest('tray:image')?.data.image?.toString().endsWith('running-on-light-22.png'), true, 'the tray shows running')
  await screenshotMenu(page, app.latest('tray:menu') as StandinRecord, 'desktop-tray-menu.png')

  await app.clickMenu('Quit Planetary')
  const exit = await app.waitFor('app:exit')
  assert.equal(exit.data.code, 0)
  await app.allExited()
})

test('a file dropped on the window is imported through the IPC binding with the CID the CLI gives; bad calls get named errors', async (t) => {
  const { app, dir } = await launch(t)
  const page = await app.page()
  await waitOnline(page, 30_000)
  const file = join(dir, 'dropped report.txt')
  await writeFile(file, `dropped on the desktop window at ${new Date().toISOString()}\n`)
  const other = await freshRepo()
  t.after(other.cleanup)
  const expected = (await planetaryOk(other.repo, ['add', '-Q', file])).stdout.trim()

  await app.drop([file])
  await page.getByTestId('files-row').filter({ hasText: 'dropped report.txt' }).waitFor({ timeout: 30_000 })
  assert.deepEqual(await fileRowNames(page), ['dropped report.txt'])
  const listed = await page.evaluate(async () => await window.planetary?.call('files.ls', { path: '/' }).result)
  assert.deepEqual(listed, { ok: true, output: { entries: [{ name: 'dropped report.txt', type: 'file', size: listed?.ok === true ? (listed.output as { entries: Array<{ size: number }> }).entries[0]?.size : -1, cid: expected }] } })

  const errors = await page.evaluate(async () => {
    const bridge = window.planetary
    if (bridge === undefined) throw new Error('no bridge')
    const name = async (method: string, input: unknown): Promise<string> => {
      const reply = await bridge.call(method, input).result
      return reply.ok ? 'ok' : `${reply.error.name}: ${reply.error.message}`
    }
    return {
      vanished: await name('files.add', { paths: ['/nowhere/gone.txt'], to: '/' }),
      invalid: await name('files.add', { paths: 42 }),
      unknown: await name('system.shutdown', {}),
      unclonable: await name('node.info', { when: () => 1 })
    }
  })
  assert.match(errors.vanished, /^\w+Error: .*gone\.txt/)
  assert.match(errors.invalid, /^InvalidInputError: files\.add: /)
  assert.match(errors.unknown, /^IpcInvokeError: .*No handler registered for 'planetary:call:system\.shutdown'/)
  assert.equal(errors.unclonable, 'IpcInvokeError: An object could not be cloned.')
  await waitOnline(page)
  assert.deepEqual(await fileRowNames(page), ['dropped report.txt'], 'nothing half-added')

  await app.clickMenu('Quit Planetary')
  await app.allExited()
})

test('the tray follows the node: Stop node, Start node, Copy gateway URL, Launch at login, Import files…, and Quit drains and stops', async (t) => {
  const { app, repo, dir } = await launch(t)
  const page = await app.page()
  await waitOnline(page, 30_000)
  assert.deepEqual(menuLabels(app.latest('tray:menu')).filter((l) => l !== '').slice(1), ['Open Planetary', 'Import files…', 'Stop node', 'Copy gateway URL', 'Settings…', 'Launch at login', 'Quit Planetary'])

  let from = app.records.length
  await app.clickMenu('Stop node')
  await app.waitFor('tray:image', (d) => String(d.image).includes('offline'), { from })
  await app.waitFor('tray:menu', (d) => menuLabels({ data: d } as StandinRecord).includes('Start node'), { from })
  assert.ok(menuLabels(app.latest('tray:menu')).includes('Stopped'), `the status line says stopped: ${menuLabels(app.latest('tray:menu')).join(' | ')}`)

  from = app.records.length
  await app.clickMenu('Start node')
  await app.waitFor('tray:image', (d) => String(d.image).includes('running'), { from })
  await waitOnline(page, 30_000)

  await app.clickMenu('Copy gateway URL')
  const copied = await app.waitFor('clipboard:write')
  assert.match(String(copied.data.text), /^http:\/\/127\.0\.0\.1:\d+$/)
  const info = await page.evaluate(async () => await window.planetary?.call('node.info', {}).result)
  assert.equal(String(copied.data.text), info?.ok === true ? (info.output as { gatewayUrl?: string }).gatewayUrl : undefined, 'the copied URL is the gateway the node serves')

  await app.clickMenu('Launch at login')
  assert.equal((await app.waitFor('app:login-item')).data.openAtLogin, true)

  const picked = join(dir, 'picked.txt')
  await writeFile(picked, 'picked from the tray\n')
  await app.command('answer-dialogs', { open: [[picked]] })
  await app.clickMenu('Import files…')
  const notice = await app.waitFor('notification')
  assert.equal(notice.data.title, 'Added to Files')
  assert.match(String(notice.data.body), /^picked\.txt · Qm/)
  await page.getByTestId('files-row').filter({ hasText: 'picked.txt' }).waitFor({ timeout: 15_000 })

  // A slow call in flight when Quit comes: the quit sequence drains it, then stops the node.
  const big = join(dir, 'big.bin')
  await writeFile(big, Buffer.alloc(64 * 1024 * 1024, 7))
  const pending = page.evaluate(async (path) => await window.planetary?.call('files.add', { paths: [path], to: '/' }).result, big)
  await new Promise((resolve) => setTimeout(resolve, 200))
  await app.clickMenu('Quit Planetary')
  const reply = await pending
  assert.equal(reply?.ok, true, `the call in flight was drained, not cut: ${JSON.stringify(reply)}`)
  await app.waitFor('app:exit')
  await app.allExited()
  const chromium = app.records.find((r) => r.kind === 'chromium' && r.pid === app.latest('app:exit')?.pid)
  assert.throws(() => process.kill(Number(chromium?.data.pid), 0), 'Chromium is gone too')
  assert.equal(existsSync(join(repo, 'repo.lock')), false, 'the repo lock is released')
  await planetaryOk(repo, ['repo', 'stat'])
})

test('a second launch hands its files and ipfs:// links to the running app; closing the window keeps the node in the tray', async (t) => {
  const { app, dir } = await launch(t)
  const page = await app.page()
  await waitOnline(page, 30_000)
  const handed = join(dir, 'handed over.txt')
  await writeFile(handed, 'from a second launch\n')
  const cid = CID.createV1(raw.code, identity.digest(new TextEncoder().encode('a link from a second launch'))).toString()

  const from = app.records.length
  const code = await app.secondInstance([handed, `ipfs://${cid}`, 'ipfs://not-a-cid/x'])
  assert.equal(code, 0, 'the second launch exits at once')
  const second = await app.waitFor('app:second-instance', undefined, { from })
  assert.ok((second.data.argv as string[]).includes(handed))
  const warning = await app.waitFor('dialog:message-box', (d) => d.type === 'warning', { from })
  assert.match(String(warning.data.detail), /^ipfs:\/\/not-a-cid\/x: /)
  await app.waitFor('window:load', (d) => String(d.url).includes(`#/explore/ipfs/${cid}`), { from })
  const notice = await app.waitFor('notification', undefined, { from })
  assert.match(String(notice.data.body), /^handed over\.txt · /)
  await page.waitForURL(/#\/explore\/ipfs\//)

  const closed = await app.command('close-window') as { destroyed: boolean, visible: boolean }
  assert.deepEqual(closed, { destroyed: false, visible: false }, 'closing hides the window; the app stays in the tray')
  const info = await page.evaluate(async () => await window.planetary?.call('node.info', {}).result)
  assert.equal(info?.ok, true, 'the node still answers')
  await app.clickMenu('Open Planetary')
  await app.waitFor('window:shown', undefined, { from: app.records.findLastIndex((r) => r.kind === 'window:hidden') })

  await app.clickMenu('Quit Planetary')
  await app.allExited()
})

test('where the desktop has no tray, the window carries the menu and closing it quits', async (t) => {
  const { app } = await launch(t, { env: { PLANETARY_STANDIN_NO_TRAY: '1' } })
  const page = await app.page()
  await waitOnline(page, 30_000)
  assert.equal(app.latest('tray:created'), undefined)
  const menu = app.latest('app-menu:set')?.data.items as Array<{ label: string, submenu?: Array<{ label: string }> }>
  assert.ok(menu[0]?.submenu?.some((item) => item.label === 'Quit Planetary'), 'the application menu has Quit')
  await app.command('close-window')
  const exit = await app.waitFor('app:exit')
  assert.equal(exit.data.code, 0)
  await app.allExited()
})

test('a repo held by a running planetary daemon: the app offers it, attaches through its API, and leaves it running on quit', async (t) => {
  const daemon = await startTestDaemon()
  t.after(async () => { await daemon.stop() })
  // The relaunched process answers the offer "Use the running daemon" (the first launch relaunches before any dialog).
  const app = await launchStandin({ repoPath: daemon.repo, userData: join(daemon.repo, '..', 'user-data'), env: { PLANETARY_STANDIN_MESSAGE_BOX_ANSWERS: '0' } })
  t.after(async () => { await app.close() })
  const offer = await app.waitFor('dialog:message-box', (d) => d.type === 'question')
  assert.deepEqual(offer.data.buttons, ['Use the running daemon', 'Quit'])
  const page = await app.page()
  await waitOnline(page, 30_000)
  const info = await page.evaluate(async () => await window.planetary?.call('node.info', {}).result)
  assert.equal(info?.ok === true ? (info.output as { peerId: string }).peerId : undefined, daemon.peerId, 'the window talks to the daemon')
  assert.match(app.output(), /attached to the daemon at http:\/\/127\.0\.0\.1:\d+/)
  const labels = menuLabels(app.latest('tray:menu'))
  assert.ok(!labels.includes('Stop node') && !labels.includes('Start node'), `the tray offers no start or stop for a daemon it does not own: ${labels.join(' | ')}`)

  await app.clickMenu('Quit Planetary')
  await app.allExited()
  await planetaryOk(daemon.repo, ['id'])
  assert.equal(daemon.child.exitCode, null, 'the daemon runs on')
})
