// The tray's state machine: each lifecycle event from each state, peer
// samples turning a quiet node offline and back, events that do not apply
// returning the same object, the icon per state and panel, rates and the
// status line.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { INITIAL_TRAY_STATE, OFFLINE_AFTER_MS, STATUS_MAX_LENGTH, formatRate, iconStateOf, nextTrayState, statusLine, trayIconName } from '../src/tray-state.ts'
import type { NodeStatus, TrayEvent, TrayState } from '../src/tray-state.ts'

function run (events: TrayEvent[], from: TrayState = INITIAL_TRAY_STATE): TrayState {
  return events.reduce(nextTrayState, from)
}

const running = run([{ type: 'started' }])

describe('tray state', () => {
  it('starts in starting, runs on started, fails into error with the message', () => {
    assert.equal(INITIAL_TRAY_STATE.status, 'starting')
    assert.deepEqual(running, { status: 'running', peers: 0, zeroPeersSince: undefined, error: undefined })
    const failed = run([{ type: 'start-failed', message: 'repo locked' }])
    assert.equal(failed.status, 'error')
    assert.equal(failed.error, 'repo locked')
    assert.equal(nextTrayState(failed, { type: 'start' }).status, 'starting')
  })

  it('stops through stopping, and starts again from stopped', () => {
    const stopping = nextTrayState(running, { type: 'stop' })
    assert.equal(stopping.status, 'stopping')
    const stopped = nextTrayState(stopping, { type: 'stopped' })
    assert.equal(stopped.status, 'stopped')
    assert.equal(nextTrayState(stopped, { type: 'start' }).status, 'starting')
    // A start can be cancelled, and a node can exit on its own.
    assert.equal(run([{ type: 'stop' }]).status, 'stopping')
    assert.equal(nextTrayState(running, { type: 'stopped' }).status, 'stopped')
  })

  it('goes offline after OFFLINE_AFTER_MS of zero peers, and back on the first peer', () => {
    let state = nextTrayState(running, { type: 'peers', count: 3, at: 0 })
    assert.deepEqual([state.status, state.peers], ['running', 3])
    state = nextTrayState(state, { type: 'peers', count: 0, at: 1_000 })
    assert.deepEqual([state.status, state.peers, state.zeroPeersSince], ['running', 0, 1_000])
    state = nextTrayState(state, { type: 'peers', count: 0, at: 1_000 + OFFLINE_AFTER_MS - 1 })
    assert.equal(state.status, 'running')
    state = nextTrayState(state, { type: 'peers', count: 0, at: 1_000 + OFFLINE_AFTER_MS })
    assert.equal(state.status, 'offline')
    state = nextTrayState(state, { type: 'peers', count: 2, at: 40_000 })
    assert.deepEqual(state, { status: 'running', peers: 2, zeroPeersSince: undefined, error: undefined })
  })

  it('a brief drop to zero peers does not count as offline', () => {
    const state = run([
      { type: 'peers', count: 0, at: 0 },
      { type: 'peers', count: 1, at: OFFLINE_AFTER_MS - 1 },
      { type: 'peers', count: 0, at: OFFLINE_AFTER_MS }
    ], running)
    assert.equal(state.status, 'running')
    assert.equal(state.zeroPeersSince, OFFLINE_AFTER_MS)
  })

  it('ignores events that do not apply, returning the same object', () => {
    const cases: Array<[TrayState, TrayEvent]> = [
      [running, { type: 'started' }],
      [running, { type: 'start' }],
      [running, { type: 'start-failed', message: 'late' }],
      [INITIAL_TRAY_STATE, { type: 'peers', count: 4, at: 0 }],
      [run([{ type: 'stop' }], running), { type: 'peers', count: 4, at: 0 }],
      [run([{ type: 'stop' }], running), { type: 'stop' }],
      [run([{ type: 'stop' }, { type: 'stopped' }], running), { type: 'stopped' }],
      [run([{ type: 'stop' }, { type: 'stopped' }], running), { type: 'stop' }],
      [run([{ type: 'start-failed', message: 'x' }]), { type: 'stopped' }],
      [running, { type: 'peers', count: -1, at: 0 }],
      [running, { type: 'peers', count: Number.NaN, at: 0 }]
    ]
    for (const [state, event] of cases) assert.equal(nextTrayState(state, event), state, `${state.status} + ${event.type}`)
    // A repeated zero-peer sample changes nothing either.
    const quiet = nextTrayState(running, { type: 'peers', count: 0, at: 5 })
    assert.equal(nextTrayState(quiet, { type: 'peers', count: 0, at: 6 }), quiet)
  })

  it('names an icon per state and panel', () => {
    const expected: Record<NodeStatus, string> = { starting: 'starting', stopping: 'starting', running: 'running', offline: 'offline', stopped: 'offline', error: 'error' }
    for (const [status, icon] of Object.entries(expected) as Array<[NodeStatus, string]>) {
      assert.equal(iconStateOf(status), icon)
      assert.equal(trayIconName(status, 'light'), `${icon}-on-light`)
      assert.equal(trayIconName(status, 'dark'), `${icon}-on-dark`)
    }
  })

  it('formats rates in decimal units', () => {
    assert.equal(formatRate(0), '0 B/s')
    assert.equal(formatRate(-5), '0 B/s')
    assert.equal(formatRate(Number.NaN), '0 B/s')
    assert.equal(formatRate(512), '512 B/s')
    assert.equal(formatRate(40_000), '40 KB/s')
    assert.equal(formatRate(1_234_567), '1.2 MB/s')
    assert.equal(formatRate(9_960), '10 KB/s')
    assert.equal(formatRate(999_600), '1.0 MB/s')
    assert.equal(formatRate(999.6), '1.0 KB/s')
    assert.equal(formatRate(3.4e9), '3.4 GB/s')
  })

  it('writes the status line', () => {
    const three = nextTrayState(running, { type: 'peers', count: 3, at: 0 })
    assert.equal(statusLine(three, { rateIn: 1_200_000, rateOut: 40_000 }), 'Running · 3 peers · ↓ 1.2 MB/s ↑ 40 KB/s')
    assert.equal(statusLine(nextTrayState(running, { type: 'peers', count: 1, at: 0 })), 'Running · 1 peer')
    assert.equal(statusLine(INITIAL_TRAY_STATE), 'Starting…')
    assert.equal(statusLine(run([{ type: 'peers', count: 0, at: 0 }, { type: 'peers', count: 0, at: OFFLINE_AFTER_MS }], running)), 'Offline · no peers')
    assert.equal(statusLine(run([{ type: 'stop' }], running)), 'Stopping…')
    assert.equal(statusLine(run([{ type: 'stop' }, { type: 'stopped' }], running)), 'Stopped')
    assert.equal(statusLine(run([{ type: 'start-failed', message: 'repo\nlocked  by pid 7' }])), 'Error · repo locked by pid 7')
    assert.equal(statusLine(run([{ type: 'start-failed', message: '' }])), 'Error')
    const long = statusLine(run([{ type: 'start-failed', message: 'x'.repeat(500) }]))
    assert.equal(long.length, STATUS_MAX_LENGTH)
    assert.ok(long.endsWith('…'))
  })
})
