/**
 * Electron's main process: a composition of the tested modules beside it.
 *
 * Start-only flags first (one guarded relaunch), one instance (a second
 * launch hands its files and links over), the repo (made on first run),
 * native transports checked, then the daemon's node, gateway and API
 * (node-core's startDaemon, taken ports moved and recorded) — or, when a
 * running `planetary daemon` holds the repo, that daemon through its API
 * if the user agrees — then the app:// origin, the IPC binding, the window
 * and the tray; share offers and arrivals as notifications (share-watch.ts);
 * quitting asks first while devices download from the app's own node
 * (quit-guard.ts), then drains IPC and stops the node in 5 s.
 *
 * Runs as electron/dist/main.mjs (electron/vite.config.ts): in Electron,
 * and in e2e/desktop.test.ts on the stand-in runtime (e2e/electron-standin).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { BrowserWindow, Notification, app, clipboard, dialog, protocol, screen, shell } from 'electron'
import { applyRuntimeFlags, relaunchOnce } from './runtime-flags.ts'
import { parseLaunchArgs } from './launch-args.ts'
import { checkNativeTransports } from './native-modules.ts'
import { createQuitSequence, windowCloseAction } from './quit.ts'
import { APP_ORIGIN, APP_SCHEME_PRIVILEGES, APP_URL, registerAppProtocol } from './app-protocol.ts'
import { createMainWindow, externalLinkAllowed } from './window.ts'
import { bindWindowIpc } from './ipc-electron.ts'
import { createShellMenu } from './tray-electron.ts'
import { attachDaemon, originOfApiAddress } from './attach.ts'
import { readUpdateSetting, startUpdateChecks, updatePolicy } from './updates.ts'
import { importNotice, launchWarning } from './notices.ts'
import { createNotifier } from './notifier.ts'
import { watchShares } from './share-watch.ts'
import { askDownloaders, createQuitGuard } from './quit-guard.ts'
import { toWireError } from '../../node-core/src/api/wire-error.ts'
import { initRepo, openRepo, repoExists } from '../../node-core/src/repo/repo.ts'
import { RepoLockedError } from '../../node-core/src/repo/errors.ts'
import { readApiFile } from '../../node-core/src/daemon/api-file.ts'
import { startDaemon } from '../../node-core/src/daemon/daemon.ts'
import { WEBUI_PATH } from '../../node-core/src/daemon/webui.ts'
import { createNodeApi } from '../../node-core/src/api/node-api.ts'
import { dispatch } from '../../node-core/src/api/dispatch.ts'
import type { LaunchRequest } from './launch-args.ts'
import type { ShellMenu } from './tray-electron.ts'
import type { AttachedDaemon } from './attach.ts'
import type { QuitSequence } from './quit.ts'
import type { SavedBounds } from './window.ts'
import type { QuitWarning } from './share-notices.ts'
import type { Daemon } from '../../node-core/src/daemon/daemon.ts'
import type { NodeApi } from '../../node-core/src/api/node-api.ts'
import type { Output } from '../../node-core/src/api/contract.ts'

type AddOutput = Output<'files.add'>

// import.meta.dirname is electron/src, in the sources and (fixed at build time) in the bundle.
const ROOT = join(import.meta.dirname, '..', '..')
const DIST = join(ROOT, 'electron', 'dist')
const ENTRY = join(DIST, 'main.mjs')
const log = (line: string): void => { console.warn(`planetary: ${line}`) }

let win: BrowserWindow | undefined
let api: NodeApi | undefined
let shellMenu: ShellMenu | undefined
const pending: LaunchRequest[] = []

function showWindow (hash?: string): void {
  if (win === undefined || win.isDestroyed()) return
  if (hash !== undefined) win.loadURL(`${APP_ORIGIN}/index.html#${hash}`).catch((err: unknown) => { log(String(err)) })
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
}

const notifier = createNotifier(Notification)

function notify (notice: { title: string, body: string }): void {
  notifier.show(notice)
}

/** Ask before quitting while devices download from this one: true to quit anyway. */
async function confirmQuit (warning: QuitWarning): Promise<boolean> {
  const options = { type: 'warning' as const, message: warning.message, detail: warning.detail, buttons: warning.buttons, defaultId: warning.keep, cancelId: warning.keep, noLink: true }
  // A hidden window would hide its sheet (macOS): ask on its own then.
  const parent = win !== undefined && !win.isDestroyed() && win.isVisible() ? win : undefined
  const { response } = parent === undefined ? await dialog.showMessageBox(options) : await dialog.showMessageBox(parent, options)
  return response === warning.quit
}

