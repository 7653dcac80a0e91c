// The Settings page against a real daemon: each control's change reaches
// the node's config (read back with config.get and `planetary config
// show`), a bad storage cap is refused on the page and never sent, the
// node's own refusal shows beside its field, and the theme is kept in this
// browser and applied to the document.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { planetaryOk } from '../../../../node-core/test/helpers/cli.ts'
import { DEFAULT_BOOTSTRAP as NODE_BOOTSTRAP } from '../../../../node-core/src/repo/config/defaults.ts'
import { ConfigSchema } from '../../../../node-core/src/repo/config/schema.ts'
import { connectedDaemon } from '../../test/daemon.ts'
import { requireApi } from '../../lib/connection-store.ts'
import { REPROVIDER_STRATEGIES, ROUTING_TYPES } from './setting-values.ts'
import { checkStorageMax, checkWatermark } from './validate.ts'
import { useSettings } from './settings-store.ts'
import { SettingsPage } from './SettingsPage.tsx'
import type { ConnectedDaemon } from '../../test/daemon.ts'

let node: ConnectedDaemon

beforeAll(async () => { node = await connectedDaemon() })
afterAll(async () => { await node?.stop() })

const configGet = async (key: string): Promise<unknown> => (await requireApi().config.get({ key })).value
const configShow = async (): Promise<Record<string, Record<string, unknown>>> => JSON.parse((await planetaryOk(node.daemon.repo, ['config', 'show'])).stdout)

async function renderLoaded (): Promise<ReturnType<typeof userEvent.setup>> {
  const user = userEvent.setup()
  render(<SettingsPage />)
  await screen.findByTestId('setting-Routing.Type')
  return user
}

describe('the settings values', () => {
  it('offer what the node’s config schema accepts', () => {
    expect([...ROUTING_TYPES]).toEqual(ConfigSchema.shape.Routing.shape.Type.options)
    expect([...REPROVIDER_STRATEGIES]).toEqual(ConfigSchema.shape.Reprovider.unwrap().shape.Strategy.options)
  })

  it('check sizes and percentages by the node’s rules', () => {
    expect(checkStorageMax(' 10GB ')).toEqual({ ok: true, value: '10GB' })
    expect(checkStorageMax('256 KiB').ok).toBe(true)
    expect(checkStorageMax('12 potatoes')).toEqual({ ok: false, error: '“12 potatoes” is not a size. Use a number and a unit, like 10GB, 500MB or 1TiB.' })
    expect(checkStorageMax('0GB').ok).toBe(false)
    expect(checkStorageMax('').ok).toBe(false)
    expect(checkWatermark('75')).toEqual({ ok: true, value: 75 })
    expect(checkWatermark('75%')).toEqual({ ok: true, value: 75 })
    for (const bad of ['0', '101', '7.5', 'lots']) expect(checkWatermark(bad).ok).toBe(false)
  })
})

