// Doyensec's electronegativity (Electron security misconfigurations and
// anti-patterns) over the desktop shell: no finding above LOW, apart from
// the ones reviewed below, each with its reason; the findings are printed.
//
// What it scans: electron/src's TypeScript (its own TypeScript parser reads
// every file: the test fails on a parse error), not the bundles: its loader
// skips .mjs and .cjs files, and renamed to .js main.mjs does not parse
// (its scope analysis knows no class private fields). The rest of the app
// holds no Electron code. Two things are built at run time, where its static
// checks cannot see them, so the scan gets each as source it reads: the
// Content-Security-Policy (app-protocol.ts sends it as a header) as a <meta>
// tag, and the options window.ts gives BrowserWindow (its checks match
// `new BrowserWindow({...})` with the options written out, not
// `new electron.BrowserWindow(...)` with webPreferences from a function),
// captured from createMainWindow with a fake Electron.
//
// Offline: its translations download (locales/i18n.js) and its Electron
// releases check (AvailableSecurityFixesGlobalCheck, excluded below) use
// `got`, which a module hook replaces with a function that rejects.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { createRequire, registerHooks } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { APP_URL, contentSecurityPolicy } from '../src/app-protocol.ts'
import { createMainWindow } from '../src/window.ts'
import type { BrowserWindowConstructorOptions, Display } from 'electron'
import type { WindowElectron } from '../src/window.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const SOURCES = join(ROOT, 'electron', 'src')
const OFFLINE_GOT = 'file:///planetary-offline/got.cjs'

/** The checks left out, each with why. */
const EXCLUDED = {
  // It downloads Electron's release list from GitHub to name security fixes
  // newer than our version; there is no network here, and the version is
  // pinned in package.json, where upgrades are reviewed.
  AvailableSecurityFixesGlobalCheck: 'needs the network'
}

/** A reviewed finding: its check, its file, the code on its line, and why it stays. */
interface Reviewed {
  id: string
  file: string
  code: string
  reason: string
}

const REVIEWED: Reviewed[] = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'window.ts',
    code: 'electron.shell.openExternal(url)',
    reason: 'openExternal is reached only when externalLinkAllowed(url) holds, the guard just above it (http(s) only, a host, no credentials, no control characters, at most 8192 characters; app-protocol.test.ts)'
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'window-options.js',
    code: '"preload": ',
    reason: 'the preload is our electron/dist/preload.cjs: sandboxed, it requires only electron and exposes one object through contextBridge (preload-bridge.ts; bundle.test.ts, ipc-refusals.test.ts)'
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main.ts',
    code: 'shell.openExternal(webui)',
    reason: 'showLocked opens http://<address>:<port>/webui/, built from the repo\'s api file by a regex of the address and a port of digits, after the user pressed "Open its web UI"'
  },
  {
    id: 'PROTOCOL_HANDLER_JS_CHECK',
    file: 'main.ts',
    code: 'app.setAsDefaultProtocolClient(scheme)',
    reason: 'ipfs:// and ipns:// links are what the app opens (issue 13); protocol-url.ts turns them into Explore paths and refuses anything else (protocol-url.test.ts)'
  },
  {
    id: 'CUSTOM_ARGUMENTS_JS_CHECK',
    file: 'runtime-flags.ts',
    code: "app.commandLine.appendSwitch('js-flags', jsFlags)",
    reason: 'js-flags are the fixed V8 memory flags of node-core/bin/daemon-start.js, appended to the ones the app started with; no other switch is set (runtime-flags.test.ts)'
  }
]

/** One finding, as electronegativity's programmatic run returns it. */
interface Issue {
  id: string
  file: string
  location: { line: number, column: number }
  severity: { value: number, name: string }
  confidence: { name: string }
  description: string
  manualReview: boolean
}

interface RunResult {
  issues: Issue[]
  errors: Array<{ file: string, message: string }>
}

type Run = (options: Record<string, unknown>) => Promise<RunResult>

/** The LOW severity's value in electronegativity's scale (INFORMATIONAL 0 .. HIGH 3). */
const LOW = 1

