// Sending to a coworker as a user does it, for the e2e tests: daemons with
// a device name and an inbox folder, connected on loopback; the Devices
// page, its device cards (a real drop onto one), the offer prompt, and the
// Inbox and Sent rows with what they showed while the transfer moved.
// Selectors by role and accessible name, as a screen reader finds them.
import { planetaryOk } from '../../node-core/test/helpers/cli.ts'
import { startUiDaemon } from './app.ts'
import type { Locator, Page } from 'playwright-core'
import type { TestDaemon } from '../../node-core/test/helpers/daemon.ts'
import type { UiDaemon } from './app.ts'

/** Set a repo's device name and inbox folder (before its daemon starts). */
export async function configureShare (repo: string, device: { name: string, inbox: string }): Promise<void> {
  await planetaryOk(repo, ['config', 'Share.DeviceName', device.name])
  await planetaryOk(repo, ['config', 'Share.InboxFolder', device.inbox])
}

/** A daemon with its web UI, named `name`, saving what it receives into `inbox`. */
export async function startShareDaemon (device: { name: string, inbox: string }): Promise<UiDaemon> {
  return await startUiDaemon(async (repo) => { await configureShare(repo, device) })
}

/** `from` dials `to` over loopback TCP (the test profile has no mDNS); the share hellos follow by themselves. */
export async function connect (from: Pick<TestDaemon, 'repo'>, to: Pick<TestDaemon, 'addresses'>): Promise<void> {
  const address = to.addresses.find((a) => a.includes('/tcp/') && !a.includes('/ws'))
  if (address === undefined) throw new Error(`no TCP address among ${to.addresses.join(', ')}`)
  await planetaryOk(from.repo, ['swarm', 'connect', address])
}

/** Open the Devices page from the navigation. */
export async function openDevices (page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: /^Devices\b/ }).click()
  await page.getByRole('heading', { level: 1, name: 'Devices' }).waitFor()
}

/** The card of the device called `name` (a list item named by its heading). */
export function deviceCard (page: Page, name: string): Locator {
  return page.getByRole('listitem', { name, exact: true })
}

/**
 * Drop files from disk onto `target` as the OS does: Chromium's own
 * drag-and-drop (DevTools' Input.dispatchDragEvent with file paths) at the
 * target's centre, so its drop handler gets real File objects.
 */
export async function dropOn (target: Locator, paths: string[]): Promise<void> {
  await target.scrollIntoViewIfNeeded()
  const box = await target.boundingBox()
  if (box === null) throw new Error('the drop target is not on screen')
  const page = target.page()
  const cdp = await page.context().newCDPSession(page)
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  const data = { items: [], files: paths, dragOperationsMask: 1 }
  try {
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data })
  } finally {
    await cdp.detach()
  }
}

/** The prompt for an offer from the device `from` (a non-modal alert dialog). */
export function offerPrompt (page: Page, from: string): Locator {
  return page.getByRole('alertdialog', { name: `${from} wants to send you` })
}

/** Open the Inbox or Sent tab of the transfers. */
export async function openTransfers (page: Page, tab: 'Inbox' | 'Sent'): Promise<void> {
  const button = page.getByRole('tab', { name: new RegExp(`^${tab}\\b`) })
  await button.click()
  await page.waitForFunction((name) => [...document.querySelectorAll('[role="tab"]')].some((t) => t.textContent?.startsWith(name) === true && t.getAttribute('aria-selected') === 'true'), tab)
}

function escape (text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The transfer row of `name` sent `to` or received `from` a device, in state `state` (as its words say), or in any state. */
export function transferRow (page: Page, name: string, other: { to: string } | { from: string }, state?: string): Locator {
  const side = 'to' in other ? `to ${other.to}` : `from ${other.from}`
  return page.getByRole('listitem', { name: new RegExp(`^${escape(name)}, ${escape(side)}, ${state === undefined ? '' : `${escape(state)}$`}`) })
}

/** What a transfer row showed while it was watched. */
export interface RowHistory {
  /** Each state it showed, in order, repeats collapsed (`waiting`, `transferring`, `done`). */
  states: string[]
  /** Each byte count its progress bar showed, in order, repeats collapsed. */
  bytes: number[]
  /** The item's total bytes, as its progress bar said. */
  total: number | undefined
}

/**
 * Watch the transfer rows whose accessible name starts with `name, `: every
 * state and progress the page renders is recorded (a MutationObserver in the
 * page, so a state shown for one frame is not missed). Read it with
 * {@link rowHistory}.
 */
export async function watchRows (page: Page, name: string): Promise<void> {
  await page.evaluate((prefix) => {
    const history = { states: [] as string[], bytes: [] as number[], total: undefined as number | undefined }
    const push = <T>(list: T[], value: T): void => { if (list.at(-1) !== value) list.push(value) }
    const look = (): void => {
      for (const row of document.querySelectorAll('[role="listitem"][data-state]')) {
        if (!(row.getAttribute('aria-label') ?? '').startsWith(prefix)) continue
        push(history.states, row.getAttribute('data-state') ?? '')
        const progress = row.querySelector('[data-bytes]')
        if (progress !== null) {
          push(history.bytes, Number(progress.getAttribute('data-bytes')))
          history.total = Number(progress.getAttribute('data-total'))
        }
      }
    }
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-bytes', 'aria-label'] })
    look()
    ;(window as unknown as { rowHistory: Record<string, typeof history> }).rowHistory ??= {}
    ;(window as unknown as { rowHistory: Record<string, typeof history> }).rowHistory[prefix] = history
  }, `${name}, `)
}

/** What the rows watched by {@link watchRows} showed so far. */
export async function rowHistory (page: Page, name: string): Promise<RowHistory> {
  return await page.evaluate((prefix) => (window as unknown as { rowHistory: Record<string, RowHistory> }).rowHistory[prefix] ?? { states: [], bytes: [], total: undefined }, `${name}, `)
}

/** `planetary --enc json <args>` on `repo` (through its running daemon's API), parsed. */
export async function shareJson<T> (repo: string, args: string[]): Promise<T> {
  return JSON.parse((await planetaryOk(repo, ['--enc', 'json', ...args])).stdout) as T
}
