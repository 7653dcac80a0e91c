/**
 * Native notifications with a click action, on Electron's Notification
 * passed in as a narrow class (tests pass a fake).
 *
 * Each shown notification is referenced until it is clicked or closed:
 * Electron drops the click of a notification its owner let the garbage
 * collector take.
 */
import type { Notice } from './notices.ts'

/** What of Electron's Notification instance the notifier uses. */
export interface NotificationLike {
  show(): void
  close(): void
  on(event: 'click', listener: () => void): unknown
  on(event: 'close', listener: () => void): unknown
}

/** Electron's Notification class, as far as the notifier goes. */
export interface NotificationClass {
  new (options: { title: string, body: string }): NotificationLike
  isSupported(): boolean
}

/** A notification on screen: `close()` takes it away (when its news is stale). */
export interface ShownNotice {
  close(): void
}

/** Shows notices; `live` counts those still referenced. */
export interface Notifier {
  /** Show `notice`; `onClick` runs when the user clicks it. Undefined where the desktop has no notifications. */
  show(notice: Notice, onClick?: () => void): ShownNotice | undefined
  readonly live: number
}

/** A notifier over `Notification`. */
export function createNotifier (Notification: NotificationClass): Notifier {
  const live = new Set<NotificationLike>()
  return {
    show (notice, onClick) {
      if (!Notification.isSupported()) return undefined
      const shown = new Notification({ title: notice.title, body: notice.body })
      live.add(shown)
      shown.on('click', () => {
        live.delete(shown)
        onClick?.()
      })
      shown.on('close', () => { live.delete(shown) })
      shown.show()
      return {
        close () {
          if (!live.delete(shown)) return
          shown.close()
        }
      }
    },
    get live () { return live.size }
  }
}
