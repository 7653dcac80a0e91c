// The Devices page against real daemons: this device's own name and
// fingerprint and the empty state; a bad address refused in place (nothing
// sent); a second daemon connected as a peer appears as a card, sends a
// file, the offer prompt appears and Accept (through the UI) makes the node
// fetch, verify and save it, with the store following `share:item` events
// to `done`; Decline, by keyboard, reaches the sender; a file picked on that card is uploaded from the page and
// offered back; pairing by a code shown or typed, then a paired favourite
// set to auto-accept sends without a prompt; the PIN of a LAN link checked
// before it is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createClient } from '../../../../node-core/src/api/client.ts'
import { connectWebSocket } from '../../../../node-core/src/api/ws-transport.ts'
import { planetaryOk, tempDir } from '../../../../node-core/test/helpers/cli.ts'
import { startUiDaemon } from '../../../../e2e/helpers/app.ts'
import { connectedDaemon, waitUntil } from '../../test/daemon.ts'
import { requireApi } from '../../lib/connection-store.ts'
import { formatBytes } from '../../lib/format.ts'
import { useToasts } from '../../lib/toasts.ts'
import { share as t } from '../../texts/share.ts'
import { DevicesPage } from './DevicesPage.tsx'
import { ItemDetails } from './ItemDetails.tsx'
import { OfferPrompts, WaitingBadge } from './OfferPrompts.tsx'
import { useShare } from './share-store.ts'
import { makeItem } from './test-items.ts'
import type { ApiClient } from '../../../../node-core/src/api/client.ts'
import type { UiDaemon } from '../../../../e2e/helpers/app.ts'
import type { ConnectedDaemon } from '../../test/daemon.ts'

let app: ConnectedDaemon
let other: UiDaemon
let otherApi: ApiClient
let inbox: { path: string, cleanup: () => Promise<void> }
let otherInbox: { path: string, cleanup: () => Promise<void> }

beforeAll(async () => {
  // The LAN link server on loopback: this machine may have no private network to serve on.
  const lanLink = async (repo: string): Promise<void> => { await planetaryOk(repo, ['config', 'Share.LanLink.Address', '/ip4/127.0.0.1/tcp/0']) }
  ;[app, other, inbox, otherInbox] = await Promise.all([connectedDaemon(lanLink), startUiDaemon(), tempDir(), tempDir()])
  // The page on the daemon's origin, as the web UI is (jsdom keeps its first origin for XHR's CORS check otherwise).
  const env = globalThis as unknown as { jsdom: { reconfigure: (o: { url: string }) => void, window: { _origin: string } } }
  env.jsdom.reconfigure({ url: `${app.daemon.origin}/webui/` })
  env.jsdom.window._origin = app.daemon.origin
  useShare.setState({ origin: app.daemon.origin })
  const token = new URLSearchParams(new URL(other.webui).hash.slice(1)).get('token') ?? ''
  otherApi = createClient(await connectWebSocket(other.origin, token))
  // Received files go to temporary folders, not the user's Downloads.
  await requireApi().share.configure({ inboxFolder: inbox.path, deviceName: 'Reception desk' })
  await otherApi.share.configure({ inboxFolder: otherInbox.path, deviceName: 'Ana’s laptop' })
  await useShare.getState().load()
})

afterAll(async () => {
  await otherApi.close()
  await Promise.all([app.stop(), other.stop()])
  await Promise.all([inbox.cleanup(), otherInbox.cleanup()])
})

