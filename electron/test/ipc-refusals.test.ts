// What the IPC binding refuses and how calls end, over the fake ipcMain /
// ipcRenderer pair and a stub node (so each case is exact): untrusted
// senders, bad input, unknown methods, the node's errors, cancel, progress,
// events after unsubscribe and after the window closes, drain on quit.
import assert from 'node:assert/strict'
import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, test } from 'node:test'
import { METHOD_NAMES } from '../../node-core/src/api/contract.ts'
import { RemoteError } from '../../node-core/src/api/wire-error.ts'
import { NotPinnedError } from '../../node-core/src/pin/errors.ts'
import { bridgeTransport } from '../../renderer/src/lib/preload.ts'
import { PROGRESS_CHANNEL, callChannel } from '../src/ipc-channels.ts'
import { bindIpc } from '../src/ipc-main.ts'
import { UntrustedSenderError } from '../src/ipc-errors.ts'
import { createBridge } from '../src/preload-bridge.ts'
import { FakeIpcMain, fakeWebUtils, openWindow, trustedIn } from './fake-ipc.ts'
import type { Implementation } from '../../node-core/src/api/dispatch.ts'
import type { NodeApi } from '../../node-core/src/api/node-api.ts'
import type { ApiTransport } from '../../node-core/src/api/transport.ts'
import type { IpcBinding } from '../src/ipc-main.ts'
import type { CallReply, PlanetaryBridge, ProgressMessage } from '../src/ipc-channels.ts'
import type { FakeWindow } from './fake-ipc.ts'

const APP_URL = 'file:///app/renderer/dist/index.html'
const CID = 'bafkreie7q3iidccmpvszul7kudcvvuavuo7u6gzlbobczuk5nqk3b4akba'

/** A node stub: which methods ran, the signals they got, events on demand. */
interface Stub {
  api: NodeApi
  ran: string[]
  signals: AbortSignal[]
  events: EventEmitter
  /** Resolves `files.ls` calls waiting on it. */
  release(): void
}

function stubApi (): Stub {
  const events = new EventEmitter()
  const ran: string[] = []
  const signals: AbortSignal[] = []
  let release = (): void => {}
  const gate = new Promise<void>((resolve) => { release = resolve })
  const methods = Object.fromEntries(METHOD_NAMES.map((m) => [m, async () => { throw new Error(`${m} is not stubbed`) }])) as unknown as Implementation
  const run = <T>(name: string, fn: (signal: AbortSignal) => Promise<T>) => async (_input: unknown, context: { signal: AbortSignal }): Promise<T> => {
    ran.push(name)
    signals.push(context.signal)
    return await fn(context.signal)
  }
  const untilAborted = async (signal: AbortSignal): Promise<never> => await new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () => { reject(signal.reason) }, { once: true })
  })
  Object.assign(methods, {
    'node.info': run('node.info', async () => ({ online: true })),
    'pins.rm': run('pins.rm', async () => { throw new NotPinnedError(`${CID} is not pinned`) }),
    'files.fetch': run('files.fetch', untilAborted),
    'files.ls': run('files.ls', async () => { await gate; return { entries: [] } }),
    'name.keys': run('name.keys', async () => ({ keys: [], format: () => 'a function cannot be cloned' })),
    'repo.gc': async (_input: unknown, context: { progress: (p: unknown) => void }) => {
      ran.push('repo.gc')
      for (let removed = 1; removed <= 5; removed++) context.progress({ removed, bytes: removed * 10 })
      return { removed: 5, bytes: 50 }
    }
  })
  const api: NodeApi = {
    methods,
    on: (event, listener) => {
      events.on(event, listener)
      return () => { events.off(event, listener) }
    }
  }
  return { api, ran, signals, events, release: () => { release() } }
}

/** Let queued IPC deliveries run. */
async function settle (): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve))
}

async function waitUntil (check: () => boolean): Promise<void> {
  const deadline = Date.now() + 2000
  while (!check()) {
    if (Date.now() > deadline) assert.fail('timed out')
    await settle()
  }
}