/** Import files the app was handed (tray, open-with, a second launch) into Files; a notification says how it ended. */
function importFiles (paths: string[]): void {
  if (api === undefined || paths.length === 0) return
  dispatch(api.methods, 'files.add', { paths, to: '/' }, { signal: new AbortController().signal, progress: () => {} })
    .then((output) => { notify(importNotice(paths, { ok: true, entries: (output as AddOutput).entries })) }, (err: unknown) => { notify(importNotice(paths, { ok: false, error: toWireError(err) })) })
}

/**
 * A launch's request (the first one, a second launch, macOS's open-file or
 * open-url): import its files, open its last link in Explore, warn about
 * what could not be opened. The first launch's window shows by itself when
 * its page is ready.
 */
function handleLaunch (request: LaunchRequest, first = false): void {
  if (win === undefined || api === undefined) {
    pending.push(request)
    return
  }
  const warning = launchWarning(request)
  if (warning !== undefined) {
    log(`${warning.message}: ${warning.detail.replaceAll('\n', '; ')}`)
    void dialog.showMessageBox(win, { type: 'warning', message: warning.message, detail: warning.detail, buttons: ['OK'] })
  }
  importFiles(request.files)
  const last = request.urls.at(-1)
  if (first && last === undefined) return
  showWindow(last === undefined ? undefined : `/explore${last.path}`)
}

/** The repo is held by a daemon the app cannot use: say which, and offer its web UI. */
async function showLocked (repoPath: string, err: Error): Promise<void> {
  const address = await readApiFile(repoPath).catch(() => undefined)
  let webui: string | undefined
  try {
    webui = address === undefined ? undefined : `${originOfApiAddress(address)}${WEBUI_PATH}`
  } catch {
    webui = undefined
  }
  const detail = `${err.message}\n\nAnother Planetary daemon is using ${repoPath}${webui === undefined ? '.' : ` and serves its web UI at ${webui} (its token is in the URL the daemon printed).`}`
  const { response } = await dialog.showMessageBox({ type: 'info', message: 'Planetary is already running as a daemon', detail, buttons: webui === undefined ? ['Quit'] : ['Open its web UI', 'Quit'], defaultId: 0 })
  if (webui !== undefined && response === 0 && externalLinkAllowed(webui)) await shell.openExternal(webui)
}

function boundsStore (file: string): { load: () => unknown, save: (bounds: SavedBounds) => void } {
  return {
    load: () => { try { return JSON.parse(readFileSync(file, 'utf8')) as unknown } catch { return undefined } },
    save: (bounds) => { writeFileSync(file, JSON.stringify(bounds)) }
  }
}

/** Update checks through electron-updater, only in a packaged app whose user opted in (updates.ts). */
async function checkForUpdates (): Promise<void> {
  const updates = updatePolicy({ isPackaged: app.isPackaged, env: process.env, setting: readUpdateSetting(join(app.getPath('userData'), 'updates.json')) })
  log(updates.reason)
  if (!updates.enabled) return
  const { autoUpdater } = (await import('electron-updater')).default
  startUpdateChecks({ updater: autoUpdater, log, notify })
}

/** The node the window and tray drive: the app's own, or a daemon attached to. */
interface Served {
  api: NodeApi
  gatewayUrl: string | undefined
  /** Stop what the app runs when it quits (the node and repo, or only the connection to a daemon). */
  stop: () => Promise<void>
  /** Start and stop the node from the tray (the app's own node only). */
  node?: { start: () => Promise<void>, stop: () => Promise<void> }
  /** Connected peers now. */
  peers: () => Promise<number>
  /** Quitting stops this node, so ask first while devices download from it (not for a daemon that runs on). */
  warnUploads: boolean
}

