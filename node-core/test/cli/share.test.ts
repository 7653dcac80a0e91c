// `planetary share` between two real daemons on loopback, connected by
// `swarm connect`: each lists the other as a device; a file sent with
// --wait waits in the other's inbox, is accepted and saved byte-identical
// into its inbox folder while the sender's outbox shows it done; several
// paths arrive together; a declined offer saves nothing and --wait fails
// by name; bad input (unknown and malformed ids, an unknown device, a
// missing path, an overlong message, a malformed pairing code) is a named
// one-line error, a non-zero exit and nothing half-sent; and the RPC
// answers bad share input in Kubo's error shape.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { planetary, planetaryOk, tempDir } from '../helpers/cli.ts'
import { startTestDaemon } from '../helpers/daemon.ts'
import { waitFor } from '../helpers/nodes.ts'
import type { Output } from '../../src/api/contract.ts'
import type { TestDaemon } from '../helpers/daemon.ts'

type Item = Output<'share.accept'>
type Device = Output<'share.devices'>['devices'][number]

/** A reply of the RPC: its status and JSON body. */
interface Reply { status: number, body: Record<string, unknown> }

async function rpc (daemon: TestDaemon, path: string): Promise<Reply> {
  const [, , host, , port] = (await readFile(join(daemon.repo, 'api'), 'utf8')).trim().split('/')
  const res = await fetch(`http://${host ?? ''}:${port ?? ''}/api/v0/${path}`, { method: 'POST' })
  return { status: res.status, body: JSON.parse(await res.text()) as Record<string, unknown> }
}

async function items (daemon: TestDaemon, direction: 'in' | 'out'): Promise<Item[]> {
  return (await rpc(daemon, `share/items?direction=${direction}`)).body.items as Item[]
}

async function devices (daemon: TestDaemon): Promise<Device[]> {
  return (await rpc(daemon, 'share/devices')).body.devices as Device[] | undefined ?? []
}

/** The first item of `daemon` in `direction` that `match` picks, once there is one. */
async function itemWhen (daemon: TestDaemon, direction: 'in' | 'out', match: (item: Item) => boolean, what: string): Promise<Item> {
  let found: Item | undefined
  await waitFor(async () => (found = (await items(daemon, direction)).find(match)) !== undefined, 60_000, what)
  if (found === undefined) throw new Error(`no item: ${what}`)
  return found
}

async function expectFailure (repo: string, args: string[], pattern: RegExp): Promise<void> {
  const result = await planetary(repo, args)
  assert.notEqual(result.code, 0, `planetary ${args.join(' ')} should fail`)
  assert.equal(result.stderr.trim().split('\n').length, 1, `one line: ${result.stderr}`)
  assert.match(result.stderr, /^Error: /)
  assert.match(result.stderr, pattern, `planetary ${args.join(' ')}`)
}