describe('the IPC binding', () => {
  let stub: Stub
  let main: FakeIpcMain
  let window: FakeWindow
  let binding: IpcBinding
  let bridge: PlanetaryBridge
  let transport: ApiTransport

  beforeEach(() => {
    stub = stubApi()
    main = new FakeIpcMain()
    window = openWindow(main, APP_URL)
    binding = bindIpc(main.asIpcMain(), stub.api, { isTrusted: trustedIn(() => [window.contents], APP_URL) })
    bridge = createBridge(window.renderer.asIpcRenderer(), fakeWebUtils)
    transport = bridgeTransport(bridge)
  })
  afterEach(() => {
    stub.release()
    binding.unbind()
    window.contents.destroy()
  })

  test('one handler per method of the contract; an unknown method has none and is refused by name', async () => {
    assert.deepEqual([...main.handlers.keys()].sort(), METHOD_NAMES.map((m) => callChannel(m)).sort())
    assert.equal(main.handlers.has(callChannel('files.format')), false)
    const raw = await bridge.call('files.format', {}).result
    assert.equal(raw.ok, false)
    assert.equal(!raw.ok && raw.error.name, 'IpcInvokeError', 'no handler: invoke fails, the bridge still resolves')
    await assert.rejects(transport.call('files.format', {}, {}), { name: 'UnknownMethodError', code: 'ERR_UNKNOWN_METHOD' })
  })

  test('a foreign frame, or the window navigated away, gets UntrustedSenderError and the node is not called', async () => {
    const foreign = createBridge(window.childFrame('https://evil.example/').asIpcRenderer(), fakeWebUtils)
    const reply = await foreign.call('node.info', {}).result
    assert.deepEqual(reply, { ok: false, error: { name: UntrustedSenderError.name, message: 'node.info: the sender is not the app\'s window', code: 'ERR_UNTRUSTED_SENDER' } })
    // Its subscriptions and cancels are ignored too.
    foreign.subscribe('repo:collected', () => { assert.fail('an untrusted frame got an event') })
    await settle()
    assert.equal(stub.events.listenerCount('repo:collected'), 0)
    const fetching = bridge.call('files.fetch', { path: CID })
    await waitUntil(() => stub.ran.includes('files.fetch'))
    foreign.cancel(fetching.id)
    await settle()
    assert.equal(stub.signals[0]?.aborted, false, 'a foreign frame cannot cancel the window\'s call')
    bridge.cancel(fetching.id)
    await fetching.result

    window.contents.mainFrame.url = 'https://evil.example/'
    await assert.rejects(transport.call('node.info', {}, {}), { name: 'UntrustedSenderError', code: 'ERR_UNTRUSTED_SENDER' })
    assert.deepEqual(stub.ran, ['files.fetch'], 'node.info never ran')
  })

  test('invalid input and malformed calls are InvalidInputError before anything runs', async () => {
    await assert.rejects(transport.call('files.stat', { path: 'relative' }, {}), { name: 'InvalidInputError', code: 'ERR_INVALID_INPUT' })
    await assert.rejects(transport.call('node.info', { extra: 1 }, {}), { name: 'InvalidInputError' })
    const renderer = window.renderer.asIpcRenderer()
    for (const request of ['garbage', null, { id: -1, input: {} }, { id: 1.5, input: {} }]) {
      const reply = await renderer.invoke(callChannel('node.info'), request) as CallReply
      assert.equal(!reply.ok && reply.error.name, 'InvalidInputError', JSON.stringify(request))
    }
    const first = renderer.invoke(callChannel('files.fetch'), { id: 7, input: { path: CID } }) as Promise<CallReply>
    await waitUntil(() => stub.ran.includes('files.fetch'))
    const twice = await renderer.invoke(callChannel('node.info'), { id: 7, input: {} }) as CallReply
    assert.match(!twice.ok ? twice.error.message : '', /already in flight/)
    bridge.cancel(7)
    assert.equal(!(await first).ok && (await first as { error: { name: string } }).error.name, 'CallCancelledError')
    assert.deepEqual(stub.ran, ['files.fetch'])
  })

  test('an error from the node crosses as {name, message, code}', async () => {
    const reply = await bridge.call('pins.rm', { cid: CID }).result
    assert.deepEqual(reply, { ok: false, error: { name: 'NotPinnedError', message: `${CID} is not pinned`, code: 'ERR_NOT_PINNED' } })
    const err = await transport.call('pins.rm', { cid: CID }, {}).catch((e: unknown) => e)
    assert.ok(err instanceof RemoteError)
    assert.deepEqual({ name: err.name, message: err.message, code: err.code }, reply.ok ? undefined : reply.error)
  })

  test('an input or output Electron cannot clone fails the call, and the binding goes on', async () => {
    const reply = await bridge.call('name.keys', {}).result
    assert.equal(!reply.ok && reply.error.name, 'IpcInvokeError')
    assert.match(!reply.ok ? reply.error.message : '', /could not be cloned/)
    const input = await bridge.call('node.info', { f: () => {} }).result
    assert.equal(!input.ok && input.error.name, 'IpcInvokeError', 'nor an input')
    assert.deepEqual(await transport.call('node.info', {}, {}), { online: true })
    assert.deepEqual(stub.ran, ['name.keys', 'node.info'])
  })

  test('cancel mid-call aborts the node\'s work: CallCancelledError', async () => {
    const controller = new AbortController()
    const call = transport.call('files.fetch', { path: CID }, { signal: controller.signal })
    await waitUntil(() => stub.ran.includes('files.fetch'))
    controller.abort()
    await assert.rejects(call, { name: 'CallCancelledError', code: 'ERR_CALL_CANCELLED' })
    await waitUntil(() => stub.signals[0]?.aborted === true)
    assert.equal((stub.signals[0]?.reason as Error).name, 'CallCancelledError')

    const raw = bridge.call('files.fetch', { path: CID })
    await waitUntil(() => stub.signals.length === 2)
    bridge.cancel(raw.id)
    const reply = await raw.result
    assert.deepEqual(reply, { ok: false, error: { name: 'CallCancelledError', message: `call ${raw.id} was cancelled`, code: 'ERR_CALL_CANCELLED' } })
    await assert.rejects(transport.call('files.fetch', { path: CID }, { signal: AbortSignal.abort() }), { name: 'CallCancelledError' })
    assert.equal(stub.signals.length, 2, 'a call cancelled before it starts is never sent')
  })

  test('progress arrives in order, before the reply, tagged with the request id', async () => {
    const sent: ProgressMessage[] = []
    window.renderer.on(PROGRESS_CHANNEL, (_event, message) => { sent.push(message as ProgressMessage) })
    const one: unknown[] = []
    const two: unknown[] = []
    const first = bridge.call('repo.gc', {}, (p) => { one.push(p) })
    const second = bridge.call('repo.gc', {}, (p) => { two.push(p) })
    assert.notEqual(first.id, second.id)
    const reply = await first.result
    assert.deepEqual(reply, { ok: true, output: { removed: 5, bytes: 50 } })
    assert.deepEqual(one.map((p) => (p as { removed: number }).removed), [1, 2, 3, 4, 5])
    await second.result
    assert.deepEqual(two, one)
    assert.deepEqual(sent.filter((m) => m.id === first.id).map((m) => m.progress), one)
    assert.deepEqual(sent.filter((m) => m.id === second.id).map((m) => m.progress), two)
    const viaTransport: number[] = []
    await transport.call('repo.gc', {}, { onProgress: (p) => { viaTransport.push((p as { removed: number }).removed) } })
    assert.deepEqual(viaTransport, [1, 2, 3, 4, 5])
  })

  test('events reach a subscribed window and stop after unsubscribe', async () => {
    const got: unknown[] = []
    const also: unknown[] = []
    const stop = transport.subscribe('repo:collected', (p) => { got.push(p) })
    const stopAlso = transport.subscribe('repo:collected', (p) => { also.push(p) })
    assert.throws(() => transport.subscribe('no:such', () => {}), TypeError)
    bridge.subscribe('no:such', () => {})
    await settle()
    assert.equal(stub.events.listenerCount('repo:collected'), 1, 'one subscription per window and event')
    assert.equal(stub.events.listenerCount('no:such'), 0, 'a name outside the contract is not subscribed')
    stub.events.emit('repo:collected', { freed: 1, sizeBefore: 2 })
    await settle()
    assert.deepEqual(got, [{ freed: 1, sizeBefore: 2 }])
    assert.deepEqual(also, got)
    stop()
    await settle()
    assert.equal(stub.events.listenerCount('repo:collected'), 1, 'another listener still listens')
    stub.events.emit('repo:collected', { freed: 3, sizeBefore: 4 })
    await settle()
    assert.equal(got.length, 1)
    assert.equal(also.length, 2)
    stopAlso()
    await settle()
    assert.equal(stub.events.listenerCount('repo:collected'), 0)
    stub.events.emit('repo:collected', { freed: 5, sizeBefore: 6 })
    await settle()
    assert.equal(also.length, 2)
  })

  test('a destroyed window loses its subscriptions and its calls', async () => {
    transport.subscribe('peer:connected', () => {})
    transport.subscribe('bandwidth:sample', () => {})
    const call = bridge.call('files.fetch', { path: CID })
    await waitUntil(() => stub.ran.includes('files.fetch'))
    assert.equal(stub.events.listenerCount('peer:connected') + stub.events.listenerCount('bandwidth:sample'), 2)
    window.contents.destroy()
    assert.equal(stub.events.listenerCount('peer:connected') + stub.events.listenerCount('bandwidth:sample'), 0)
    assert.equal((stub.signals[0]?.reason as Error).name, 'TransportClosedError')
    stub.events.emit('peer:connected', { peer: 'x' })
    void call.result
  })

  test('drain waits for a call in flight, refuses new ones, and aborts those past its timeout', async () => {
    const waiting = bridge.call('files.ls', {})
    await waitUntil(() => stub.ran.includes('files.ls'))
    setTimeout(() => { stub.release() }, 50)
    const started = Date.now()
    await binding.drain(2000)
    assert.ok(Date.now() - started >= 40, 'drain waited for the call')
    assert.deepEqual(await waiting.result, { ok: true, output: { entries: [] } })
    await assert.rejects(transport.call('node.info', {}, {}), { name: 'TransportClosedError' })

    const second = openWindow(main, APP_URL)
    binding.unbind()
    binding = bindIpc(main.asIpcMain(), stub.api, { isTrusted: trustedIn(() => [second.contents], APP_URL) })
    const stuck = createBridge(second.renderer.asIpcRenderer(), fakeWebUtils).call('files.fetch', { path: CID })
    await waitUntil(() => stub.ran.includes('files.fetch'))
    const before = Date.now()
    await binding.drain(100)
    assert.ok(Date.now() - before < 1000)
    const reply = await stuck.result
    assert.equal(!reply.ok && reply.error.name, 'TransportClosedError')
    second.contents.destroy()
  })

  test('stopAccepting refuses new calls and lets those in flight end', async () => {
    const waiting = bridge.call('files.ls', {})
    await waitUntil(() => stub.ran.includes('files.ls'))
    binding.stopAccepting()
    await assert.rejects(transport.call('node.info', {}, {}), { name: 'TransportClosedError', code: 'ERR_TRANSPORT_CLOSED' })
    stub.release()
    assert.deepEqual(await waiting.result, { ok: true, output: { entries: [] } })
    assert.deepEqual(stub.ran, ['files.ls'])
  })

  test('unbind removes every handler and listener and stops every subscription', async () => {
    transport.subscribe('repo:collected', () => {})
    await settle()
    binding.unbind()
    assert.equal(main.handlers.size, 0)
    assert.equal(main.listenerTotal(), 0)
    assert.equal(stub.events.listenerCount('repo:collected'), 0)
  })

  test('pathsOf gives the files\' local paths', () => {
    assert.deepEqual(bridge.pathsOf([new File(['a'], 'a.txt'), new File(['b'], 'b.bin')]), ['/picked/a.txt', '/picked/b.bin'])
  })
})