registerHooks({
  resolve: (specifier, context, next) => specifier === 'got' ? { url: OFFLINE_GOT, format: 'commonjs', shortCircuit: true } : next(specifier, context),
  load: (url, context, next) => url === OFFLINE_GOT
    ? { format: 'commonjs', source: 'const offline = async () => { throw new Error("offline: no network in the tests") }\nmodule.exports = Object.assign(offline, { head: offline })', shortCircuit: true }
    : next(url, context)
})

/** What createMainWindow passes to BrowserWindow, written out as a module. */
function mainWindowSource (): string {
  let options: BrowserWindowConstructorOptions | undefined
  const noop = (): void => {}
  const webContents = { on: noop, setWindowOpenHandler: noop, session: { setPermissionRequestHandler: noop, setPermissionCheckHandler: noop } }
  class FakeWindow {
    webContents = webContents
    constructor (given: BrowserWindowConstructorOptions) { options = given }
    maximize = noop
    on = noop
    once = noop
    loadURL = async (): Promise<void> => {}
  }
  const display = { workArea: { x: 0, y: 0, width: 1920, height: 1080 } } as Display
  const electron = { BrowserWindow: FakeWindow, shell: { openExternal: async () => {} }, screen: { getAllDisplays: () => [display], getPrimaryDisplay: () => display } } as unknown as WindowElectron
  createMainWindow(electron, { preloadPath: '/opt/Planetary/resources/app.asar/electron/dist/preload.cjs', appUrl: APP_URL, bounds: { load: () => undefined, save: noop } })
  assert.ok(options?.webPreferences !== undefined, 'createMainWindow made a window with webPreferences')
  return `// window.ts's createMainWindow, as BrowserWindow received it.\nconst { BrowserWindow } = require('electron')\nnew BrowserWindow(${JSON.stringify(options, null, 2)})\n`
}

test('electronegativity finds nothing above LOW in the desktop shell but what was reviewed', async (t) => {
  const input = await mkdtemp(join(tmpdir(), 'planetary-electronegativity-'))
  t.after(async () => { await rm(input, { recursive: true, force: true }) })
  const sources = (await readdir(SOURCES)).filter((name) => name.endsWith('.ts'))
  for (const name of sources) await copyFile(join(SOURCES, name), join(input, name))
  const csp = contentSecurityPolicy('http://127.0.0.1:8080')
  await writeFile(join(input, 'app-protocol-csp.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}">\n`)
  await writeFile(join(input, 'window-options.js'), mainWindowSource())

  const require = createRequire(import.meta.url)
  const run = require('@doyensec/electronegativity') as Run
  const electronVersion = (require('electron/package.json') as { version: string }).version
  const result = await run({ input, isRelative: true, electronVersionOverride: electronVersion, excludeFromScan: Object.keys(EXCLUDED) })

  for (const issue of result.issues) {
    t.diagnostic(`${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id.padEnd(40)} ${`${issue.file}:${issue.location.line}`.padEnd(22)} ${issue.description}`)
  }
  assert.deepEqual(result.errors, [], 'every file parses')
  assert.ok(sources.includes('main.ts') && sources.includes('window.ts'), 'the sources were found')

  const lineOf = async (issue: Issue): Promise<string> => (await readFile(join(input, issue.file), 'utf8')).split('\n')[issue.location.line - 1] ?? ''
  const unreviewed: string[] = []
  const used = new Set<Reviewed>()
  for (const issue of result.issues.filter((i) => i.severity.value > LOW)) {
    const line = await lineOf(issue)
    const review = REVIEWED.find((r) => r.id === issue.id && r.file === issue.file && line.includes(r.code))
    if (review === undefined) unreviewed.push(`${issue.severity.name} ${issue.id} at ${issue.file}:${issue.location.line} (${line.trim()}): ${issue.description}`)
    else used.add(review)
  }
  assert.deepEqual(unreviewed, [], 'no finding above LOW but the reviewed ones')
  assert.deepEqual(REVIEWED.filter((r) => !used.has(r)).map((r) => `${r.id} ${r.file}: ${r.code}`), [], 'every reviewed finding still occurs (else drop it from the list)')
  assert.ok(result.issues.some((i) => i.id === 'CSP_GLOBAL_CHECK' && i.severity.value <= LOW), "the app's CSP was read and judged")
  assert.ok(!result.issues.some((i) => i.id === 'LIMIT_NAVIGATION_GLOBAL_CHECK' || i.id === 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK'), "window.ts's navigation and permission handlers are seen")
})
