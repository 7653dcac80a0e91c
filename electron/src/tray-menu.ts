/**
 * The tray's menu as Electron menu templates: the status line, Open,
 * Import files…, Start or Stop node, Copy gateway URL, Settings, Launch at
 * login and Quit. Where the desktop has no tray, the same items become the
 * window's application menu, so nothing the tray offers is lost.
 *
 * Pure: it builds `MenuItemConstructorOptions` from a snapshot and calls
 * the injected actions from the items' `click`; the caller hands the
 * template to `Menu.buildFromTemplate` and rebuilds it when the snapshot
 * changes.
 */
import type { MenuItemConstructorOptions } from 'electron'
import { statusLine } from './tray-state.ts'
import type { Rates, TrayState } from './tray-state.ts'

/**
 * Every word of the menus.
 *
 * In one place, ready for translation (the status line's words are in
 * tray-state.ts's `STATUS_TEXTS`).
 */
export const MENU_TEXTS = {
  appName: 'Planetary',
  open: 'Open Planetary',
  importFiles: 'Import files…',
  startNode: 'Start node',
  stopNode: 'Stop node',
  copyGatewayUrl: 'Copy gateway URL',
  settings: 'Settings…',
  launchAtLogin: 'Launch at login',
  quit: 'Quit Planetary'
}

/**
 * The menu items' ids.
 *
 * For `Menu.getMenuItemById` (to update one item in place) and for tests.
 */
export const MENU_IDS = {
  status: 'status',
  open: 'open',
  importFiles: 'import-files',
  startNode: 'start-node',
  stopNode: 'stop-node',
  copyGatewayUrl: 'copy-gateway-url',
  settings: 'settings',
  launchAtLogin: 'launch-at-login',
  quit: 'quit'
} as const

/**
 * What the menu's items do.
 *
 * Injected by the shell (show the window, open a file dialog, call the
 * node, write the clipboard, …); the menu only calls them.
 */
export interface MenuActions {
  open: () => void
  importFiles: () => void
  /** Start and stop the node; absent when the node is not the app's to run (a daemon it is attached to), and so are the items. */
  startNode?: (() => void) | undefined
  stopNode?: (() => void) | undefined
  /** Put `url` on the clipboard. */
  copyGatewayUrl: (url: string) => void
  openSettings: () => void
  /** The checkbox's new value, after Electron toggled it. */
  setLaunchAtLogin: (enabled: boolean) => void
  quit: () => void
}

/**
 * What the menu shows.
 *
 * A snapshot: the tray state (status and peers), the last bandwidth
 * sample, the login-item setting, the gateway's URL when one runs, and
 * whether the desktop has a tray at all.
 */
export interface MenuSnapshot {
  state: TrayState
  rates?: Rates | undefined
  launchAtLogin: boolean
  gatewayUrl: string | undefined
  hasTray: boolean
}

/**
 * The items, shared by the tray menu and the application menu.
 *
 * Start node while stopped or failed, Stop node otherwise (disabled while
 * stopping), neither when the actions are absent; Copy gateway URL only
 * when a gateway runs and the node is up.
 */
export function menuItems (snapshot: MenuSnapshot, actions: MenuActions): MenuItemConstructorOptions[] {
  const t = MENU_TEXTS
  const { status } = snapshot.state
  const up = status === 'running' || status === 'offline'
  const gatewayUrl = snapshot.gatewayUrl
  return [
    { id: MENU_IDS.status, label: statusLine(snapshot.state, snapshot.rates), enabled: false },
    { type: 'separator' },
    { id: MENU_IDS.open, label: t.open, click: () => { actions.open() } },
    { id: MENU_IDS.importFiles, label: t.importFiles, enabled: up, click: () => { actions.importFiles() } },
    ...startStopItem(status, actions),
    {
      id: MENU_IDS.copyGatewayUrl,
      label: t.copyGatewayUrl,
      enabled: up && gatewayUrl !== undefined && gatewayUrl !== '',
      click: () => { if (gatewayUrl !== undefined) actions.copyGatewayUrl(gatewayUrl) }
    },
    { type: 'separator' },
    { id: MENU_IDS.settings, label: t.settings, click: () => { actions.openSettings() } },
    { id: MENU_IDS.launchAtLogin, label: t.launchAtLogin, type: 'checkbox', checked: snapshot.launchAtLogin, click: (item) => { actions.setLaunchAtLogin(item.checked) } },
    { type: 'separator' },
    { id: MENU_IDS.quit, label: t.quit, accelerator: snapshot.hasTray ? undefined : 'CmdOrCtrl+Q', click: () => { actions.quit() } }
  ]
}

function startStopItem (status: TrayState['status'], actions: MenuActions): MenuItemConstructorOptions[] {
  const { startNode, stopNode } = actions
  if (status === 'stopped' || status === 'error') return startNode === undefined ? [] : [{ id: MENU_IDS.startNode, label: MENU_TEXTS.startNode, click: () => { startNode() } }]
  return stopNode === undefined ? [] : [{ id: MENU_IDS.stopNode, label: MENU_TEXTS.stopNode, enabled: status !== 'stopping', click: () => { stopNode() } }]
}

/**
 * The tray's context menu.
 *
 * The shared items as they are.
 */
export function trayMenuTemplate (snapshot: MenuSnapshot, actions: MenuActions): MenuItemConstructorOptions[] {
  return menuItems({ ...snapshot, hasTray: true }, actions)
}

/**
 * The window's application menu where no tray exists.
 *
 * The shared items under the app's name, then Electron's standard Edit
 * (copy and paste in text fields) and Window menus.
 */
export function appMenuTemplate (snapshot: MenuSnapshot, actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    { label: MENU_TEXTS.appName, submenu: menuItems({ ...snapshot, hasTray: false }, actions) },
    { role: 'editMenu' },
    { role: 'windowMenu' }
  ]
}

/**
 * The menu for this desktop.
 *
 * The tray's menu when there is a tray, the application menu otherwise.
 */
export function shellMenuTemplate (snapshot: MenuSnapshot, actions: MenuActions): MenuItemConstructorOptions[] {
  return snapshot.hasTray ? trayMenuTemplate(snapshot, actions) : appMenuTemplate(snapshot, actions)
}
