/**
 * What the stand-in cannot draw — the tray, menus, notifications, dialogs,
 * the browser, the clipboard, the displays — recorded instead, with
 * commands for the test to use them: click a tray or application menu
 * item by its label, queue the answers of the next dialogs.
 *
 * An unanswered message box gets its cancel button, as if dismissed.
 * `PLANETARY_STANDIN_NO_TRAY=1` makes `new Tray` throw, as on a Linux
 * desktop without a status area; `PLANETARY_STANDIN_DARK=1` makes the panel
 * and pages dark.
 */
import { EventEmitter } from 'node:events'
import { existsSync } from 'node:fs'
import { onCommand, record } from './control.ts'
import type { Display, MenuItemConstructorOptions, MessageBoxOptions, OpenDialogOptions } from 'electron'

type Click = (item: StandinMenuItem, window: undefined, event: Record<string, never>) => void

/** A menu item as built from a template. */
export class StandinMenuItem {
  readonly label: string
  readonly type: string
  readonly role: string | undefined
  readonly enabled: boolean
  readonly visible: boolean
  checked: boolean
  readonly click: Click | undefined
  readonly submenu: StandinMenu | undefined

  constructor (options: MenuItemConstructorOptions) {
    this.label = options.label ?? ''
    this.type = options.type ?? (options.submenu === undefined ? 'normal' : 'submenu')
    this.role = options.role
    this.enabled = options.enabled ?? true
    this.visible = options.visible ?? true
    this.checked = options.checked ?? false
    this.click = options.click as Click | undefined
    this.submenu = Array.isArray(options.submenu) ? StandinMenu.buildFromTemplate(options.submenu) : undefined
  }
}

/** Electron's Menu, as far as templates go. */
export class StandinMenu {
  static buildFromTemplate (template: MenuItemConstructorOptions[]): StandinMenu {
    return new StandinMenu(template.map((options) => new StandinMenuItem(options)))
  }

  static setApplicationMenu (menu: StandinMenu | null): void {
    applicationMenu = menu
    record('app-menu:set', { items: menu === null ? null : describeMenu(menu) })
  }

  static getApplicationMenu (): StandinMenu | null { return applicationMenu }

  readonly items: StandinMenuItem[]
  constructor (items: StandinMenuItem[]) { this.items = items }
}

let applicationMenu: StandinMenu | null = null
let trayMenu: StandinMenu | null = null

/** A menu as records show it. */
export function describeMenu (menu: StandinMenu): unknown[] {
  return menu.items.filter((item) => item.visible).map((item) => ({
    label: item.label,
    type: item.type,
    enabled: item.enabled,
    ...(item.type === 'checkbox' || item.type === 'radio' ? { checked: item.checked } : {}),
    ...(item.role === undefined ? {} : { role: item.role }),
    ...(item.submenu === undefined ? {} : { submenu: describeMenu(item.submenu) })
  }))
}

function findItem (menu: StandinMenu, label: string): StandinMenuItem | undefined {
  for (const item of menu.items) {
    if (item.visible && item.label === label) return item
    const inner = item.submenu === undefined ? undefined : findItem(item.submenu, label)
    if (inner !== undefined) return inner
  }
  return undefined
}

onCommand('click-menu', ({ label, menu }) => {
  const where = menu === 'app' ? applicationMenu : trayMenu
  if (where === null) throw new Error(`there is no ${menu === 'app' ? 'application' : 'tray'} menu`)
  const item = findItem(where, String(label))
  if (item === undefined) throw new Error(`no visible item labelled ${String(label)}: ${JSON.stringify(describeMenu(where))}`)
  if (!item.enabled) throw new Error(`${String(label)} is disabled`)
  if (item.type === 'checkbox') item.checked = !item.checked
  item.click?.(item, undefined, {})
  return true
})

/** An image from a file; empty when the file is missing, as Electron's. */
export class StandinNativeImage {
  readonly representations: number[] = [1]
  readonly path: string
  constructor (path: string) { this.path = path }
  isEmpty (): boolean { return this.path === '' || !existsSync(this.path) }
  addRepresentation (options: { scaleFactor?: number }): void { this.representations.push(options.scaleFactor ?? 1) }
  getSize (): { width: number, height: number } { return { width: 0, height: 0 } }
}

