// The quit sequence: its steps in order with their limits, a second quit
// joining the first, a node that does not stop in time (mocked timers, and
// once with a short real limit) or fails to stop, a drain that never ends,
// and what closing the window does with and without a tray.
import { afterEach, describe, it, mock } from 'node:test'
import assert from 'node:assert/strict'
import { setImmediate as flushIo } from 'node:timers/promises'
import { DRAIN_TIMEOUT_MS, STOP_TIMEOUT_MS, createQuitSequence, windowCloseAction } from '../src/quit.ts'
import type { QuitDeps } from '../src/quit.ts'

interface Fake {
  deps: QuitDeps
  steps: string[]
  logs: string[]
}

function fake (overrides: Partial<QuitDeps> = {}): Fake {
  const steps: string[] = []
  const logs: string[] = []
  const deps: QuitDeps = {
    stopAccepting: () => { steps.push('stopAccepting') },
    drain: async (ms) => { steps.push(`drain ${ms}`) },
    stopNode: async () => { steps.push('stopNode') },
    exit: (code) => { steps.push(`exit ${code}`) },
    log: (message) => { logs.push(message) },
    ...overrides
  }
  return { deps, steps, logs }
}

describe('quit sequence', () => {
  afterEach(() => { mock.timers.reset() })

  it('stops accepting, drains, stops the node, then exits 0', async () => {
    const { deps, steps, logs } = fake()
    const sequence = createQuitSequence(deps)
    assert.equal(sequence.quitting, false)
    const outcome = await sequence.quit()
    assert.deepEqual(steps, ['stopAccepting', `drain ${DRAIN_TIMEOUT_MS}`, 'stopNode', 'exit 0'])
    assert.deepEqual(outcome, { reason: 'stopped', drained: true, exitCode: 0 })
    assert.deepEqual(logs, [])
    assert.equal(sequence.done, true)
  })

  it('runs once when quit is asked again while quitting, and after', async () => {
    let finishStop: () => void = () => {}
    const { deps, steps } = fake({ stopNode: async () => { steps.push('stopNode'); await new Promise<void>((resolve) => { finishStop = resolve }) } })
    const sequence = createQuitSequence(deps)
    const first = sequence.quit()
    await flushIo()
    const second = sequence.quit()
    assert.equal(second, first)
    assert.equal(sequence.quitting, true)
    assert.equal(sequence.done, false)
    finishStop()
    await first
    assert.equal(sequence.quit(), first)
    assert.deepEqual(steps.filter((s) => s === 'stopNode' || s.startsWith('exit')), ['stopNode', 'exit 0'])
  })

  it('exits anyway, with the reason logged, when the node does not stop in time', async () => {
    mock.timers.enable({ apis: ['setTimeout'] })
    const { deps, steps, logs } = fake({ stopNode: async () => { steps.push('stopNode'); await new Promise(() => {}) } })
    const sequence = createQuitSequence(deps)
    const quitting = sequence.quit()
    await flushIo()
    assert.deepEqual(steps, ['stopAccepting', `drain ${DRAIN_TIMEOUT_MS}`, 'stopNode'])
    mock.timers.tick(STOP_TIMEOUT_MS - 1)
    await flushIo()
    assert.equal(sequence.done, false)
    mock.timers.tick(1)
    const outcome = await quitting
    assert.deepEqual(outcome, { reason: 'stop-timed-out', drained: true, exitCode: 1 })
    assert.equal(steps.at(-1), 'exit 1')
    assert.match(logs.join('\n'), new RegExp(`did not stop within ${STOP_TIMEOUT_MS} ms; exiting anyway`))
  })

  it('keeps to a short real limit', async () => {
    const { deps, steps } = fake({ stopNode: async () => { await new Promise((resolve) => setTimeout(resolve, 2_000).unref()) }, stopTimeoutMs: 20 })
    const started = performance.now()
    const outcome = await createQuitSequence(deps).quit()
    assert.equal(outcome.reason, 'stop-timed-out')
    assert.ok(performance.now() - started < 1_000)
    assert.equal(steps.at(-1), 'exit 1')
  })

  it('stops the node after the drain limit when draining never ends', async () => {
    mock.timers.enable({ apis: ['setTimeout'] })
    const { deps, steps, logs } = fake({ drain: async () => { await new Promise(() => {}) }, drainTimeoutMs: 500 })
    const quitting = createQuitSequence(deps).quit()
    await flushIo()
    assert.deepEqual(steps, ['stopAccepting'])
    mock.timers.tick(500)
    const outcome = await quitting
    assert.deepEqual(outcome, { reason: 'stopped', drained: false, exitCode: 0 })
    assert.deepEqual(steps, ['stopAccepting', 'stopNode', 'exit 0'])
    assert.match(logs.join('\n'), /calls still in flight after 500 ms/)
  })

  it('exits anyway when stopping the node or draining throws', async () => {
    const { deps, steps, logs } = fake({
      stopAccepting: () => { throw new Error('bridge gone') },
      drain: async () => { throw new Error('drain broke') },
      stopNode: async () => { throw new Error('repo lock lost') }
    })
    const outcome = await createQuitSequence(deps).quit()
    assert.deepEqual(outcome, { reason: 'stop-failed', drained: false, exitCode: 1 })
    assert.deepEqual(steps, ['exit 1'])
    assert.deepEqual(logs, [
      'quit: could not stop accepting calls: bridge gone',
      'quit: draining calls failed: drain broke',
      'quit: stopping the node failed: repo lock lost; exiting anyway'
    ])
  })
})

describe('closing the window', () => {
  it('hides to the tray, quits without one, and just closes while quitting', () => {
    assert.equal(windowCloseAction({ hasTray: true, quitting: false }), 'hide')
    assert.equal(windowCloseAction({ hasTray: false, quitting: false }), 'quit')
    assert.equal(windowCloseAction({ hasTray: true, quitting: true }), 'close')
    assert.equal(windowCloseAction({ hasTray: false, quitting: true }), 'close')
  })
})
