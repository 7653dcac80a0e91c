// The tray menu and, without a tray, the application menu built from the
// same items: the order and labels, Start/Stop by state, Copy gateway URL
// only with a running gateway, the launch-at-login checkbox, and each
// item's click calling its injected action.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import type { KeyboardEvent, MenuItem, MenuItemConstructorOptions } from 'electron'
import { MENU_IDS, MENU_TEXTS, appMenuTemplate, menuItems, shellMenuTemplate, trayMenuTemplate } from '../src/tray-menu.ts'
import type { MenuActions, MenuSnapshot } from '../src/tray-menu.ts'
import { INITIAL_TRAY_STATE, nextTrayState } from '../src/tray-state.ts'
import type { TrayEvent, TrayState } from '../src/tray-state.ts'

function stateAfter (...events: TrayEvent[]): TrayState {
  return events.reduce(nextTrayState, INITIAL_TRAY_STATE)
}

const RUNNING = stateAfter({ type: 'started' }, { type: 'peers', count: 3, at: 0 })
const GATEWAY = 'http://127.0.0.1:8080'

function snapshot (overrides: Partial<MenuSnapshot> = {}): MenuSnapshot {
  return { state: RUNNING, rates: { rateIn: 1_200_000, rateOut: 40_000 }, launchAtLogin: false, gatewayUrl: GATEWAY, hasTray: true, ...overrides }
}

function fakeActions (): { actions: MenuActions, calls: unknown[][] } {
  const calls: unknown[][] = []
  const record = (name: string) => (...args: unknown[]) => { calls.push([name, ...args]) }
  const actions: MenuActions = {
    open: record('open'),
    importFiles: record('importFiles'),
    startNode: record('startNode'),
    stopNode: record('stopNode'),
    copyGatewayUrl: record('copyGatewayUrl'),
    openSettings: record('openSettings'),
    setLaunchAtLogin: record('setLaunchAtLogin'),
    quit: record('quit')
  }
  return { actions, calls }
}

function byId (items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const item = items.find((i) => i.id === id)
  assert.ok(item !== undefined, `no item ${id}`)
  return item
}

function click (item: MenuItemConstructorOptions, menuItem: Partial<MenuItem> = {}): void {
  assert.ok(item.click !== undefined, `${item.id ?? '?'} has no click`)
  item.click(menuItem as MenuItem, undefined, {} as KeyboardEvent)
}

