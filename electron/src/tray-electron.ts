/**
 * The tray (or, where no tray can be made, the application menu) with
 * Electron's real Tray, Menu and nativeImage, driven by tray-state.ts and
 * tray-menu.ts. Run by Electron only; no test imports it.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Menu, Tray, nativeImage, nativeTheme } from 'electron'
import { shellMenuTemplate } from './tray-menu.ts'
import { INITIAL_TRAY_STATE, nextTrayState, statusLine, trayIconName } from './tray-state.ts'
import type { NativeImage } from 'electron'
import type { MenuActions } from './tray-menu.ts'
import type { Rates, TrayEvent, TrayState } from './tray-state.ts'

/** Options of {@link createShellMenu}. */
export interface ShellMenuOptions {
  /** The `assets/` folder (holding `tray/png/<name>-<size>.png`). */
  assetsDir: string
  actions: MenuActions
  launchAtLogin: () => boolean
  log?: (line: string) => void
}

/** The tray or the application menu, kept in step with the node. */
export interface ShellMenu {
  readonly hasTray: boolean
  readonly state: TrayState
  /** Feed a node event; the icon and menu follow when the state changes. */
  dispatch(event: TrayEvent): void
  /** New rates, or a new gateway URL: the menu is rebuilt. */
  update(changes: { rates?: Rates | undefined, gatewayUrl?: string | undefined }): void
  destroy(): void
}

/** The tray icon of `name`: the base size, and twice it for HiDPI. */
function trayImage (assetsDir: string, name: string): NativeImage {
  const base = process.platform === 'linux' ? 22 : 16
  const file = (size: number): string => join(assetsDir, 'tray', 'png', `${name}-${size}.png`)
  const image = nativeImage.createFromPath(file(base))
  const double = file(base * 2)
  if (!image.isEmpty() && existsSync(double)) image.addRepresentation({ scaleFactor: 2, buffer: readFileSync(double) })
  return image
}

/** Make the tray, or the application menu where there is no tray (after the app is ready). */
export function createShellMenu (options: ShellMenuOptions): ShellMenu {
  const log = options.log ?? ((line: string) => { console.warn(line) })
  let state = INITIAL_TRAY_STATE
  let rates: Rates | undefined
  let gatewayUrl: string | undefined
  const panel = (): 'light' | 'dark' => nativeTheme.shouldUseDarkColors ? 'dark' : 'light'
  let tray: Tray | undefined
  try {
    tray = new Tray(trayImage(options.assetsDir, trayIconName(state.status, panel())))
  } catch (err) {
    log(`tray: none on this desktop, using the application menu: ${String(err)}`)
  }
  let shown: string | undefined
  // Rebuilt only when what it shows changes: a rebuilt tray menu closes if it is open, on some desktops.
  const render = (): void => {
    const launchAtLogin = options.launchAtLogin()
    const key = JSON.stringify([statusLine(state, rates), state.status, launchAtLogin, gatewayUrl, tray !== undefined, panel()])
    if (key === shown) return
    shown = key
    const menu = Menu.buildFromTemplate(shellMenuTemplate({ state, rates, launchAtLogin, gatewayUrl, hasTray: tray !== undefined }, options.actions))
    if (tray === undefined) {
      Menu.setApplicationMenu(menu)
      return
    }
    tray.setContextMenu(menu)
    tray.setToolTip(`Planetary · ${statusLine(state, rates)}`)
    tray.setImage(trayImage(options.assetsDir, trayIconName(state.status, panel())))
  }
  const onTheme = (): void => { render() }
  nativeTheme.on('updated', onTheme)
  render()
  return {
    get hasTray () { return tray !== undefined },
    get state () { return state },
    dispatch (event) {
      const next = nextTrayState(state, event)
      if (next === state) return
      state = next
      render()
    },
    update (changes) {
      if ('rates' in changes) rates = changes.rates
      if ('gatewayUrl' in changes) gatewayUrl = changes.gatewayUrl
      render()
    },
    destroy () {
      nativeTheme.removeListener('updated', onTheme)
      tray?.destroy()
      tray = undefined
    }
  }
}
