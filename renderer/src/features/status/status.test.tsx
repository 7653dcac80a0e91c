// The Status page against a real daemon: the traffic slice fills bounded
// histories from the node's bandwidth samples and its own peer count, the
// page shows who the node is and how big its repo is, and "Collect
// garbage" removes exactly the node's unpinned blocks and says so.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { planetaryOk, tempDir } from '../../../../node-core/test/helpers/cli.ts'
import { startTestDaemon } from '../../../../node-core/test/helpers/daemon.ts'
import { connectedDaemon, waitUntil } from '../../test/daemon.ts'
import { requireApi } from '../../lib/connection-store.ts'
import { formatBytes } from '../../lib/format.ts'
import { RingSeries } from './ring-series.ts'
import { bandwidthHistory, HISTORY_SECONDS, peerHistory, recordBandwidth, useTraffic } from './traffic-store.ts'
import { timeWindow, valueRange } from './chart-options.ts'
import { StatusPage } from './StatusPage.tsx'
// The app hands the peers slice's count to the history, as the running app does.
import '../../app/peer-history.ts'
import type { ConnectedDaemon } from '../../test/daemon.ts'

let node: ConnectedDaemon

beforeAll(async () => { node = await connectedDaemon() })
afterAll(async () => { await node?.stop() })

describe('a ring series', () => {
  it('keeps the newest points in order, up to its capacity', () => {
    const ring = new RingSeries(4, 2)
    for (let t = 1; t <= 6; t++) ring.push(t, t * 10, -t)
    expect(ring.length).toBe(4)
    const [times, a, b] = ring.data()
    expect([...times]).toEqual([3, 4, 5, 6])
    expect([...(a ?? [])]).toEqual([30, 40, 50, 60])
    expect([...(b ?? [])]).toEqual([-3, -4, -5, -6])
    expect([...ring.data(5)[0]]).toEqual([5, 6])
    expect(ring.extent(0, 4)).toEqual({ min: 40, max: 60 })
    expect(ring.last()).toEqual({ time: 6, values: [60, -6] })
    ring.clear()
    expect(ring.data()[0].length).toBe(0)
    expect(ring.extent(0)).toBeUndefined()
  })

  it('frames charts on the history held (a minute to ten), from zero up', () => {
    expect(timeWindow([100, 200, 700], 600)).toEqual([100, 700])
    expect(timeWindow([0, 1000, 2000], 600)).toEqual([1400, 2000])
    expect(timeWindow([995, 1000], 600)).toEqual([940, 1000])
    expect(timeWindow([], 600, 1000)).toEqual([940, 1000])
    expect(valueRange(null, 1000)).toEqual([0, 1000])
    expect(valueRange(10_000, 1000)[1]).toBeGreaterThan(10_000)
  })
})

describe('the traffic slice', () => {
  it('collects the node’s bandwidth samples into a bounded ten-minute buffer', async () => {
    const before = bandwidthHistory.length
    await waitUntil(() => bandwidthHistory.length >= before + 2, 10_000, 'two bandwidth samples from the node')
    const last = bandwidthHistory.last()
    expect(last?.time).toBeGreaterThan(Date.now() / 1000 - 10)
    expect(useTraffic.getState().totals?.in).toBeGreaterThanOrEqual(0)
    expect(bandwidthHistory.capacity).toBe(HISTORY_SECONDS)

    // An hour of samples leaves ten minutes of them.
    const start = Date.now() + 60_000
    for (let i = 0; i < 3600; i++) recordBandwidth({ at: start + i * 1000, rateIn: i, rateOut: 2 * i, totalIn: i, totalOut: i })
    expect(bandwidthHistory.length).toBe(HISTORY_SECONDS)
    const [times, rateIn, rateOut] = bandwidthHistory.data()
    expect(times.length).toBe(HISTORY_SECONDS)
    expect(rateIn?.[0]).toBe(3000)
    expect(rateOut?.[HISTORY_SECONDS - 1]).toBe(2 * 3599)
    expect(useTraffic.getState().rates).toEqual({ in: 3599, out: 7198 })
    bandwidthHistory.clear()
  })

  it('counts connected peers each second, following connections', async () => {
    await waitUntil(() => useTraffic.getState().peerCount === 0, 10_000, 'the first peer count')
    const other = await startTestDaemon()
    try {
      await requireApi().peers.connect({ address: other.addresses[0] ?? '' })
      await waitUntil(() => useTraffic.getState().peerCount === 1, 10_000, 'one connected peer counted')
      expect(peerHistory.last()?.values).toEqual([1])
    } finally {
      await other.stop()
    }
    await waitUntil(() => useTraffic.getState().peerCount === 0, 15_000, 'the peer gone from the count')
  })
})

