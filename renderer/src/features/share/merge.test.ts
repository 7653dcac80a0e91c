// Transfers merged by id from lists and events in any order: the newest
// `updatedAt` wins, the Inbox and Sent lists stay newest first, and the
// count of offers waiting follows.
import { describe, expect, it } from 'vitest'
import { EMPTY_INDEX, isActive, isFinished, mergeItems, removeItem, replaceItems } from './merge.ts'
import { makeItem } from './test-items.ts'

const item = makeItem

describe('merging transfers', () => {
  it('indexes by id, newest first, and counts waiting offers', () => {
    const index = mergeItems(EMPTY_INDEX, [item(1), item(3), item(2, { direction: 'out' })])
    expect(index.inbox).toEqual([item(3).id, item(1).id])
    expect(index.sent).toEqual([item(2).id])
    expect(index.waiting).toBe(2)
  })

  it('keeps the newer of two versions of an item, in either order', () => {
    const older = item(1, { state: 'transferring', bytes: 10, updatedAt: 5000 })
    const newer = item(1, { state: 'done', bytes: 1000, updatedAt: 6000 })
    expect(mergeItems(mergeItems(EMPTY_INDEX, [older]), [newer]).items[older.id]?.state).toBe('done')
    expect(mergeItems(mergeItems(EMPTY_INDEX, [newer]), [older]).items[older.id]?.state).toBe('done')
    const index = mergeItems(EMPTY_INDEX, [newer])
    expect(mergeItems(index, [older])).toBe(index)
    expect(mergeItems(index, [older]).waiting).toBe(0)
  })

  it('at equal times, keeps the state further along', () => {
    const answered = item(1, { state: 'declined', updatedAt: 5000 })
    const late = item(1, { state: 'waiting', updatedAt: 5000 })
    expect(mergeItems(mergeItems(EMPTY_INDEX, [answered]), [late]).items[answered.id]?.state).toBe('declined')
    expect(mergeItems(mergeItems(EMPTY_INDEX, [late]), [answered]).items[answered.id]?.state).toBe('declined')
  })

  it('keeps the lists (same arrays) when only progress changes', () => {
    const index = mergeItems(EMPTY_INDEX, [item(1), item(2)])
    const next = mergeItems(index, [item(1, { state: 'transferring', bytes: 500, updatedAt: 9000 })])
    expect(next.inbox).toBe(index.inbox)
    expect(next.items[item(1).id]?.bytes).toBe(500)
    expect(next.waiting).toBe(1)
  })

  it('replaces with the node’s list, keeping items an event brought after it was asked for', () => {
    const index = mergeItems(EMPTY_INDEX, [item(1), item(2, { updatedAt: 50_000 }), item(3)])
    const next = replaceItems(index, [item(3, { state: 'declined', updatedAt: 2000 })], 10_000)
    expect(Object.keys(next.items).sort()).toEqual([item(2).id, item(3).id].sort())
    expect(next.items[item(3).id]?.state).toBe('declined')
  })

  it('removes an item', () => {
    const index = removeItem(mergeItems(EMPTY_INDEX, [item(1), item(2)]), item(1).id)
    expect(index.inbox).toEqual([item(2).id])
    expect(index.waiting).toBe(1)
  })

  it('tells finished from active states', () => {
    expect(isActive({ state: 'paused' })).toBe(true)
    expect(isFinished({ state: 'paused' })).toBe(false)
    expect(isFinished({ state: 'expired' })).toBe(true)
  })
})