/** The app:// origin, the IPC binding, quit, the tray and the window around `served`. */
function serve (served: Served): QuitSequence {
  registerAppProtocol(protocol, { root: join(ROOT, 'renderer', 'dist'), gatewayUrl: served.gatewayUrl })
  const binding = bindWindowIpc(served.api, () => win)
  const shares = watchShares({ api: served.api, notify: (notice, onClick) => notifier.show(notice, onClick), open: (route) => { showWindow(route) } })
  const quit = createQuitSequence({
    stopAccepting: () => { shares.stop(); binding.stopAccepting() },
    drain: async (ms) => { await binding.drain(ms) },
    stopNode: served.stop,
    exit: (code) => { shellMenu?.destroy(); app.exit(code) },
    log,
    stopTimeoutMs: 5_000
  })
  const guard = createQuitGuard({
    uploads: async (signal) => served.warnUploads ? await askDownloaders(served.api, signal) : [],
    confirm: confirmQuit,
    sequence: quit,
    log
  })
  app.on('before-quit', (event) => {
    if (quit.done) return
    event.preventDefault()
    void guard.request()
  })

  const node = served.node
  shellMenu = createShellMenu({
    assetsDir: join(ROOT, 'assets'),
    log,
    launchAtLogin: () => app.getLoginItemSettings().openAtLogin,
    actions: {
      open: () => { showWindow() },
      importFiles: () => {
        if (win === undefined) return
        void dialog.showOpenDialog(win, { properties: ['openFile', 'openDirectory', 'multiSelections'] }).then(({ filePaths }) => { importFiles(filePaths) })
      },
      startNode: node === undefined
        ? undefined
        : () => {
            shellMenu?.dispatch({ type: 'start' })
            node.start().then(() => { shellMenu?.dispatch({ type: 'started' }) }, (err: unknown) => { shellMenu?.dispatch({ type: 'start-failed', message: String(err) }) })
          },
      stopNode: node === undefined
        ? undefined
        : () => {
            shellMenu?.dispatch({ type: 'stop' })
            void node.stop().finally(() => { shellMenu?.dispatch({ type: 'stopped' }) })
          },
      copyGatewayUrl: (url) => { clipboard.writeText(url) },
      openSettings: () => { showWindow('/settings') },
      setLaunchAtLogin: (open) => { app.setLoginItemSettings({ openAtLogin: open }) },
      quit: () => { void guard.request() }
    }
  })
  shellMenu.update({ gatewayUrl: served.gatewayUrl })
  shellMenu.dispatch({ type: 'started' })
  served.api.on('bandwidth:sample', (sample) => {
    void served.peers().then((count) => {
      shellMenu?.dispatch({ type: 'peers', count, at: Date.now() })
      shellMenu?.update({ rates: { rateIn: sample.rateIn, rateOut: sample.rateOut } })
    }, () => {})
  })

  win = createMainWindow({ BrowserWindow, shell, screen }, {
    preloadPath: join(DIST, 'preload.cjs'),
    appUrl: APP_URL,
    bounds: boundsStore(join(app.getPath('userData'), 'window-bounds.json')),
    log
  })
  win.on('close', (event) => {
    const action = windowCloseAction({ hasTray: shellMenu?.hasTray === true, quitting: quit.quitting })
    if (action === 'close') return
    event.preventDefault()
    if (action === 'hide') win?.hide()
    else void guard.request()
  })
  api = served.api
  void checkForUpdates()
  const [first, ...later] = pending.splice(0)
  if (first !== undefined) handleLaunch(first, true)
  for (const request of later) handleLaunch(request)
  return quit
}

/** The attached daemon's peer count for the tray, asked at most every 10 s (each peers.list looks up every connection). */
function throttledPeerCount (remote: NodeApi): () => Promise<number> {
  let count = 0
  let askedAt = 0
  return async () => {
    if (Date.now() - askedAt >= 10_000) {
      askedAt = Date.now()
      count = (await remote.methods['peers.list']({}, { signal: AbortSignal.timeout(5_000), progress: () => {} })).peers.length
    }
    return count
  }
}

