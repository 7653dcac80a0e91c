// The daemon's start-up settings reaching Electron's main process, with a
// fake app: js-flags appended, start-only settings reported, one relaunch.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { START_ENV, V8_FLAGS } from '../../node-core/bin/daemon-start.js'
import { RELAUNCH_MARKER, applyRuntimeFlags, relaunchOnce } from '../src/runtime-flags.ts'
import type { App } from 'electron'

/** An app whose command line holds `switches` and records relaunch and exit. */
function fakeApp (switches: Record<string, string> = {}) {
  const calls: { relaunch: Array<{ args?: string[] } | undefined>, exit: number[] } = { relaunch: [], exit: [] }
  const commandLine = {
    getSwitchValue: (name: string) => switches[name] ?? '',
    hasSwitch: (name: string) => name in switches,
    appendSwitch: (name: string, value?: string) => { switches[name] = value ?? '' }
  } as unknown as App['commandLine']
  const app = {
    commandLine,
    relaunch: (options?: { args?: string[] }) => { calls.relaunch.push(options) },
    exit: (code?: number) => { calls.exit.push(code ?? 0) }
  }
  return { app, switches, calls }
}

test('the V8 flags are appended as js-flags, and missing start-only settings ask for one relaunch', () => {
  const { app, switches, calls } = fakeApp()
  const env: NodeJS.ProcessEnv = {}
  const decision = applyRuntimeFlags(app, env)
  assert.equal(switches['js-flags'], V8_FLAGS.join(' '))
  assert.deepEqual(decision.missingFlags, [...V8_FLAGS])
  assert.deepEqual(decision.missingEnv.sort(), ['MALLOC_ARENA_MAX', 'UV_THREADPOOL_SIZE'])
  assert.equal(decision.relaunch, true)
  assert.match(decision.reason, /MALLOC_ARENA_MAX/)
  assert.deepEqual(decision.env, { ...START_ENV, [RELAUNCH_MARKER]: '1' })

  assert.equal(relaunchOnce(app, decision, env, ['electron', 'main.js', '--js-flags=--old', '--hidden']), true)
  assert.deepEqual(calls.relaunch, [{ args: ['main.js', '--hidden', `--js-flags=${V8_FLAGS.join(' ')}`] }])
  assert.deepEqual(calls.exit, [0])
  assert.equal(env.MALLOC_ARENA_MAX, '2')
  assert.equal(env.UV_THREADPOOL_SIZE, '16')
  assert.equal(env[RELAUNCH_MARKER], '1')
})

test('the relaunched process, started with everything, neither appends nor relaunches', () => {
  const { app, switches, calls } = fakeApp({ 'js-flags': ['--expose-gc', ...V8_FLAGS].join(' ') })
  const decision = applyRuntimeFlags(app, { ...START_ENV, [RELAUNCH_MARKER]: '1' })
  assert.equal(decision.relaunch, false)
  assert.deepEqual(decision.missingFlags, [])
  assert.deepEqual(decision.missingEnv, [])
  assert.equal(switches['js-flags'], ['--expose-gc', ...V8_FLAGS].join(' '), 'flags given at start are kept')
  assert.equal(relaunchOnce(app, decision, {}, []), false)
  assert.deepEqual(calls, { relaunch: [], exit: [] })
})

test('a relaunched process still missing something never relaunches again', () => {
  const { app, calls } = fakeApp()
  const decision = applyRuntimeFlags(app, { [RELAUNCH_MARKER]: '1', MALLOC_ARENA_MAX: '2' })
  assert.equal(decision.relaunch, false)
  assert.deepEqual(decision.missingEnv, ['UV_THREADPOOL_SIZE'])
  assert.match(decision.reason, /still missing after one relaunch/)
  assert.equal(relaunchOnce(app, decision, {}, []), false)
  assert.deepEqual(calls.relaunch, [])
})

test('a user\'s own js-flags are kept beside ours; only the env missing asks for a relaunch', () => {
  const { app, switches } = fakeApp({ 'js-flags': '--max-old-space-size=4096' })
  const decision = applyRuntimeFlags(app, { ...START_ENV })
  assert.equal(switches['js-flags'], ['--max-old-space-size=4096', ...V8_FLAGS].join(' '))
  assert.deepEqual(decision.missingEnv, [])
  assert.equal(decision.relaunch, true, 'the main process was not started with the V8 flags')
})