describe('the Devices page', () => {
  it('shows this device, and what to do when no device is around', async () => {
    render(<DevicesPage />)
    const empty = await screen.findByTestId('devices-empty')
    expect(within(empty).getByRole('heading', { name: t.empty.title })).toBeTruthy()
    expect(empty.textContent).toContain('Start Planetary on the other computer')
    expect(within(empty).getByRole('button', { name: t.pair.button })).toBeTruthy()
    const self = await screen.findByTestId('this-device')
    expect(within(self).getByTestId('self-name').textContent).toBe('Reception desk')
    expect(self.textContent).toContain(t.fingerprint(app.daemon.peerId))
    expect(t.fingerprint(app.daemon.peerId)).toMatch(/^\S{4} \S{4}$/)
    expect(screen.getByTestId('inbox-empty')).toBeTruthy()
  })

  it('refuses an address without /p2p/ in place, sending nothing', async () => {
    const user = userEvent.setup()
    render(<DevicesPage />)
    await user.click(screen.getByTestId('open-add-device'))
    const dialog = await screen.findByRole('dialog', { name: t.add.title })
    const input = within(dialog).getByTestId('add-device-input')
    expect(document.activeElement).toBe(input)
    await user.type(input, '/ip4/192.168.1.20/tcp/4001{Enter}')
    expect(within(dialog).getByTestId('add-device-error').textContent).toBe(t.add.noPeer)
    expect(input.getAttribute('aria-invalid')).toBe('true')
    await user.clear(input)
    await user.type(input, '/ip4/192.168.1.300/tcp/4001/p2p/12D3KooWQYhTNQdmr3ArTeUHRYzFg94BKyTkoWBDWez9kSCVe2Xo{Enter}')
    expect(within(dialog).getByTestId('add-device-error').textContent).toBe(t.add.badIp('192.168.1.300'))
    expect((await requireApi().share.devices()).devices).toEqual([])
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('shows a connected device; its offer is prompted, and Accept receives it, verified', async () => {
    const user = userEvent.setup()
    render(<><OfferPrompts /><DevicesPage /></>)
    await otherApi.peers.connect({ address: app.daemon.addresses[0] ?? '' })
    const card = await screen.findByTestId('device-card', {}, { timeout: 15_000 })
    expect(card.getAttribute('data-peer')).toBe(other.peerId)
    await waitFor(() => { expect(within(card).getByRole('heading').textContent).toBe('Ana’s laptop') }, { timeout: 10_000 })
    expect(card.textContent).toContain(t.fingerprint(other.peerId))
    expect(within(card).getByRole('button', { name: t.devices.sendTo('Ana’s laptop') })).toBeTruthy()

    const bytes = 'hello from the other desk\n'.repeat(4000)
    const file = join(otherInbox.path, '..', `report-${Date.now()}.txt`)
    await writeFile(file, bytes)
    const sent = await otherApi.share.send({ to: app.daemon.peerId, paths: [file], message: 'the Q3 numbers' })
    const prompt = await screen.findByTestId('offer-prompt', {}, { timeout: 15_000 })
    expect(prompt.getAttribute('role')).toBe('alertdialog')
    expect(prompt.textContent).toContain(t.offer.title('Ana’s laptop'))
    expect(prompt.textContent).toContain(t.offer.what(sent.name, formatBytes(bytes.length)))
    expect(prompt.textContent).toContain('the Q3 numbers')
    // The Inbox lists it too, waiting, and the navigation's badge counts it.
    expect(useShare.getState().waiting).toBe(1)
    const badge = render(<WaitingBadge />)
    expect(badge.getByTestId('waiting-badge').textContent).toContain('1')
    badge.unmount()
    const row = await screen.findByTestId('share-item')
    expect(within(row).getByTestId('item-state').textContent).toBe(t.transfers.state('in', 'waiting'))

    await user.click(within(prompt).getByRole('button', { name: t.offer.accept }))
    await waitFor(() => { expect(screen.queryByTestId('offer-prompt')).toBeNull() })
    // The store follows the node's share:item events to the end.
    await waitUntil(() => useShare.getState().items[sent.id]?.state === 'done', 30_000, 'the item to be received')
    const done = useShare.getState().items[sent.id]
    expect(done?.verified).toBe(true)
    expect(done?.bytes).toBe(bytes.length)
    expect(useShare.getState().waiting).toBe(0)
    const saved = done?.savedTo?.[0] ?? ''
    expect(saved.startsWith(inbox.path)).toBe(true)
    expect(await readFile(saved, 'utf8')).toBe(bytes)
    await waitFor(() => { expect(within(screen.getByTestId('share-item')).getByTestId('item-state').textContent).toBe(t.transfers.state('in', 'done')) })
    const doneRow = screen.getByTestId('share-item')
    expect(doneRow.textContent).toContain(t.transfers.verified)
    expect(doneRow.textContent).toContain(t.transfers.savedTo(saved))
    expect(within(doneRow).getByRole('button', { name: t.transfers.removeLabel(sent.name) })).toBeTruthy()
    // The sender has the signed receipt.
    for (let i = 0; i < 100; i++) {
      const out = (await otherApi.share.items({ direction: 'out' })).items.find((x) => x.id === sent.id)
      if (out?.state === 'done' && out.receipt !== undefined) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect((await otherApi.share.items({ direction: 'out' })).items.find((x) => x.id === sent.id)?.receipt).toBeDefined()
  })

  it('declines from the prompt: the sender sees it declined, nothing is saved', async () => {
    const user = userEvent.setup()
    render(<OfferPrompts />)
    const file = join(otherInbox.path, '..', `unwanted-${Date.now()}.txt`)
    await writeFile(file, 'not for you')
    const sent = await otherApi.share.send({ to: app.daemon.peerId, paths: [file] })
    const prompt = await screen.findByTestId('offer-prompt', {}, { timeout: 15_000 })
    expect(prompt.getAttribute('data-id')).toBe(sent.id)
    // Reachable by keyboard: Tab reaches Accept, then Decline.
    await user.tab()
    expect(document.activeElement).toBe(within(prompt).getByRole('button', { name: t.offer.accept }))
    await user.tab()
    expect(document.activeElement).toBe(within(prompt).getByRole('button', { name: t.offer.decline }))
    await user.keyboard('{Enter}')
    await waitFor(() => { expect(screen.queryByTestId('offer-prompt')).toBeNull() })
    await waitUntil(() => useShare.getState().items[sent.id]?.state === 'declined', 10_000, 'the item to be declined')
    for (let i = 0; i < 100; i++) {
      if ((await otherApi.share.items({ direction: 'out' })).items.find((x) => x.id === sent.id)?.state === 'declined') break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect((await otherApi.share.items({ direction: 'out' })).items.find((x) => x.id === sent.id)?.state).toBe('declined')
  })

  it('uploads a file picked on a card from the page, and offers it to that device', async () => {
    render(<DevicesPage rest="/sent" />)
    const card = await screen.findByTestId('device-card')
    const content = 'picked in the browser\n'
    // jsdom's File has no webkitRelativePath; a browser's is '' for a file picked alone.
    const picked = Object.assign(new File([content], 'picked.txt', { type: 'text/plain' }), { webkitRelativePath: '' })
    fireEvent.change(within(card).getByTestId('device-file-input'), { target: { files: [picked] } })
    await waitUntil(() => useShare.getState().sent.length > 0, 20_000, 'the offer to be sent')
    const id = useShare.getState().sent[0] ?? ''
    expect(useShare.getState().items[id]?.name).toBe('picked.txt')
    expect(useShare.getState().items[id]?.peer).toBe(other.peerId)
    expect((await requireApi().files.ls({ path: '/Shared' })).entries.map((e) => e.name)).toContain('picked.txt')
    const row = await screen.findByTestId('share-item')
    expect(row.getAttribute('data-id')).toBe(id)
    // The other side accepts; this side sees it delivered.
    let offered
    for (let i = 0; i < 100 && offered === undefined; i++) {
      offered = (await otherApi.share.items({ direction: 'in' })).items.find((x) => x.id === id)
      if (offered === undefined) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await otherApi.share.accept({ id })
    await waitUntil(() => useShare.getState().items[id]?.state === 'done', 30_000, 'the item to be delivered')
    await waitFor(() => { expect(screen.getByTestId('share-item').textContent).toContain(t.transfers.state('out', 'done')) })
    expect(useShare.getState().items[id]?.receipt).toBeDefined()
    // Its details: who holds it now (the device it was delivered to).
    const user = userEvent.setup()
    await user.click(within(screen.getByTestId('share-item')).getByRole('button', { name: t.transfers.detailsLabel('picked.txt') }))
    const dialog = await screen.findByRole('dialog', { name: t.details.title('picked.txt') })
    expect(within(dialog).getByTestId('item-cid').textContent).toBe(useShare.getState().items[id]?.root)
    const reach = within(dialog).getByTestId('reach')
    await waitFor(() => { expect(reach.getAttribute('aria-busy')).toBe('false') }, { timeout: 20_000 })
    expect(reach.textContent).toContain(t.details.holders(1))
    expect(reach.textContent).toContain('Ana’s laptop')

    // A LAN link for it: the server is off, turned on from here; a short PIN is refused in place, a good one makes the link.
    const server = within(dialog).getByTestId('link-server')
    expect(server.textContent).toContain(t.links.serverOff)
    await user.click(within(server).getByRole('button', { name: t.links.turnOn }))
    await waitFor(() => { expect(within(dialog).getByTestId('link-server').textContent).toContain(t.links.serverOn('')) }, { timeout: 10_000 })
    const pin = within(dialog).getByTestId('link-pin')
    await user.type(pin, '123')
    await user.click(within(dialog).getByTestId('link-create'))
    expect(within(dialog).getByTestId('link-error').textContent).toBe(t.links.pinBad)
    await user.clear(pin)
    await user.type(pin, '4321')
    await user.click(within(dialog).getByTestId('link-create'))
    const url = (await within(dialog).findByTestId('link-url', {}, { timeout: 10_000 })).textContent
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    expect(within(dialog).getByRole('img', { name: t.links.qr(url) })).toBeTruthy()
    expect(within(dialog).getByText(t.links.pinned)).toBeTruthy()
    const links = (await requireApi().share.links()).links
    expect(links).toHaveLength(1)
    expect(links[0]).toMatchObject({ cid: useShare.getState().items[id]?.root, hasPin: true, url })
    // The page's list of live links shows it; Revoke takes it away, at the node too.
    const panel = screen.getByTestId('links-panel')
    await waitFor(() => { expect(within(panel).getByTestId('link-view').textContent).toContain(t.links.downloads(0)) })
    expect(within(panel).getByTestId('link-view').textContent).toContain('picked.txt')
    await user.click(within(dialog).getByTestId('link-revoke'))
    await waitFor(() => { expect(within(dialog).queryByTestId('link-url')).toBeNull() })
    expect((await requireApi().share.links()).links).toEqual([])
    expect(within(dialog).getByTestId('link-form')).toBeTruthy()
    expect(within(panel).getByText(t.links.none)).toBeTruthy()
  })

  it('sends the local paths of files dropped on a card in the desktop window', async () => {
    const file = join(otherInbox.path, '..', `dropped-${Date.now()}.txt`)
    await writeFile(file, 'dropped from the desktop')
    const before = new Set(useShare.getState().sent)
    window.planetary = { pathsOf: (files: File[]) => files.map(() => file) } as unknown as NonNullable<typeof window.planetary>
    try {
      render(<DevicesPage rest="/sent" />)
      const card = await screen.findByTestId('device-card')
      const dropped = new File(['x'], 'dropped.txt')
      fireEvent.dragOver(card, { dataTransfer: { types: ['Files'], files: [dropped], items: [], dropEffect: 'none' } })
      expect(card.className).toContain('drop-over')
      fireEvent.drop(card, { dataTransfer: { types: ['Files'], files: [dropped], items: [] } })
      await waitUntil(() => useShare.getState().sent.some((x) => !before.has(x)), 20_000, 'the dropped file to be offered')
    } finally {
      delete window.planetary
    }
    const id = useShare.getState().sent.find((x) => !before.has(x)) ?? ''
    expect(useShare.getState().items[id]?.name).toBe(file.split('/').pop())
    expect(useShare.getState().items[id]?.totalBytes).toBe('dropped from the desktop'.length)
  })

  it('pairs by the code this device shows; a paired favourite may send without asking', async () => {
    const user = userEvent.setup()
    render(<DevicesPage />)
    await user.click(screen.getByTestId('open-pair'))
    const dialog = await screen.findByRole('dialog', { name: t.pair.title })
    const code = (await within(dialog).findByTestId('pair-code')).textContent.replace(/\s/g, '')
    expect(code).toMatch(/^\d{6}$/)
    expect(within(dialog).getByTestId('pair-status').textContent).toMatch(/^Valid for \d+ min/)
    const device = await otherApi.share.pairJoin({ code })
    expect(device.peer).toBe(app.daemon.peerId)
    await waitFor(() => { expect(within(dialog).getByTestId('pair-status').textContent).toBe(t.pair.paired('Ana’s laptop')) }, { timeout: 10_000 })
    await user.keyboard('{Escape}')

    const card = await screen.findByTestId('device-card')
    await waitFor(() => { expect(within(card).getByText(t.devices.paired)).toBeTruthy() })
    expect(within(card).queryByTestId('device-auto-accept')).toBeNull()
    const star = within(card).getByRole('button', { name: t.devices.favourite('Ana’s laptop') })
    expect(star.getAttribute('aria-pressed')).toBe('false')
    await user.click(star)
    await waitFor(() => { expect(star.getAttribute('aria-pressed')).toBe('true') })
    const auto = await within(card).findByRole('switch', { name: t.devices.autoAccept })
    await user.click(auto)
    await waitFor(() => { expect((auto as HTMLInputElement).checked).toBe(true) })
    expect((await requireApi().share.devices()).devices.find((d) => d.peer === other.peerId)).toMatchObject({ paired: true, favourite: true, autoAccept: true })

    // Now an offer from it is received at once: a toast, no prompt.
    render(<OfferPrompts />)
    const file = join(otherInbox.path, '..', `auto-${Date.now()}.txt`)
    await writeFile(file, 'no questions asked')
    const sent = await otherApi.share.send({ to: app.daemon.peerId, paths: [file] })
    await waitUntil(() => useShare.getState().items[sent.id]?.state === 'done', 30_000, 'the auto-accepted item')
    expect(screen.queryByTestId('offer-prompt')).toBeNull()
    expect(useToasts.getState().toasts.map((x) => x.text)).toContain(t.offer.autoAccepted('Ana’s laptop', sent.name, formatBytes(18)))
  })

  it('pairs by a code typed in, showing the phases', async () => {
    const user = userEvent.setup()
    render(<DevicesPage />)
    await user.click(screen.getByTestId('open-pair'))
    const dialog = await screen.findByRole('dialog', { name: t.pair.title })
    await user.click(within(dialog).getByRole('tab', { name: t.pair.enterTab }))
    const input = within(dialog).getByTestId('pair-join-input')
    await user.type(input, '12345{Enter}')
    expect(within(dialog).getByTestId('pair-join-error').textContent).toBe(t.pair.enterBad)
    const { code } = await otherApi.share.pairStart()
    await user.clear(input)
    await user.type(input, `${code.slice(0, 3)} ${code.slice(3)}{Enter}`)
    expect(await within(dialog).findByTestId('pair-done', {}, { timeout: 15_000 })).toBeTruthy()
    expect(within(dialog).getByTestId('pair-done').textContent).toBe(t.pair.paired('Ana’s laptop'))
  })

  it('checks a LAN link’s PIN before sending it', async () => {
    const user = userEvent.setup()
    const item = makeItem(90_001, { direction: 'out', state: 'done' })
    useShare.getState().ingest([item])
    useShare.setState({ links: { enabled: false, links: [] }, linksError: undefined })
    render(<ItemDetails id={item.id} onClose={() => {}} />)
    expect(screen.getByTestId('link-server').textContent).toContain(t.links.serverOff)
    const pin = screen.getByTestId('link-pin')
    await user.type(pin, '12')
    await user.click(screen.getByTestId('link-create'))
    expect(screen.getByTestId('link-error').textContent).toBe(t.links.pinBad)
    expect(pin.getAttribute('aria-invalid')).toBe('true')
    await user.clear(pin)
    await user.type(pin, '12ab')
    await user.click(screen.getByTestId('link-create'))
    expect(screen.getByTestId('link-error').textContent).toBe(t.links.pinBad)
    expect(useShare.getState().links?.links).toEqual([])
  })
})