/** The repo is held by a running daemon: offer to use it through its API (it runs on when the app quits). */
async function startAttached (repoPath: string, locked: RepoLockedError): Promise<void> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    message: 'Planetary is already running as a daemon',
    detail: `${locked.message}\n\nThe app can use that daemon through its API; the daemon keeps running when the app quits.`,
    buttons: ['Use the running daemon', 'Quit'],
    defaultId: 0,
    cancelId: 1
  })
  if (response !== 0) {
    app.exit(0)
    return
  }
  let attached: AttachedDaemon
  try {
    attached = await attachDaemon(repoPath)
  } catch (err) {
    await showLocked(repoPath, err as Error)
    app.exit(1)
    return
  }
  log(`attached to the daemon at ${attached.origin}`)
  const quit = serve({
    api: attached.api,
    gatewayUrl: attached.info.gatewayUrl,
    stop: async () => { await attached.close() },
    peers: throttledPeerCount(attached.api),
    // Quitting leaves the daemon, and whoever downloads from it, running.
    warnUploads: false
  })
  void attached.gone.then(async () => {
    await dialog.showMessageBox({ type: 'warning', message: 'The Planetary daemon stopped', detail: `The daemon at ${attached.origin} went away. Start it again (planetary daemon), then reopen Planetary.`, buttons: ['Quit'] })
    await quit.quit()
  })
}

async function start (): Promise<void> {
  const repoPath = process.env.PLANETARY_PATH ?? join(app.getPath('userData'), 'repo')
  if (!await repoExists(repoPath)) await initRepo(repoPath)
  let repo
  try {
    repo = await openRepo(repoPath)
  } catch (err) {
    if (!(err instanceof RepoLockedError)) throw err
    await startAttached(repoPath, err)
    return
  }
  await checkNativeTransports(repo.config.Swarm.Transports, { log })
  let daemon: Daemon
  try {
    daemon = await startDaemon(repo, { portFallback: true, log })
  } catch (err) {
    await repo.close()
    throw err
  }
  log(`web UI: ${daemon.webuiUrl}`)
  const node = daemon.node
  serve({
    api: createNodeApi(node, { gatewayUrl: daemon.gatewayUrl, apiAddress: daemon.apiAddress, portsMoved: daemon.portsMoved, lanLink: daemon.lanLink }),
    gatewayUrl: daemon.gatewayUrl,
    stop: async () => { try { await daemon.stop() } finally { await repo.close() } },
    node: { start: async () => { await node.start() }, stop: async () => { await node.stop() } },
    peers: async () => node.host.getConnections().length,
    warnUploads: true
  })
}

function main (): void {
  const flags = applyRuntimeFlags(app, process.env)
  log(flags.reason)
  if (relaunchOnce(app, flags)) return
  if (!app.requestSingleInstanceLock()) {
    app.exit(0)
    return
  }
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
  // Unpackaged (`electron electron/dist/main.mjs`), the script and the app's path are no files to import.
  const launch = (argv: readonly string[], workingDirectory: string): void => {
    const args = argv.filter((arg) => resolve(workingDirectory, arg) !== ENTRY)
    handleLaunch(parseLaunchArgs(args, { workingDirectory, appPath: app.isPackaged ? undefined : app.getAppPath() }))
  }
  app.on('second-instance', (_event, argv, workingDirectory) => { launch(argv, workingDirectory) })
  app.on('open-file', (event, file) => { event.preventDefault(); handleLaunch({ files: [file], urls: [], rejected: [] }) })
  app.on('open-url', (event, url) => { event.preventDefault(); launch(['', url], process.cwd()) })
  app.on('window-all-closed', () => {})
  for (const scheme of ['ipfs', 'ipns']) app.setAsDefaultProtocolClient(scheme)
  launch(process.argv, process.cwd())
  app.whenReady().then(start).catch((err: unknown) => {
    dialog.showErrorBox('Planetary could not start', err instanceof Error ? err.message : String(err))
    app.exit(1)
  })
}

main()
