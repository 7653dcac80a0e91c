/**
 * Transfers as the page keeps them: one record by id, and the ids of the
 * Inbox and Sent lists, newest first. Items arrive from `share.items` and
 * from `share:item` / `share:offer` events in any order; for one id the
 * latest `updatedAt` wins (at equal times, the state further along), so a
 * slow list or a late event never undoes a newer change.
 */
import type { Output } from '../../../../node-core/src/api/contract.ts'

/** A transfer, received (`in`) or sent (`out`). */
export type ShareItem = Output<'share.items'>['items'][number]

/** The transfers, indexed. */
export interface ItemIndex {
  items: Readonly<Record<string, ShareItem>>
  /** Received, newest first. */
  inbox: readonly string[]
  /** Sent, newest first. */
  sent: readonly string[]
  /** Received items waiting for an answer. */
  waiting: number
}

/** No transfers. */
export const EMPTY_INDEX: ItemIndex = { items: {}, inbox: [], sent: [], waiting: 0 }

/** True once a transfer cannot change any more (it may only be removed). */
export function isFinished (item: Pick<ShareItem, 'state'>): boolean {
  return item.state === 'done' || item.state === 'declined' || item.state === 'cancelled' || item.state === 'expired' || item.state === 'failed'
}

/** True while a transfer may still be cancelled. */
export function isActive (item: Pick<ShareItem, 'state'>): boolean {
  return item.state === 'waiting' || item.state === 'transferring' || item.state === 'paused'
}

const RANK: Record<ShareItem['state'], number> = { waiting: 0, transferring: 1, paused: 1, done: 2, declined: 2, cancelled: 2, expired: 2, failed: 2 }

/** True when `incoming` should replace `known`: it is newer, or as new and not behind it (a late copy of an offer never undoes its answer). */
function replaces (known: ShareItem, incoming: ShareItem): boolean {
  if (incoming.updatedAt !== known.updatedAt) return incoming.updatedAt > known.updatedAt
  return RANK[incoming.state] >= RANK[known.state]
}

function newestFirst (items: Readonly<Record<string, ShareItem>>): (a: string, b: string) => number {
  return (a, b) => {
    const x = items[a]
    const y = items[b]
    return (y?.createdAt ?? 0) - (x?.createdAt ?? 0) || (a < b ? -1 : a > b ? 1 : 0)
  }
}

function countWaiting (items: Readonly<Record<string, ShareItem>>, inbox: readonly string[]): number {
  let n = 0
  for (const id of inbox) if (items[id]?.state === 'waiting') n++
  return n
}

/**
 * `index` with `incoming` merged in: an item replaces the one of its id
 * unless that one is newer. The lists are re-sorted only when ids arrive.
 */
export function mergeItems (index: ItemIndex, incoming: readonly ShareItem[]): ItemIndex {
  if (incoming.length === 0) return index
  const items: Record<string, ShareItem> = { ...index.items }
  let added = false
  let changed = false
  for (const item of incoming) {
    const known = items[item.id]
    if (known !== undefined && !replaces(known, item)) continue
    if (known === undefined) added = true
    items[item.id] = item
    changed = true
  }
  if (!changed) return index
  let { inbox, sent } = index
  if (added) {
    const order = newestFirst(items)
    inbox = Object.keys(items).filter((id) => items[id]?.direction === 'in').sort(order)
    sent = Object.keys(items).filter((id) => items[id]?.direction === 'out').sort(order)
  }
  return { items, inbox, sent, waiting: countWaiting(items, inbox) }
}

/**
 * The node's whole list, as of `since` (ms): items it no longer has are
 * dropped, unless an event brought them after the list was asked for.
 */
export function replaceItems (index: ItemIndex, list: readonly ShareItem[], since: number): ItemIndex {
  const listed = new Set(list.map((item) => item.id))
  const kept: Record<string, ShareItem> = {}
  for (const [id, item] of Object.entries(index.items)) if (listed.has(id) || item.updatedAt >= since) kept[id] = item
  return mergeItems(EMPTY_INDEX, [...Object.values(kept), ...list])
}

/** `index` without the item `id`. */
export function removeItem (index: ItemIndex, id: string): ItemIndex {
  if (!(id in index.items)) return index
  const items = { ...index.items }
  Reflect.deleteProperty(items, id)
  const inbox = index.inbox.filter((x) => x !== id)
  return { items, inbox, sent: index.sent.filter((x) => x !== id), waiting: countWaiting(items, inbox) }
}