describe('tray menu', () => {
  it('lists the items in order, the status line first and disabled', () => {
    const items = trayMenuTemplate(snapshot(), fakeActions().actions)
    assert.deepEqual(items.map((i) => i.type === 'separator' ? '—' : i.id), [
      MENU_IDS.status, '—', MENU_IDS.open, MENU_IDS.importFiles, MENU_IDS.stopNode, MENU_IDS.copyGatewayUrl, '—',
      MENU_IDS.settings, MENU_IDS.launchAtLogin, '—', MENU_IDS.quit
    ])
    const status = byId(items, MENU_IDS.status)
    assert.equal(status.label, 'Running · 3 peers · ↓ 1.2 MB/s ↑ 40 KB/s')
    assert.equal(status.enabled, false)
    for (const key of ['open', 'importFiles', 'stopNode', 'copyGatewayUrl', 'settings', 'launchAtLogin', 'quit'] as const) {
      assert.equal(byId(items, MENU_IDS[key]).label, MENU_TEXTS[key])
    }
  })

  it('offers Start node when stopped or failed, Stop node otherwise (disabled while stopping)', () => {
    const { actions } = fakeActions()
    const cases: Array<[TrayState, string, boolean]> = [
      [INITIAL_TRAY_STATE, MENU_IDS.stopNode, true],
      [RUNNING, MENU_IDS.stopNode, true],
      [stateAfter({ type: 'started' }, { type: 'stop' }), MENU_IDS.stopNode, false],
      [stateAfter({ type: 'started' }, { type: 'stop' }, { type: 'stopped' }), MENU_IDS.startNode, true],
      [stateAfter({ type: 'start-failed', message: 'x' }), MENU_IDS.startNode, true]
    ]
    for (const [state, id, enabled] of cases) {
      const items = menuItems(snapshot({ state }), actions)
      assert.equal(byId(items, id).enabled !== false, enabled, `${state.status}: ${id}`)
      const other = id === MENU_IDS.stopNode ? MENU_IDS.startNode : MENU_IDS.stopNode
      assert.equal(items.some((i) => i.id === other), false, `${state.status} shows only ${id}`)
    }
  })

  it('offers neither Start nor Stop node for a node the app does not run (a daemon it is attached to)', () => {
    const { startNode, stopNode, ...attached } = fakeActions().actions
    assert.equal(typeof startNode, 'function')
    assert.equal(typeof stopNode, 'function')
    for (const state of [RUNNING, stateAfter({ type: 'start-failed', message: 'x' })]) {
      const ids = menuItems(snapshot({ state }), attached).map((i) => i.id)
      assert.ok(!ids.includes(MENU_IDS.startNode) && !ids.includes(MENU_IDS.stopNode), `${state.status}: ${ids.join(', ')}`)
      assert.ok(ids.includes(MENU_IDS.open) && ids.includes(MENU_IDS.quit))
    }
  })

  it('enables Copy gateway URL and Import files only while the node is up, the copy only with a gateway', () => {
    const { actions } = fakeActions()
    assert.equal(byId(menuItems(snapshot(), actions), MENU_IDS.copyGatewayUrl).enabled, true)
    assert.equal(byId(menuItems(snapshot({ gatewayUrl: undefined }), actions), MENU_IDS.copyGatewayUrl).enabled, false)
    assert.equal(byId(menuItems(snapshot({ gatewayUrl: '' }), actions), MENU_IDS.copyGatewayUrl).enabled, false)
    const starting = menuItems(snapshot({ state: INITIAL_TRAY_STATE }), actions)
    assert.equal(byId(starting, MENU_IDS.copyGatewayUrl).enabled, false)
    assert.equal(byId(starting, MENU_IDS.importFiles).enabled, false)
    assert.equal(byId(menuItems(snapshot(), actions), MENU_IDS.importFiles).enabled, true)
  })

  it('shows launch at login as a checkbox with its value', () => {
    const { actions } = fakeActions()
    for (const launchAtLogin of [true, false]) {
      const item = byId(menuItems(snapshot({ launchAtLogin }), actions), MENU_IDS.launchAtLogin)
      assert.equal(item.type, 'checkbox')
      assert.equal(item.checked, launchAtLogin)
    }
  })

  it('calls the injected action of each item', () => {
    const { actions, calls } = fakeActions()
    const items = menuItems(snapshot(), actions)
    for (const id of [MENU_IDS.open, MENU_IDS.importFiles, MENU_IDS.stopNode, MENU_IDS.copyGatewayUrl, MENU_IDS.settings, MENU_IDS.quit]) click(byId(items, id))
    click(byId(items, MENU_IDS.launchAtLogin), { checked: true })
    const stopped = menuItems(snapshot({ state: stateAfter({ type: 'stop' }, { type: 'stopped' }) }), actions)
    click(byId(stopped, MENU_IDS.startNode))
    assert.deepEqual(calls, [
      ['open'], ['importFiles'], ['stopNode'], ['copyGatewayUrl', GATEWAY], ['openSettings'], ['quit'],
      ['setLaunchAtLogin', true], ['startNode']
    ])
  })

  it('without a tray, makes the same items the application menu, with Edit and Window menus', () => {
    const { actions } = fakeActions()
    const tray = trayMenuTemplate(snapshot(), actions)
    const app = appMenuTemplate(snapshot({ hasTray: false }), actions)
    assert.equal(app[0]?.label, MENU_TEXTS.appName)
    const submenu = app[0]?.submenu
    assert.ok(Array.isArray(submenu))
    const strip = (items: MenuItemConstructorOptions[]): unknown[] => items.map(({ id, label, type, enabled, checked }) => ({ id, label, type, enabled, checked }))
    assert.deepEqual(strip(submenu), strip(tray))
    assert.deepEqual(app.slice(1).map((m) => m.role), ['editMenu', 'windowMenu'])
    // Quit has its shortcut in the application menu only.
    assert.equal(byId(submenu, MENU_IDS.quit).accelerator, 'CmdOrCtrl+Q')
    assert.equal(byId(tray, MENU_IDS.quit).accelerator, undefined)
  })

  it('picks the tray menu or the application menu by hasTray', () => {
    const { actions } = fakeActions()
    assert.equal(shellMenuTemplate(snapshot({ hasTray: true }), actions)[0]?.id, MENU_IDS.status)
    assert.equal(shellMenuTemplate(snapshot({ hasTray: false }), actions)[0]?.label, MENU_TEXTS.appName)
  })
})