describe('the Settings page', () => {
  it('shows the node’s current values and addresses', async () => {
    await renderLoaded()
    expect((screen.getByTestId('setting-Datastore.StorageMax') as HTMLInputElement).value).toBe(await configGet('Datastore.StorageMax'))
    expect((screen.getByTestId('setting-Routing.Type') as HTMLSelectElement).value).toBe(await configGet('Routing.Type'))
    expect((screen.getByTestId('setting-Discovery.MDNS.Enabled') as HTMLInputElement).checked).toBe(false) // the test profile's
    expect((screen.getByTestId('setting-Bootstrap') as HTMLInputElement).checked).toBe(false)
    const info = await requireApi().node.info()
    expect(screen.getByTestId('address-api').textContent).toBe(info.apiAddress ?? await configGet('Addresses.API'))
    expect(screen.getByTestId('address-gateway').textContent).toBe(info.gatewayUrl ?? await configGet('Addresses.Gateway'))
    expect(info.listenAddresses).toHaveLength(3) // the test profile's TCP, QUIC and WebSocket, on ports the system chose
    expect(within(screen.getByTestId('address-swarm')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(info.listenAddresses)
    expect(info.portsMoved).toEqual([])
    expect(screen.queryByTestId('ports-moved')).toBeNull()
  })

  it('sends each change to the node, which keeps it for the next start', async () => {
    const user = await renderLoaded()
    expect(screen.queryByTestId('restart-needed')).toBeNull()

    const cap = screen.getByTestId('setting-Datastore.StorageMax')
    await user.clear(cap)
    await user.type(cap, '20GB{Enter}')
    await waitFor(() => { expect(screen.getByTestId('status-Datastore.StorageMax').textContent).toBe('Saved. Restart the node to apply.') })
    expect(screen.getByTestId('restart-needed').textContent).toContain('Restart the node')
    expect(await configGet('Datastore.StorageMax')).toBe('20GB')

    const watermark = screen.getByTestId('setting-Datastore.StorageGCWatermark')
    await user.clear(watermark)
    await user.type(watermark, '75')
    await user.click(screen.getByTestId('save-Datastore.StorageGCWatermark'))
    await waitFor(() => { expect(screen.getByTestId('status-Datastore.StorageGCWatermark').textContent).toContain('Saved.') })

    await user.selectOptions(screen.getByTestId('setting-Routing.Type'), 'dhtclient')
    await waitFor(() => { expect(screen.getByTestId('status-Routing.Type').textContent).toContain('Saved.') })
    await user.selectOptions(screen.getByTestId('setting-Reprovider.Strategy'), 'pinned')
    await waitFor(() => { expect(screen.getByTestId('status-Reprovider.Strategy').textContent).toContain('Saved.') })
    await user.click(screen.getByTestId('setting-Discovery.MDNS.Enabled'))
    await waitFor(() => { expect(screen.getByTestId('status-Discovery.MDNS.Enabled').textContent).toContain('Saved.') })
    await user.click(screen.getByTestId('setting-Bootstrap'))
    await waitFor(() => { expect(screen.getByTestId('status-Bootstrap').textContent).toContain('Saved.') })
    expect((screen.getByTestId('setting-Bootstrap') as HTMLInputElement).checked).toBe(true)

    const shown = await configShow()
    expect(shown.Datastore).toMatchObject({ StorageMax: '20GB', StorageGCWatermark: 75 })
    expect(shown.Routing?.Type).toBe('dhtclient')
    expect(shown.Reprovider?.Strategy).toBe('pinned')
    expect(shown.Discovery).toEqual({ MDNS: { Enabled: true } })
    expect(shown.Bootstrap).toEqual(NODE_BOOTSTRAP)
    expect(await configGet('Routing.Type')).toBe('dhtclient')

    // Off empties the bootstrap list.
    await user.click(screen.getByTestId('setting-Bootstrap'))
    await waitFor(() => { expect((screen.getByTestId('setting-Bootstrap') as HTMLInputElement).checked).toBe(false) })
    await waitFor(async () => { expect(await configGet('Bootstrap')).toEqual([]) })
    expect((await configShow()).Bootstrap).toEqual([])
  })

  it('refuses a bad storage cap on the page and sends nothing', async () => {
    const user = await renderLoaded()
    const before = await configGet('Datastore.StorageMax')
    const cap = screen.getByTestId('setting-Datastore.StorageMax')
    await user.clear(cap)
    await user.type(cap, '12 potatoes')
    await user.click(screen.getByTestId('save-Datastore.StorageMax'))
    expect(screen.getByTestId('invalid-Datastore.StorageMax').textContent).toBe('“12 potatoes” is not a size. Use a number and a unit, like 10GB, 500MB or 1TiB.')
    expect(cap.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByTestId('status-Datastore.StorageMax').textContent).toBe('')
    expect(useSettings.getState().fields['Datastore.StorageMax']).toBeUndefined()
    expect(await configGet('Datastore.StorageMax')).toBe(before)
  })

  it('shows the node’s refusal beside the field and keeps the value the node holds', async () => {
    await renderLoaded()
    const before = await configGet('Routing.Type')
    // Not a value the page offers: the node's schema refuses it.
    expect(await useSettings.getState().save('Routing.Type', 'everywhere')).toBe(false)
    await waitFor(() => { expect(screen.getByTestId('error-Routing.Type').textContent).toMatch(/refused that setting.*Routing\.Type/) })
    expect((screen.getByTestId('setting-Routing.Type') as HTMLSelectElement).value).toBe(before)
    expect(await configGet('Routing.Type')).toBe(before)
  })

  it('keeps the theme in this browser and applies it to the document', async () => {
    const user = await renderLoaded()
    await user.click(screen.getByTestId('theme-dark'))
    expect(localStorage.getItem('planetary-theme')).toBe('dark')
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect((screen.getByTestId('theme-dark') as HTMLInputElement).checked).toBe(true)
    await user.click(screen.getByTestId('theme-light'))
    expect(localStorage.getItem('planetary-theme')).toBe('light')
    expect(document.documentElement.dataset.theme).toBe('light')
    await user.click(screen.getByTestId('theme-system'))
    expect(localStorage.getItem('planetary-theme')).toBe('system')
  })
})
