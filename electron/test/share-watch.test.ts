// Sharing's notifications from the node's events, on a fake event source:
// an offer shown and taken away once answered, an auto-accepted one, a
// received item's end and a sent one's (delivered, declined) announced
// once, other ends and an item first seen already ended (a restart) not,
// clicks opening Devices, nothing after stop.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { EventEmitter } from 'node:events'
import { DEVICES_ROUTE, watchShares } from '../src/share-watch.ts'
import type { NodeApi } from '../../node-core/src/api/node-api.ts'
import type { Notice } from '../src/notices.ts'
import type { ShareItem } from '../src/share-notices.ts'

const NOW = 1_800_000_000_000

function item (change: Partial<ShareItem> = {}): ShareItem {
  return {
    id: 'a'.repeat(26),
    direction: 'in',
    peer: '12D3KooWsender',
    deviceName: 'Ana',
    root: 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zu',
    name: 'report.pdf',
    files: [{ path: 'report.pdf', size: 2_000 }],
    fileCount: 1,
    totalBytes: 2_000,
    createdAt: NOW,
    updatedAt: NOW,
    state: 'waiting',
    bytes: 0,
    speed: 0,
    sources: [],
    verified: false,
    ...change
  }
}

function harness () {
  const events = new EventEmitter()
  const api: Pick<NodeApi, 'on'> = {
    on: (event, listener) => {
      events.on(event, listener)
      return () => { events.off(event, listener) }
    }
  }
  const shown: Array<{ notice: Notice, click: () => void, closed: boolean }> = []
  const opened: string[] = []
  const watch = watchShares({
    api,
    notify: (notice, click) => {
      const entry = { notice, click, closed: false }
      shown.push(entry)
      return { close: () => { entry.closed = true } }
    },
    open: (route) => { opened.push(route) },
    now: () => NOW
  })
  const emit = (event: 'share:item' | 'share:offer', payload: unknown): void => { events.emit(event, payload) }
  return { emit, shown, opened, watch, titles: () => shown.map((s) => s.notice.title) }
}

describe('share notifications', () => {
  it('shows an offer, opens Devices when clicked, and takes it away once answered', () => {
    const h = harness()
    const offered = item()
    h.emit('share:item', offered)
    h.emit('share:offer', { item: offered, autoAccepted: false })
    assert.deepEqual(h.titles(), ['Ana wants to send you report.pdf (2.0 KB)'])
    h.shown[0]?.click()
    assert.deepEqual(h.opened, [DEVICES_ROUTE])
    assert.equal(h.shown[0]?.closed, false)
    h.emit('share:item', item({ state: 'transferring' }))
    assert.equal(h.shown[0]?.closed, true, 'answered (here, in the window or the CLI): the prompt is stale')
    h.emit('share:item', item({ state: 'transferring', bytes: 1_000 }))
    h.emit('share:item', item({ state: 'done', bytes: 2_000, verified: true, savedTo: ['/home/me/Downloads/report.pdf'], receipt: { receivedAt: NOW + 5, signature: 's' } }))
    assert.deepEqual(h.titles(), ['Ana wants to send you report.pdf (2.0 KB)', 'Received report.pdf from Ana'])
    assert.equal(h.shown[1]?.notice.body, 'Saved to /home/me/Downloads/report.pdf')
    h.shown[1]?.click()
    assert.deepEqual(h.opened, [DEVICES_ROUTE, DEVICES_ROUTE])
    // The receipt reaching the sender later updates the done item again: no second notice.
    h.emit('share:item', item({ state: 'done', bytes: 2_000, verified: true, receipt: { receivedAt: NOW + 5, signature: 's' } }))
    assert.equal(h.shown.length, 2)
  })

  it('an offer declined or expired leaves no notice behind and announces nothing', () => {
    const h = harness()
    h.emit('share:item', item())
    h.emit('share:offer', { item: item(), autoAccepted: false })
    h.emit('share:item', item({ state: 'declined' }))
    assert.equal(h.shown[0]?.closed, true)
    const other = item({ id: 'b'.repeat(26) })
    h.emit('share:item', other)
    h.emit('share:offer', { item: other, autoAccepted: false })
    h.emit('share:item', { ...other, state: 'expired' })
    assert.equal(h.shown[1]?.closed, true)
    assert.equal(h.shown.length, 2)
  })

  it('an auto-accepted offer says it is arriving, then that it arrived', () => {
    const h = harness()
    h.emit('share:item', item())
    h.emit('share:item', item({ state: 'transferring' }))
    h.emit('share:offer', { item: item({ state: 'transferring' }), autoAccepted: true })
    h.emit('share:item', item({ state: 'done', receipt: { receivedAt: NOW + 1, signature: 's' } }))
    assert.deepEqual(h.titles(), ['Receiving report.pdf (2.0 KB) from Ana', 'Received report.pdf from Ana'])
  })

  it('a sent item: delivered or declined, once; cancelled, failed and expired are no news', () => {
    const h = harness()
    const out = (id: string, state: ShareItem['state']): ShareItem => item({ id: id.repeat(26), direction: 'out', deviceName: 'Bo', state })
    for (const [id, end] of [['c', 'done'], ['d', 'declined'], ['e', 'cancelled'], ['f', 'failed'], ['g', 'expired']] as const) {
      h.emit('share:item', out(id, 'waiting'))
      h.emit('share:item', out(id, 'transferring'))
      h.emit('share:item', out(id, end))
      h.emit('share:item', out(id, end))
    }
    assert.deepEqual(h.titles(), ['Delivered report.pdf to Bo', 'Bo declined report.pdf'])
  })

  it('a different end after an end is news: a sent item that failed (its offer timed out) and is then receipted is delivered', () => {
    const h = harness()
    const out = (state: ShareItem['state'], change: Partial<ShareItem> = {}): ShareItem => item({ id: 'j'.repeat(26), direction: 'out', deviceName: 'Bo', state, ...change })
    h.emit('share:item', out('waiting'))
    h.emit('share:item', out('failed'))
    h.emit('share:item', out('done', { receipt: { receivedAt: NOW + 5, signature: 's' } }))
    h.emit('share:item', out('done', { receipt: { receivedAt: NOW + 5, signature: 's' } }))
    assert.deepEqual(h.titles(), ['Delivered report.pdf to Bo'])
  })

  it('an item first seen already ended is news only if its receipt is newer than the watch', () => {
    const h = harness()
    h.emit('share:item', item({ state: 'done', receipt: { receivedAt: NOW - 60_000, signature: 's' } }))
    h.emit('share:item', item({ id: 'h'.repeat(26), direction: 'out', state: 'done', receipt: { receivedAt: NOW - 60_000, signature: 's' } }))
    assert.equal(h.shown.length, 0, 'a receipt re-sent after a restart is no news')
    h.emit('share:item', item({ id: 'i'.repeat(26), direction: 'out', state: 'done', receipt: { receivedAt: NOW + 10, signature: 's' } }))
    assert.deepEqual(h.titles(), ['Delivered report.pdf to Ana'], 'delivered while this app ran, from a transfer it did not see start')
  })

  it('hears nothing after stop', () => {
    const h = harness()
    h.watch.stop()
    h.emit('share:item', item())
    h.emit('share:offer', { item: item(), autoAccepted: false })
    assert.equal(h.shown.length, 0)
  })
})