describe('the Status page', () => {
  it('shows the node’s peer ID, its repo size and the charts', async () => {
    render(<StatusPage />)
    expect((await screen.findByTestId('status-peer-id')).textContent).toBe(node.daemon.peerId)
    expect(screen.getByTestId('status-state').textContent).toContain('Online')
    const stat = await requireApi().repo.stat()
    await waitFor(() => { expect(screen.getByTestId('repo-size').textContent).toBe(`${formatBytes(stat.size)} of ${formatBytes(stat.storageMax)} used`) })
    expect(screen.getByRole('meter', { name: 'Repo storage used' }).getAttribute('aria-valuenow')).toBe(String(stat.size))
    expect(screen.getByTestId('chart-bandwidth')).toBeTruthy()
    expect(screen.getByTestId('chart-peers')).toBeTruthy()
    for (const address of (await requireApi().node.info()).addresses.slice(0, 4)) expect(screen.getByText(address)).toBeTruthy()
    await waitFor(() => { expect(screen.getByTestId('bandwidth-summary').textContent).toMatch(/^Now receiving .+ Since the node started: .+ received/) }, { timeout: 5000 })
  })

  it('collects garbage with the button and reports what the node removed', async () => {
    await requireApi().repo.gc() // start from a repo with nothing to collect
    const dir = await tempDir()
    try {
      const sizes = [1000, 2000, 3000]
      const files = await Promise.all(sizes.map(async (n, i) => {
        const file = join(dir.path, `block-${i}`)
        await writeFile(file, randomBytes(n))
        return file
      }))
      // While the daemon runs, the CLI stores the blocks through it; nothing pins them.
      await planetaryOk(node.daemon.repo, ['block', 'put', ...files])
    } finally {
      await dir.cleanup()
    }
    const user = userEvent.setup()
    render(<StatusPage />)
    const stat = await requireApi().repo.stat()
    await waitFor(() => { expect(screen.getByTestId('repo-size').textContent).toContain(formatBytes(stat.size)) })
    // The button says it is busy while the collection runs (seen by an observer: three blocks may be freed before the click returns).
    const button = screen.getByTestId('gc-button')
    const states: Array<string | null> = []
    const observer = new MutationObserver(() => { states.push(button.getAttribute('aria-disabled')) })
    observer.observe(button, { attributes: true, attributeFilter: ['aria-disabled'] })
    await user.click(button)
    expect((await screen.findByTestId('gc-result', {}, { timeout: 20_000 })).textContent).toBe(`Freed ${formatBytes(6000)} in 3 blocks`)
    const after = await requireApi().repo.stat()
    expect(after.blocks).toBe(stat.blocks - 3)
    await waitFor(() => { expect(screen.getByTestId('repo-size').textContent).toContain(formatBytes(after.size)) })
    expect(screen.getByTestId('gc-button').getAttribute('aria-disabled')).toBe('false')
    observer.disconnect()
    expect(states).toContain('true')

    await user.click(screen.getByTestId('gc-button'))
    await waitFor(() => { expect(screen.getByTestId('gc-result').textContent).toBe('Nothing to free') }, { timeout: 20_000 })
  })
})
