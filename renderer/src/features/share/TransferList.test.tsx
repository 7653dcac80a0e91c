// The Inbox and Sent lists with 10,000 transfers in the store: only a
// window of rows is rendered, scrolling renders the rows in view, a
// progress event re-renders its row, and each state's actions and words
// are what the user needs (no node: items are injected into the store).
import { afterEach, describe, expect, it } from 'vitest'
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { formatBytes } from '../../lib/format.ts'
import { share as t } from '../../texts/share.ts'
import { EMPTY_INDEX } from './merge.ts'
import { useShare } from './share-store.ts'
import { makeItem } from './test-items.ts'
import { ROW_HEIGHT } from './TransferRow.tsx'
import { TransferList } from './TransferList.tsx'

afterEach(() => { useShare.setState({ ...EMPTY_INDEX, itemsLoaded: false }) })

const MANY = 10_000

function rows (): HTMLElement[] {
  return screen.queryAllByTestId('share-item')
}

describe('the transfers list', () => {
  it('renders a window of 10,000 received items, and follows scrolling and progress', () => {
    const items = Array.from({ length: MANY }, (_, i) => makeItem(i, { state: i % 3 === 0 ? 'done' : 'waiting', verified: i % 3 === 0 }))
    const started = performance.now()
    act(() => {
      useShare.getState().ingest(items)
      useShare.setState({ itemsLoaded: true })
    })
    expect(useShare.getState().inbox).toHaveLength(MANY)
    expect(useShare.getState().waiting).toBe(MANY - Math.ceil(MANY / 3))
    render(<TransferList which="inbox" onDetails={() => {}} />)
    const elapsed = performance.now() - started
    expect(rows().length).toBeGreaterThan(5)
    expect(rows().length).toBeLessThan(40)
    // Indexing and the first render take well under a second even in jsdom.
    expect(elapsed).toBeLessThan(3000)
    const list = screen.getByRole('list')
    expect(list.getAttribute('aria-label')).toBe(t.transfers.listLabel(t.transfers.inbox, MANY))
    expect(list.style.height).toBe(`${MANY * ROW_HEIGHT}px`)
    // Newest first: the last made is on top.
    expect(rows()[0]?.getAttribute('data-id')).toBe(items[MANY - 1]?.id)
    expect(rows()[0]?.getAttribute('aria-setsize')).toBe(String(MANY))

    const scroller = screen.getByTestId('inbox-list')
    act(() => {
      scroller.scrollTop = 5000 * ROW_HEIGHT
      fireEvent.scroll(scroller)
    })
    const positions = rows().map((r) => Number(r.getAttribute('aria-posinset')))
    expect(positions).toContain(5001)
    expect(rows().length).toBeLessThan(40)

    // A progress event for a row in view re-renders it.
    const target = rows()[2]
    const id = target?.getAttribute('data-id') ?? ''
    const before = useShare.getState().items[id]
    if (before === undefined) throw new Error('no item in view')
    act(() => { useShare.getState().ingest([{ ...before, state: 'transferring', bytes: 400, totalBytes: 1000, speed: 2000, sources: [{ peer: 'a', blocks: 1, bytes: 200 }, { peer: 'b', blocks: 1, bytes: 200 }], updatedAt: before.updatedAt + 1 }]) })
    const row = rows().find((r) => r.getAttribute('data-id') === id)
    if (row === undefined) throw new Error('the row left the window')
    expect(within(row).getByTestId('item-state').textContent).toBe(t.transfers.state('in', 'transferring'))
    expect(row.textContent).toContain(t.transfers.bytes(formatBytes(400), formatBytes(1000)))
    expect(row.textContent).toContain(t.transfers.sources(2))
    expect(row.textContent).toContain('2.0 KB/s')
    expect(within(row).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40')
    expect(within(row).getByRole('button', { name: t.transfers.cancelLabel(before.name) })).toBeTruthy()
    expect(useShare.getState().inbox).toHaveLength(MANY)
  })

  it('offers the actions each state allows, and says where a received item went', () => {
    act(() => {
      useShare.getState().ingest([
        makeItem(1, { state: 'waiting', name: 'offer.pdf' }),
        makeItem(2, { state: 'done', name: 'got.pdf', verified: true, savedTo: ['/home/ana/Downloads/got.pdf'], filesPath: '/Inbox/got.pdf' }),
        makeItem(3, { state: 'failed', name: 'broke.pdf', error: { name: 'OfferMismatchError', message: 'the sizes differ' } })
      ])
      useShare.setState({ itemsLoaded: true })
    })
    render(<TransferList which="inbox" onDetails={() => {}} />)
    const byName = (name: string): HTMLElement => {
      const found = rows().find((r) => r.textContent.includes(name))
      if (found === undefined) throw new Error(`no row ${name}`)
      return found
    }
    const offer = byName('offer.pdf')
    expect(within(offer).getByRole('button', { name: t.transfers.acceptLabel('offer.pdf') })).toBeTruthy()
    expect(within(offer).getByRole('button', { name: t.transfers.declineLabel('offer.pdf') })).toBeTruthy()
    expect(within(offer).queryByRole('button', { name: t.transfers.removeLabel('offer.pdf') })).toBeNull()
    const got = byName('got.pdf')
    expect(got.textContent).toContain(t.transfers.savedTo('/home/ana/Downloads/got.pdf'))
    expect(got.textContent).toContain(t.transfers.verified)
    expect(within(got).getByRole('link', { name: t.transfers.showInFiles }).getAttribute('href')).toBe('#/files/Inbox/got.pdf')
    expect(within(got).getByRole('button', { name: t.transfers.removeLabel('got.pdf') })).toBeTruthy()
    const broke = byName('broke.pdf')
    expect(broke.textContent).toContain('the sizes differ')
    expect(within(broke).queryByRole('button', { name: t.transfers.cancelLabel('broke.pdf') })).toBeNull()
  })

  it('says what to do when nothing was sent', () => {
    act(() => { useShare.setState({ itemsLoaded: true }) })
    render(<TransferList which="sent" onDetails={() => {}} />)
    expect(screen.getByTestId('sent-empty').textContent).toContain(t.transfers.emptySent)
  })
})
