/**
 * Sharing's news as native notifications, from the node's events (the
 * app's own node, or an attached daemon's through its API alike).
 *
 * `share:offer` not auto-accepted: "<device> wants to send you <name>
 * (<size>)", taken away once the offer is answered (in the window, the
 * CLI) or expires; auto-accepted: "Receiving … from <device>". A received
 * item that ends `done`: "Received <name> from <device>"; a sent one that
 * ends `done` or `declined`: delivered or declined. Clicking any of them
 * shows the window at Devices.
 *
 * An item's end is announced once (a different end later, as a sent item
 * that failed and is then receipted, is announced too), and only when this
 * app saw it happen:
 * an item first seen already ended (a receipt re-sent after a restart
 * updates a done item) is not news, unless its receipt is newer than the
 * watch.
 */
import { offerNotice, receivedNotice, sentNotice } from './share-notices.ts'
import type { NodeApi } from '../../node-core/src/api/node-api.ts'
import type { ShownNotice } from './notifier.ts'
import type { Notice } from './notices.ts'
import type { ShareItem } from './share-notices.ts'

/** The window's route of sharing. */
export const DEVICES_ROUTE = '/devices'

/** What the watch drives. */
export interface ShareWatchDeps {
  /** The node's events. */
  api: Pick<NodeApi, 'on'>
  /** Show a notification; `onClick` when clicked. */
  notify: (notice: Notice, onClick: () => void) => ShownNotice | undefined
  /** Show the window at a route (`/devices`). */
  open: (route: string) => void
  /** The clock (ms since the epoch). */
  now?: () => number
}

/** A running watch. */
export interface ShareWatch {
  stop(): void
}

const ENDED = new Set<ShareItem['state']>(['done', 'declined', 'cancelled', 'expired', 'failed'])

/** Watch the node's share events and notify. */
export function watchShares (deps: ShareWatchDeps): ShareWatch {
  const startedAt = (deps.now ?? Date.now)()
  const open = (): void => { deps.open(DEVICES_ROUTE) }
  /** The last state seen of each item not ended yet. */
  const seen = new Map<string, ShareItem['state']>()
  /** The end announced (or that was no news) of each item: a later, different end (failed, then delivered) is news again. */
  const ended = new Map<string, ShareItem['state']>()
  /** Offers on screen, by item. */
  const offers = new Map<string, ShownNotice>()

  const news = (item: ShareItem): boolean => seen.has(item.id) || (item.receipt?.receivedAt ?? 0) >= startedAt

  const onItem = (item: ShareItem): void => {
    if (item.state !== 'waiting') {
      offers.get(item.id)?.close()
      offers.delete(item.id)
    }
    if (!ENDED.has(item.state)) {
      seen.set(item.id, item.state)
      ended.delete(item.id)
      return
    }
    if (ended.get(item.id) === item.state) return
    ended.set(item.id, item.state)
    const fresh = news(item)
    seen.delete(item.id)
    if (!fresh) return
    const notice = item.direction === 'in' ? (item.state === 'done' ? receivedNotice(item) : undefined) : sentNotice(item)
    if (notice !== undefined) deps.notify(notice, open)
  }

  const stops = [
    deps.api.on('share:offer', ({ item, autoAccepted }) => {
      seen.set(item.id, item.state)
      if (!autoAccepted && item.state !== 'waiting') return
      const shown = deps.notify(offerNotice(item, autoAccepted), open)
      if (!autoAccepted && shown !== undefined) offers.set(item.id, shown)
    }),
    deps.api.on('share:item', onItem)
  ]
  return {
    stop () {
      for (const stop of stops.splice(0)) stop()
      offers.clear()
    }
  }
}
