// The Settings page's addresses against a real daemon started as the
// desktop app starts it, after another program took every port its repo
// names (API, gateway, swarm TCP, QUIC and WebSocket): the page shows the
// addresses in use, not the configured ones, and says which ports moved
// and where, in the words of texts/settings.ts; its copy buttons are
// reached by the keyboard.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { freshRepo } from '../../../../node-core/test/helpers/cli.ts'
import { runDesktopDaemon } from '../../../../node-core/test/helpers/daemon.ts'
import { blockAddresses, configureAddresses, portBlockers } from '../../../../node-core/test/helpers/ports.ts'
import { withUi } from '../../../../e2e/helpers/app.ts'
import { connectTo } from '../../test/daemon.ts'
import { requireApi } from '../../lib/connection-store.ts'
import { settings as texts } from '../../texts/settings.ts'
import { movedPorts, portOf } from './ports-moved.ts'
import { SettingsPage } from './SettingsPage.tsx'
import type { ConnectedDaemon } from '../../test/daemon.ts'
import type { BlockedAddresses } from '../../../../node-core/test/helpers/ports.ts'

describe('the moved ports’ lines', () => {
  it('give one line per taken port, naming every port used instead', () => {
    const lines = movedPorts([
      { kind: 'swarm', configured: '/ip4/0.0.0.0/tcp/4001', actual: '/ip4/0.0.0.0/tcp/41234' },
      { kind: 'swarm', configured: '/ip6/::/tcp/4001', actual: '/ip6/::/tcp/38123' },
      { kind: 'swarm', configured: '/ip4/0.0.0.0/udp/4001/quic-v1', actual: '/ip4/0.0.0.0/udp/41234/quic-v1' },
      { kind: 'api', configured: '/ip4/127.0.0.1/tcp/5001', actual: '/ip4/127.0.0.1/tcp/45678' }
    ])
    expect(lines).toEqual([{ kind: 'swarm', from: 4001, to: [41234, 38123] }, { kind: 'api', from: 5001, to: [45678] }])
    expect(texts.addresses.moved('swarm', 4001, [41234, 38123])).toBe('Port 4001 (peer connections) was in use, so Planetary listens on 41234 and 38123 instead.')
    expect(texts.addresses.moved('api', 5001, [45678])).toBe('Port 5001 (API and web UI) was in use, so Planetary listens on 45678 instead.')
  })
})

describe('the addresses when another program holds the configured ports', () => {
  const blockers = portBlockers()
  let blocked: BlockedAddresses
  let node: ConnectedDaemon

  beforeAll(async () => {
    const { repo, cleanup } = await freshRepo()
    blocked = await blockAddresses(blockers)
    await configureAddresses(repo, blocked)
    node = await connectTo(withUi(await runDesktopDaemon(repo, cleanup)))
  })
  afterAll(async () => {
    await node?.stop()
    await blockers.close()
  })

  it('shows the addresses in use and says which ports moved, and where', async () => {
    const user = userEvent.setup()
    render(<SettingsPage />)
    const notice = await screen.findByTestId('ports-moved')
    const info = await requireApi().node.info()
    expect(info.portsMoved.map((m) => m.configured).sort()).toEqual([blocked.API, blocked.Gateway, ...blocked.Swarm].sort())
    expect(within(notice).getByText(texts.addresses.movedTitle)).toBeTruthy()
    const said = within(notice).getAllByRole('listitem').map((li) => li.textContent)
    expect(said).toHaveLength(5)
    for (const move of info.portsMoved) expect(said).toContain(texts.addresses.moved(move.kind, portOf(move.configured), [portOf(move.actual)]))

    expect(screen.getByTestId('address-api').textContent).toBe(info.apiAddress)
    expect(portOf(info.apiAddress ?? '')).not.toBe(portOf(blocked.API))
    expect(screen.getByTestId('address-gateway').textContent).toBe(info.gatewayUrl)
    expect(new URL(info.gatewayUrl ?? '').port).not.toBe(String(portOf(blocked.Gateway)))
    const swarm = within(screen.getByTestId('address-swarm')).getAllByRole('listitem').map((li) => li.textContent)
    expect(swarm.sort()).toEqual([...info.listenAddresses].sort())
    expect(swarm.sort()).toEqual(info.portsMoved.filter((m) => m.kind === 'swarm').map((m) => m.actual).sort())

    const copyLabels = [texts.addresses.api, texts.addresses.gateway, texts.addresses.swarm].map((name) => texts.addresses.copy(name))
    const reached: string[] = []
    for (let i = 0; i < 40 && reached.length < copyLabels.length; i++) {
      await user.tab()
      const label = document.activeElement?.getAttribute('aria-label') ?? ''
      if (copyLabels.includes(label) && !reached.includes(label)) reached.push(label)
    }
    expect(reached).toEqual(copyLabels)
  })
})
