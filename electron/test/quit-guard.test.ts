// The question before quitting while devices download from this one, on
// fakes: nobody downloading quits at once; someone downloading asks, and
// the answer quits or keeps running; a second request while asking joins
// it; once quitting, nothing is asked; a node that fails or does not
// answer in time does not hold the quit up. Who downloads: the node's
// uploads, and sent items accepted and not receipted while their device is
// online (the wants flicker and drain when a receiver stalls), asked
// through the API.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { askDownloaders, createQuitGuard, downloaders } from '../src/quit-guard.ts'
import type { NodeApi } from '../../node-core/src/api/node-api.ts'
import type { QuitGuardDeps } from '../src/quit-guard.ts'
import type { QuitWarning, ShareItem, Upload } from '../src/share-notices.ts'

const ANA: Upload = { peer: '12D3KooWana', deviceName: 'Ana', blocks: 4, bytes: 1_000_000, itemId: 'a'.repeat(26) }

function fake (overrides: Partial<QuitGuardDeps> & { answers?: boolean[], uploads?: QuitGuardDeps['uploads'] } = {}) {
  const asked: QuitWarning[] = []
  const logs: string[] = []
  let quits = 0
  let quitting = false
  const answers = overrides.answers ?? []
  const guard = createQuitGuard({
    uploads: async () => [ANA],
    confirm: async (warning) => {
      asked.push(warning)
      return answers.shift() ?? false
    },
    sequence: {
      quit: async () => { quits++; quitting = true },
      get quitting () { return quitting }
    },
    log: (line) => { logs.push(line) },
    ...overrides
  })
  return { guard, asked, logs, quits: () => quits }
}

describe('quit guard', () => {
  it('quits at once when nobody downloads', async () => {
    const f = fake({ uploads: async () => [] })
    assert.equal(await f.guard.request(), 'quit')
    assert.equal(f.quits(), 1)
    assert.deepEqual(f.asked, [])
  })

  it('asks while a device downloads: Keep running keeps the app, Quit quits', async () => {
    const f = fake({ answers: [false, true] })
    assert.equal(await f.guard.request(), 'kept')
    assert.equal(f.quits(), 0)
    assert.equal(f.asked[0]?.message, 'Ana is still downloading from you. Quit anyway?')
    assert.deepEqual(f.asked[0]?.buttons, ['Quit', 'Keep running'])
    assert.match(f.logs.join('\n'), /kept running/)
    assert.equal(await f.guard.request(), 'quit', 'asked again on the next quit')
    assert.equal(f.asked.length, 2)
    assert.equal(f.quits(), 1)
  })

  it('joins a request made while the question is open, and asks nothing once quitting', async () => {
    let answer: (quit: boolean) => void = () => {}
    const f = fake({ confirm: async () => await new Promise<boolean>((resolve) => { answer = resolve }) })
    const first = f.guard.request()
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(f.guard.asking, true)
    const second = f.guard.request()
    answer(true)
    assert.deepEqual(await Promise.all([first, second]), ['quit', 'quit'])
    assert.equal(f.quits(), 1)
    assert.equal(f.guard.asking, false)
    assert.equal(await f.guard.request(), 'quit')
    assert.equal(f.quits(), 2, 'the sequence is asked again, and joins itself')
  })

  it('quits when the node cannot say, or not in time', async () => {
    const failing = fake({ uploads: async () => { throw Object.assign(new Error('the daemon went away'), { name: 'DaemonGoneError' }) } })
    assert.equal(await failing.guard.request(), 'quit')
    assert.match(failing.logs.join('\n'), /could not ask who downloads from this device \(the daemon went away\); quitting/)
    const slow = fake({ uploads: async () => await new Promise<never>(() => {}), uploadsTimeoutMs: 30 })
    const started = performance.now()
    assert.equal(await slow.guard.request(), 'quit')
    assert.ok(performance.now() - started < 1_000)
    assert.match(slow.logs.join('\n'), /no answer in 30 ms/)
    assert.equal(slow.asked.length, 0)
  })
})

describe('who downloads from this device', () => {
  const sent = (id: string, peer: string, state: ShareItem['state'], direction: 'in' | 'out' = 'out') => ({ id: id.repeat(26), direction, state, peer, deviceName: peer.replace('12D3KooW', ''), bytes: 7 })

  it('the uploads, plus each accepted, unreceipted item sent to a device online now (once per device)', () => {
    assert.deepEqual(downloaders([ANA], [], new Set()), [ANA])
    const items = [
      sent('b', '12D3KooWBo', 'transferring'),
      sent('c', '12D3KooWCy', 'transferring'),
      sent('d', '12D3KooWDi', 'waiting'),
      sent('e', '12D3KooWEd', 'done'),
      sent('f', '12D3KooWFa', 'transferring', 'in'),
      sent('g', '12D3KooWana', 'transferring'),
      sent('h', '12D3KooWBo', 'transferring')
    ]
    const online = new Set(['12D3KooWBo', '12D3KooWDi', '12D3KooWEd', '12D3KooWFa', '12D3KooWana'])
    assert.deepEqual(downloaders([ANA], items, online), [ANA, { peer: '12D3KooWBo', deviceName: 'Bo', blocks: 0, bytes: 7, itemId: 'b'.repeat(26) }])
  })

  it('asks the node for its uploads, sent items and devices', async () => {
    const asked: string[] = []
    const answer = (name: string, output: unknown) => async (input: unknown, options: { signal?: AbortSignal }) => {
      asked.push(`${name} ${JSON.stringify(input)} ${options.signal instanceof AbortSignal}`)
      return output
    }
    const node = {
      methods: {
        'share.uploads': answer('uploads', { uploads: [] }),
        'share.items': answer('items', { items: [sent('b', '12D3KooWBo', 'transferring'), sent('c', '12D3KooWCy', 'transferring')] }),
        'share.devices': answer('devices', { devices: [{ peer: '12D3KooWBo', online: true }, { peer: '12D3KooWCy', online: false }] })
      }
    } as unknown as Pick<NodeApi, 'methods'>
    assert.deepEqual((await askDownloaders(node, new AbortController().signal)).map((u) => u.deviceName), ['Bo'])
    assert.deepEqual(asked.sort(), ['devices {} true', 'items {"direction":"out"} true', 'uploads {} true'])
  })
})
