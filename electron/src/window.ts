/**
 * The main window: sandboxed, isolated, no Node in the page; it never
 * navigates away from the app, opens no windows of its own, and hands
 * http(s) links to the browser; every permission request is denied; its
 * size and place are remembered (window-bounds.ts).
 *
 * Electron's classes come in as a narrow injected interface (main.ts
 * passes the real ones), so the policies here are pure and testable.
 */
import { restoreWindowBounds } from './window-bounds.ts'
import { isAppUrl } from './app-protocol.ts'
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle, Screen, Shell } from 'electron'

/** Longest link handed to the browser, in characters. */
export const MAX_EXTERNAL_URL_LENGTH = 8192

/**
 * Whether a link may be opened in the user's browser.
 *
 * http(s) only, with a host, no credentials, no control characters, not
 * too long.
 */
export function externalLinkAllowed (url: string): boolean {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL_LENGTH) return false
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s]/.test(url)) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '' && parsed.username === '' && parsed.password === ''
}

/** What a navigation of the window's page becomes. */
export type NavigationDecision = 'allow' | 'external' | 'deny'

/**
 * A navigation's fate.
 *
 * Within the app's origin it proceeds (the hash routes); an allowed
 * http(s) link goes to the browser; anything else is dropped.
 */
export function navigationDecision (url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow'
  return externalLinkAllowed(url) ? 'external' : 'deny'
}

/** The window's remembered placement, as window-bounds.ts checks it on the way in. */
export interface SavedBounds extends Rectangle {
  maximized: boolean
}

/** Where the bounds are read and written (a JSON file in userData, say). */
export interface BoundsStore {
  load(): unknown
  save(bounds: SavedBounds): void
}

/**
 * The web preferences of the window: nothing of Node reaches the page.
 *
 * Auxclick is off: a middle click opens no window (electronegativity's
 * AUXCLICK_JS_CHECK), as the window-open handler would refuse it anyway.
 */
export function windowWebPreferences (preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    disableBlinkFeatures: 'Auxclick'
  }
}

/** What createMainWindow needs of Electron. */
export interface WindowElectron {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow
  shell: Pick<Shell, 'openExternal'>
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>
}

/** Options of {@link createMainWindow}. */
export interface MainWindowOptions {
  preloadPath: string
  appUrl: string
  bounds: BoundsStore
  icon?: string
  log?: (line: string) => void
}

/**
 * Open the main window on `appUrl` (after the app is ready).
 *
 * The page loads in the background; the window shows once it is ready.
 */
export function createMainWindow (electron: WindowElectron, options: MainWindowOptions): BrowserWindow {
  const log = options.log ?? ((line: string) => { console.warn(line) })
  const placement = restoreWindowBounds(options.bounds.load(), electron.screen.getAllDisplays(), electron.screen.getPrimaryDisplay())
  const win = new electron.BrowserWindow({
    ...placement.bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Planetary',
    ...(options.icon === undefined ? {} : { icon: options.icon }),
    webPreferences: windowWebPreferences(options.preloadPath)
  })
  if (placement.maximized) win.maximize()

  const openExternal = (url: string): void => {
    if (!externalLinkAllowed(url)) {
      log(`window: refused to open ${url.slice(0, 200)}`)
      return
    }
    electron.shell.openExternal(url).catch((err: unknown) => { log(`window: could not open ${url.slice(0, 200)}: ${String(err)}`) })
  }
  const contents = win.webContents
  contents.on('will-navigate', (event, url) => {
    const decision = navigationDecision(url)
    if (decision === 'allow') return
    event.preventDefault()
    if (decision === 'external') openExternal(url)
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => { event.preventDefault() })
  contents.setWindowOpenHandler(({ url }) => {
    if (navigationDecision(url) === 'external') openExternal(url)
    return { action: 'deny' }
  })
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => { callback(false) })
  contents.session.setPermissionCheckHandler(() => false)

  const save = (): void => {
    if (win.isDestroyed()) return
    try {
      options.bounds.save({ ...win.getNormalBounds(), maximized: win.isMaximized() })
    } catch (err) {
      log(`window: could not save its bounds: ${String(err)}`)
    }
  }
  win.on('close', save)
  win.once('ready-to-show', () => { win.show() })
  win.loadURL(options.appUrl).catch((err: unknown) => { log(`window: could not load ${options.appUrl}: ${String(err)}`) })
  return win
}

/** What the trust check reads of an IPC event. */
export interface SenderEventLike {
  sender: unknown
  senderFrame: { url: string, processId: number, routingId: number } | null
}

/** What the trust check reads of the window. */
export interface TrustedWindowLike {
  isDestroyed(): boolean
  webContents: { mainFrame: { processId: number, routingId: number } }
}

/**
 * Whether an IPC message comes from `win`'s main frame at the app's origin.
 *
 * Not a subframe, not another window, not the page after it left app://.
 */
export function isAppMainFrame (event: SenderEventLike, win: TrustedWindowLike | undefined): boolean {
  if (win === undefined || win.isDestroyed()) return false
  const frame = event.senderFrame
  if (frame === null || event.sender !== win.webContents) return false
  const main = win.webContents.mainFrame
  return frame.processId === main.processId && frame.routingId === main.routingId && isAppUrl(frame.url)
}