describe('planetary share', () => {
  let alice: TestDaemon
  let bob: TestDaemon
  let dir: Awaited<ReturnType<typeof tempDir>>
  let bobInbox: string

  const configure = (name: string, inbox: string) => async (repo: string): Promise<void> => {
    await planetaryOk(repo, ['config', 'Share.DeviceName', name])
    await planetaryOk(repo, ['config', '--json', 'Share.InboxFolder', JSON.stringify(inbox)])
  }

  before(async () => {
    dir = await tempDir('planetary-share-')
    bobInbox = join(dir.path, 'bob-inbox')
    alice = await startTestDaemon(configure('alice', join(dir.path, 'alice-inbox')))
    bob = await startTestDaemon(configure('bob', bobInbox))
    const address = bob.addresses.find((a) => /\/tcp\/\d+\/p2p\//.test(a)) ?? ''
    await planetaryOk(alice.repo, ['swarm', 'connect', address])
    await waitFor(async () => (await devices(alice)).some((d) => d.peer === bob.peerId && d.name === 'bob') &&
      (await devices(bob)).some((d) => d.peer === alice.peerId && d.name === 'alice'), 30_000, 'each daemon to list the other as a device')
  })

  after(async () => {
    await alice?.stop()
    await bob?.stop()
    await dir?.cleanup()
  })

  test('share devices lists the other device, as a table and as JSON', async () => {
    const table = (await planetaryOk(alice.repo, ['share', 'devices'])).stdout
    assert.match(table, /^NAME\s+OS\s+PEER ID\s+ONLINE\s+PAIRED\s+FAVOURITE\n/)
    assert.match(table, new RegExp(`^bob\\s+${process.platform}\\s+${bob.peerId}\\s+yes\\s+no\\s+no$`, 'm'))
    const json = JSON.parse((await planetaryOk(alice.repo, ['--enc=json', 'share', 'devices'])).stdout) as { devices: Device[] }
    assert.ok(json.devices.some((d) => d.peer === bob.peerId && d.online), JSON.stringify(json))
  })

  test('send --wait, accept: the file is saved byte-identical and both sides show it done', async () => {
    const bytes = randomBytes(700_000)
    const file = join(dir.path, 'report.bin')
    await writeFile(file, bytes)
    const sending = planetary(alice.repo, ['share', 'send', '--wait', 'bob', file])
    const offer = await itemWhen(bob, 'in', (i) => i.name === 'report.bin' && i.state === 'waiting', 'the offer in bob\'s inbox')
    const inbox = (await planetaryOk(bob.repo, ['share', 'inbox'])).stdout
    assert.match(inbox, /^ID\s+FROM\s+NAME\s+SIZE\s+STATE\s+SAVED TO\n/)
    assert.match(inbox, new RegExp(`^${offer.id}\\s+alice\\s+report\\.bin\\s+683\\.6 KiB\\s+waiting\\s+-$`, 'm'))
    assert.match((await planetaryOk(bob.repo, ['share', 'accept', offer.id])).stdout, new RegExp(`^${offer.id} (transferring|done)\\n$`))

    const sent = await sending
    assert.equal(sent.code, 0, sent.stderr)
    const lines = sent.stdout.trim().split('\n')
    const id = /^([a-z2-7]{26}) waiting$/.exec(lines[0] ?? '')?.[1] ?? ''
    assert.ok(id !== '', sent.stdout)
    assert.equal(lines.at(-1), `${id} done`)

    const received = await itemWhen(bob, 'in', (i) => i.id === offer.id && i.state === 'done', 'bob to save the file')
    const saved = received.savedTo?.[0] ?? ''
    assert.equal(dirname(saved), bobInbox)
    assert.deepEqual(await readFile(saved), bytes)
    assert.match((await planetaryOk(bob.repo, ['share', 'inbox'])).stdout, new RegExp(`^${offer.id}\\s+alice\\s+report\\.bin\\s+683\\.6 KiB\\s+done\\s+${saved.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'))
    assert.match((await planetaryOk(alice.repo, ['share', 'outbox'])).stdout, new RegExp(`^${id}\\s+bob\\s+report\\.bin\\s+683\\.6 KiB\\s+done$`, 'm'))
    assert.match((await planetaryOk(alice.repo, ['files', 'ls', '/Shared'])).stdout, /^report\.bin$/m)
  })

  test('several paths are sent as one item ("2 items", kept in /Shared as a folder) and saved side by side, as dropped', async () => {
    const one = join(dir.path, 'several', 'one.txt')
    const folder = join(dir.path, 'several', 'photos')
    const photo = randomBytes(5000)
    await mkdir(folder, { recursive: true })
    await writeFile(one, 'one\n')
    await writeFile(join(folder, 'a.jpg'), photo)
    const item = JSON.parse((await planetaryOk(alice.repo, ['--enc=json', 'share', 'send', bob.peerId, one, folder])).stdout) as Item
    assert.equal(item.name, '2 items')
    assert.deepEqual(item.files, [{ path: 'one.txt', size: 4 }, { path: 'photos/a.jpg', size: 5000 }])
    assert.match((await planetaryOk(alice.repo, ['files', 'ls', '/Shared/2 items'])).stdout, /^one\.txt\nphotos\n$/)
    await itemWhen(bob, 'in', (i) => i.id === item.id && i.state === 'waiting', 'the offer of two paths')
    await planetaryOk(bob.repo, ['share', 'accept', item.id])
    const received = await itemWhen(bob, 'in', (i) => i.id === item.id && i.state === 'done', 'bob to save both')
    assert.deepEqual(received.savedTo, [join(bobInbox, 'one.txt'), join(bobInbox, 'photos')])
    assert.equal(await readFile(join(bobInbox, 'one.txt'), 'utf8'), 'one\n')
    assert.deepEqual(await readFile(join(bobInbox, 'photos', 'a.jpg')), photo)
  })

  test('pairing: a code shown on one device, typed on the other', async () => {
    const shown = (await planetaryOk(alice.repo, ['share', 'pair'])).stdout
    const code = /^Pairing code: (\d{6})\nValid for 10 minutes: /.exec(shown)?.[1] ?? ''
    assert.ok(code !== '', shown)
    assert.equal((await planetaryOk(bob.repo, ['share', 'pair', code])).stdout, `paired with alice (${alice.peerId})\n`)
    assert.ok((await devices(bob)).some((d) => d.peer === alice.peerId && d.paired))
    await waitFor(async () => (await devices(alice)).some((d) => d.peer === bob.peerId && d.paired), 10_000, 'alice to list bob as paired')
    await expectFailure(bob.repo, ['share', 'pair', code], new RegExp(`no device answered to code ${code}`))
  })

  test('decline: nothing is saved, the sender sees it declined, and --wait fails by name', async () => {
    const file = join(dir.path, 'memo.txt')
    await writeFile(file, 'not for you\n')
    const sending = planetary(alice.repo, ['share', 'send', '--wait', '-m', 'for you', 'bob', file])
    const offer = await itemWhen(bob, 'in', (i) => i.name === 'memo.txt' && i.state === 'waiting', 'the offer to decline')
    assert.equal(offer.message, 'for you')
    assert.equal((await planetaryOk(bob.repo, ['share', 'decline', offer.id])).stdout, `${offer.id} declined\n`)
    const sent = await sending
    assert.equal(sent.code, 1)
    assert.match(sent.stderr, /^Error: bob declined "memo\.txt"\n$/)
    const id = sent.stdout.split(' ')[0] ?? ''
    assert.match((await planetaryOk(alice.repo, ['share', 'outbox'])).stdout, new RegExp(`^${id}\\s+bob\\s+memo\\.txt\\s+12 B\\s+declined$`, 'm'))
    assert.ok(!(await readdir(bobInbox)).includes('memo.txt'))
  })

  test('bad input: a named one-line error, a non-zero exit, nothing half-sent', async () => {
    const file = join(dir.path, 'bad.txt')
    await writeFile(file, 'bad\n')
    const shared = (await planetaryOk(alice.repo, ['files', 'ls', '/Shared'])).stdout
    const sent = (await items(alice, 'out')).length
    await expectFailure(bob.repo, ['share', 'accept', 'a'.repeat(26)], /no transfer has the id a{26}$/m)
    await expectFailure(bob.repo, ['share', 'decline', 'not-an-id'], /share\.decline: id: must be a share item id/)
    await expectFailure(alice.repo, ['share', 'cancel', 'Z'.repeat(26)], /share\.cancel: id: must be a share item id/)
    await expectFailure(alice.repo, ['share', 'send', 'nobody', file], /no device is called "nobody"/)
    await expectFailure(alice.repo, ['share', 'send', alice.peerId, file], /this is this device/)
    await expectFailure(alice.repo, ['share', 'send', 'bob', join(dir.path, 'no-such-file')], /no such file or folder: .*no-such-file/)
    await expectFailure(alice.repo, ['share', 'send', 'bob', file, file], /two paths are named "bad\.txt"/)
    await expectFailure(alice.repo, ['share', 'send', '-m', 'x'.repeat(501), 'bob', file], /share\.send: message: /)
    await expectFailure(alice.repo, ['share', 'pair', '12ab'], /share\.pairJoin: code: must be six digits/)
    await expectFailure(alice.repo, ['share', 'send', 'bob'], /share send takes at least 2 arguments/)
    assert.equal((await planetaryOk(alice.repo, ['files', 'ls', '/Shared'])).stdout, shared, '/Shared is as it was')
    assert.equal((await items(alice, 'out')).length, sent, 'nothing was offered')
  })

  test('the RPC answers bad share input in Kubo\'s error shape, with the contract\'s error names', async () => {
    const expectError = async (path: string, name: string, message: RegExp): Promise<void> => {
      const { status, body } = await rpc(alice, path)
      assert.ok(status >= 400, `${path}: ${status}`)
      assert.deepEqual(Object.keys(body).sort(), ['Code', 'Message', 'Name', 'Type'], path)
      assert.equal(body.Type, 'error', path)
      assert.equal(body.Name, name, path)
      assert.match(String(body.Message), message, path)
    }
    await expectError('share/send?arg=bob', 'InvalidInputError', /^share\.send: give either paths or cid$/)
    await expectError('share/send?arg=bob&cid=not!a!cid', 'InvalidInputError', /^share\.send: cid: must be a CID$/)
    await expectError('share/send?cid=bafkqaaa', 'InvalidInputError', /^share\.send: to: /)
    await expectError('share/send?arg=bob&arg=/etc/passwd&cid=bafkqaaa', 'BadRequestError', /one argument/)
    await expectError('share/accept?arg=nope', 'InvalidInputError', /^share\.accept: id: must be a share item id$/)
    await expectError('share/items?direction=sideways', 'InvalidInputError', /^share\.items: direction: /)
    await expectError(`share/accept?arg=${'a'.repeat(26)}`, 'UnknownItemError', /^no transfer has the id a{26}$/)
    await expectError('share/send?arg=nobody&cid=bafkqaaa&name=x', 'UnknownDeviceError', /no device is called "nobody"/)
  })
})
