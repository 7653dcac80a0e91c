// Notifications with a click action on a fake Notification class: shown,
// clicked, closed by the app or the user, referenced until then, nothing
// where the desktop has none; Electron's own class fits the narrow one.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { EventEmitter } from 'node:events'
import { createNotifier } from '../src/notifier.ts'
import type { Notification } from 'electron'
import type { NotificationClass } from '../src/notifier.ts'

// Electron's Notification fits the narrow class main.ts passes it as: were it not, this would be never and the typecheck would fail.
type RealFits = typeof Notification extends NotificationClass ? true : never
const fits: RealFits = true

class FakeNotification extends EventEmitter {
  static supported = true
  static made: FakeNotification[] = []
  static isSupported (): boolean { return FakeNotification.supported }
  readonly options: { title: string, body: string }
  shown = false
  closed = false
  constructor (options: { title: string, body: string }) {
    super()
    this.options = options
    FakeNotification.made.push(this)
  }

  show (): void { this.shown = true }
  close (): void {
    this.closed = true
    this.emit('close')
  }
}

test('a notice is shown, kept until clicked or closed, and its click runs once', () => {
  assert.equal(fits, true)
  const notifier = createNotifier(FakeNotification)
  let clicks = 0
  const shown = notifier.show({ title: 'T', body: 'B' }, () => { clicks++ })
  const made = FakeNotification.made.at(-1)
  assert.ok(shown !== undefined && made !== undefined)
  assert.deepEqual(made.options, { title: 'T', body: 'B' })
  assert.equal(made.shown, true)
  assert.equal(notifier.live, 1)
  made.emit('click')
  assert.equal(clicks, 1)
  assert.equal(notifier.live, 0)
  shown.close()
  assert.equal(made.closed, false, 'a clicked notification is gone already')

  notifier.show({ title: 'no action', body: '' })
  FakeNotification.made.at(-1)?.emit('close')
  assert.equal(notifier.live, 0, 'dismissed by the user: let go')

  const stale = notifier.show({ title: 'stale', body: '' }, () => { clicks++ })
  stale?.close()
  assert.equal(FakeNotification.made.at(-1)?.closed, true)
  assert.equal(notifier.live, 0)
})

test('where the desktop has no notifications nothing is made', () => {
  FakeNotification.supported = false
  const before = FakeNotification.made.length
  assert.equal(createNotifier(FakeNotification).show({ title: 'T', body: 'B' }), undefined)
  assert.equal(FakeNotification.made.length, before)
  FakeNotification.supported = true
})
