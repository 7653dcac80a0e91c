// The Peers page against real daemons: the empty state and its connect
// field with no peers; a second and third daemon connected through that
// field appear in the table (on the local network, by ID), and sorting by a
// column reorders the rows. A peer's agent string renders as text.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { render, screen, within, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { startTestDaemon } from '../../../../node-core/test/helpers/daemon.ts'
import { connectedDaemon } from '../../test/daemon.ts'
import { requireApi } from '../../lib/connection-store.ts'
import { PeersPage } from './PeersPage.tsx'
import { PeerRow } from './table/PeerRow.tsx'
import { PeersTable, VIRTUALISE_AFTER } from './table/PeersTable.tsx'
import { usePeers } from './peers-store.ts'
import { peers as t } from '../../texts/peers.ts'
import type { ConnectedDaemon } from '../../test/daemon.ts'
import type { TestDaemon } from '../../../../node-core/test/helpers/daemon.ts'
import type { Peer } from './peers-store.ts'

let app: ConnectedDaemon
let second: TestDaemon
let third: TestDaemon

beforeAll(async () => {
  [app, second, third] = await Promise.all([connectedDaemon(), startTestDaemon(), startTestDaemon()])
})

afterAll(async () => {
  await Promise.all([app.stop(), second.stop(), third.stop()])
})

function rowIds (): string[] {
  return screen.getAllByTestId('peer-row').map((row) => row.getAttribute('data-peer') ?? '')
}

describe('the Peers page', () => {
  it('shows the empty state with no peers, and refuses an address without /p2p/ in place', async () => {
    const user = userEvent.setup()
    render(<PeersPage />)
    const empty = await screen.findByTestId('peers-empty')
    expect(within(empty).getByRole('heading', { name: t.empty.title })).toBeTruthy()
    expect(empty.textContent).toContain('mDNS')
    expect(screen.queryByTestId('peers-table')).toBeNull()
    expect(screen.getByTestId('world-map')).toBeTruthy()
    await user.type(screen.getByTestId('connect-input'), '/ip4/127.0.0.1/tcp/4001{Enter}')
    expect(screen.getByTestId('connect-error').textContent).toBe(t.connect.badInput)
    expect(screen.getByTestId('connect-input').getAttribute('aria-invalid')).toBe('true')
    expect((await requireApi().peers.list()).peers).toEqual([])
  })

  it('connects peers through the field, lists them on the local network, and sorts by a column', async () => {
    const user = userEvent.setup()
    render(<PeersPage />)
    const input = await screen.findByTestId('connect-input')
    await user.type(input, `${second.addresses[0] ?? ''}{Enter}`)
    const row = await screen.findByTestId('peer-row', {}, { timeout: 10_000 })
    expect(row.getAttribute('data-peer')).toBe(second.peerId)
    expect(within(row).getByText(t.table.lan)).toBeTruthy()
    expect((await requireApi().peers.list()).peers.map((p) => p.peer)).toContain(second.peerId)
    // The World view's list counts it on the local network.
    expect(screen.getByTestId('places-list').querySelector('[data-country="lan"] .count-badge')?.textContent).toBe('1')

    await usePeers.getState().connect(third.addresses[0] ?? '')
    await waitFor(() => { expect(screen.getAllByTestId('peer-row')).toHaveLength(2) })
    const ascending = [second.peerId, third.peerId].sort((a, b) => a.localeCompare(b))
    expect(rowIds()).toEqual(ascending)
    const header = screen.getByRole('button', { name: t.table.peer })
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('ascending')
    await user.click(header)
    expect(rowIds()).toEqual([...ascending].reverse())
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('descending')
    const address = screen.getByRole('button', { name: t.table.address })
    await user.click(address)
    expect(address.closest('th')?.getAttribute('aria-sort')).toBe('ascending')
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('none')
  })

  it('switches to the Network view with the arrow keys', async () => {
    const user = userEvent.setup()
    render(<PeersPage />)
    const world = screen.getByTestId('peers-view-world')
    expect(world.getAttribute('aria-selected')).toBe('true')
    world.focus()
    await user.keyboard('{ArrowRight}')
    const network = screen.getByTestId('peers-view-network')
    expect(network.getAttribute('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(network)
    expect(screen.getByTestId('network-graph')).toBeTruthy()
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(network.id)
    expect(screen.queryByTestId('world-map')).toBeNull()
    await user.click(world)
  })
})

describe('a peer row', () => {
  it('renders a peer-supplied agent and address as text', () => {
    const agent = '<img src=x onerror=alert(1)>'
    const peer: Peer = { peer: '12D3KooWTestPeer', address: '/ip4/1.2.3.4/tcp/1/<b>x</b>', transport: 'tcp', direction: 'inbound', agent, country: 'DE', lan: false, relayed: false, latencyMs: 42 }
    const { container } = render(<table><tbody><PeerRow peer={peer} /></tbody></table>)
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('b')).toBeNull()
    expect(screen.getByText(agent)).toBeTruthy()
    expect(screen.getByText('/ip4/1.2.3.4/tcp/1/<b>x</b>')).toBeTruthy()
    expect(screen.getByText('DE')).toBeTruthy()
    expect(screen.getByText('42 ms')).toBeTruthy()
  })

  it('renders only the visible rows of a long table', () => {
    const many: Peer[] = Array.from({ length: VIRTUALISE_AFTER + 300 }, (_, i) => ({ peer: `12D3KooW${String(i).padStart(4, '0')}`, address: `/ip4/203.0.113.1/tcp/${i}`, transport: 'tcp', direction: 'outbound', lan: false, relayed: false }))
    render(<PeersTable peers={many} />)
    expect(screen.queryAllByTestId('peer-row').length).toBeLessThan(100)
    const short = render(<PeersTable peers={many.slice(0, VIRTUALISE_AFTER)} />)
    expect(within(short.container).getAllByTestId('peer-row')).toHaveLength(VIRTUALISE_AFTER)
  })
})