export const nativeImage = {
  createFromPath: (path: string) => new StandinNativeImage(path),
  createEmpty: () => new StandinNativeImage('')
}

/** The tray icon: its image, tooltip and menu recorded. */
export class StandinTray extends EventEmitter {
  #destroyed = false

  constructor (image: StandinNativeImage) {
    super()
    if (process.env.PLANETARY_STANDIN_NO_TRAY === '1') throw new Error('this desktop has no status area (stand-in: PLANETARY_STANDIN_NO_TRAY)')
    record('tray:created', { image: image.path, empty: image.isEmpty() })
  }

  setImage (image: StandinNativeImage): void { record('tray:image', { image: image.path, empty: image.isEmpty(), scales: image.representations }) }
  setToolTip (text: string): void { record('tray:tooltip', { text }) }
  setContextMenu (menu: StandinMenu | null): void {
    trayMenu = menu
    record('tray:menu', { items: menu === null ? null : describeMenu(menu) })
  }

  isDestroyed (): boolean { return this.#destroyed }
  destroy (): void {
    this.#destroyed = true
    trayMenu = null
    record('tray:destroyed')
  }
}

class StandinNativeTheme extends EventEmitter {
  get shouldUseDarkColors (): boolean { return process.env.PLANETARY_STANDIN_DARK === '1' }
  themeSource = 'system'
}

export const nativeTheme = new StandinNativeTheme()

/** A desktop notification, recorded when shown. */
export class StandinNotification extends EventEmitter {
  static isSupported (): boolean { return true }
  readonly options: { title?: string, body?: string, silent?: boolean }
  constructor (options: { title?: string, body?: string, silent?: boolean } = {}) {
    super()
    this.options = options
  }
  show (): void { record('notification', { title: this.options.title ?? '', body: this.options.body ?? '' }) }
  close (): void {}
}

// Answers for message boxes shown before the test can send any (at start): PLANETARY_STANDIN_MESSAGE_BOX_ANSWERS=0,1.
const messageBoxAnswers: number[] = (process.env.PLANETARY_STANDIN_MESSAGE_BOX_ANSWERS ?? '').split(',').filter((a) => a !== '').map(Number)
const openDialogAnswers: string[][] = []

onCommand('answer-dialogs', ({ messageBox, open }) => {
  if (Array.isArray(messageBox)) messageBoxAnswers.push(...messageBox.map(Number))
  if (Array.isArray(open)) openDialogAnswers.push(...(open as string[][]))
  return true
})

function dialogArgs<T> (args: unknown[]): T {
  return (args.length > 1 ? args[1] : args[0]) as T
}

export const dialog = {
  async showMessageBox (...args: unknown[]): Promise<{ response: number, checkboxChecked: boolean }> {
    const options = dialogArgs<MessageBoxOptions>(args)
    const response = messageBoxAnswers.shift() ?? options.cancelId ?? options.defaultId ?? 0
    record('dialog:message-box', { type: options.type ?? 'none', message: options.message, detail: options.detail ?? '', buttons: options.buttons ?? [], response })
    return { response, checkboxChecked: false }
  },
  showErrorBox (title: string, content: string): void { record('dialog:error-box', { title, content }) },
  async showOpenDialog (...args: unknown[]): Promise<{ canceled: boolean, filePaths: string[] }> {
    const options = dialogArgs<OpenDialogOptions>(args)
    const filePaths = openDialogAnswers.shift() ?? []
    record('dialog:open', { properties: options.properties ?? [], filePaths })
    return { canceled: filePaths.length === 0, filePaths }
  }
}

export const shell = {
  async openExternal (url: string): Promise<void> { record('shell:open-external', { url }) },
  showItemInFolder (path: string): void { record('shell:show-item', { path }) },
  async openPath (path: string): Promise<string> {
    record('shell:open-path', { path })
    return ''
  }
}

export const clipboard = {
  writeText (text: string): void { record('clipboard:write', { text }) }
}

const DISPLAY = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1600, height: 1000 },
  workArea: { x: 0, y: 0, width: 1600, height: 960 },
  size: { width: 1600, height: 1000 },
  workAreaSize: { width: 1600, height: 960 },
  scaleFactor: 1,
  rotation: 0,
  internal: true
} as unknown as Display

export const screen = {
  getAllDisplays: (): Display[] => [DISPLAY],
  getPrimaryDisplay: (): Display => DISPLAY
}
