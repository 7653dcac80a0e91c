// Pairing by code between two nodes on loopback (issue 14): a code pairs
// both ways and the pairing outlives a restart; wrong codes fail and, after
// PAIRING_TRIES wrong proofs, void the code; an expired code fails; only a
// paired favourite may be auto-accepted, and an unpaired device never is.
import assert from 'node:assert/strict'
import { createHmac, randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it, mock } from 'node:test'
import { PAIRING_TRIES, PAIRING_TTL_MS } from '../../src/share/limits.ts'
import { tempDir } from '../helpers/cli.ts'
import { waitFor } from '../helpers/nodes.ts'
import { device, pairUp, startKeptNode, startSharePeer } from '../helpers/share-peer.ts'
import type { KeptNode, SharePeer } from '../helpers/share-peer.ts'
import type { NodeEvents, PlanetaryNode } from '../../src/node.ts'
import type { PublicItem } from '../../src/share/share.ts'

const itemOf = (node: PlanetaryNode, id: string): PublicItem | undefined => node.share.items().find((i) => i.id === id)

/** The joiner's proof of `code`, as pairing.ts makes it. */
function joinProof (code: string, joiner: string, host: string, nonce: string): string {
  return createHmac('sha256', code).update(['planetary-pair/1', 'join', joiner, host, nonce].join('|')).digest('base64')
}

/** Another code with the same first two digits (so the joiner sends a proof for it). */
function wrongCode (code: string, n: number): string {
  const tail = (Number(code.slice(2)) + 1 + n) % 10_000
  return code.slice(0, 2) + String(tail).padStart(4, '0')
}

describe('share: pairing by code', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let a: KeptNode
  let b: KeptNode
  let c: KeptNode
  const peers: SharePeer[] = []
  const pairings: Array<NodeEvents['share:pairing']> = []
  const listen = (node: PlanetaryNode): void => { node.events.on('share:pairing', (event) => { pairings.push(event) }) }
  const kept = async (name: string): Promise<KeptNode> => await startKeptNode((cfg) => ({ ...cfg, Share: { ...cfg.Share, DeviceName: name, InboxFolder: join(dir.path, `${name}-inbox`) } }))
  const idOf = (n: KeptNode): string => n.node.host.peerId.toString()

  before(async () => {
    dir = await tempDir()
    a = await kept('Alice')
    b = await kept('Bob')
    c = await kept('Carol')
    listen(a.node)
    await pairUp(a.node, b.node, waitFor)
    await pairUp(c.node, b.node, waitFor)
  })
  after(async () => {
    for (const peer of peers) await peer.stop().catch(() => {})
    for (const n of [a, b, c]) await n?.destroy().catch(() => {})
    await dir?.cleanup()
  })

  it('a wrong code fails; PAIRING_TRIES wrong proofs void the code, and the right code then fails too', { timeout: 300_000 }, async () => {
    const { code } = await a.node.share.pairing.start()
    pairings.length = 0
    const timings: number[] = []
    for (let i = 0; i < PAIRING_TRIES; i++) {
      const started = Date.now()
      await assert.rejects(b.node.share.pairing.join(wrongCode(code, i)), { name: 'PairingFailedError' })
      timings.push(Date.now() - started)
    }
    await waitFor(() => pairings.some((p) => p.state === 'failed'), 5_000, 'A to report the failed pairing', () => JSON.stringify(pairings))
    await assert.rejects(b.node.share.pairing.join(code), { name: 'PairingFailedError' })
    assert.equal(a.node.share.devices.get(idOf(b))?.paired, false)
    assert.equal(b.node.share.devices.get(idOf(a))?.paired, false)
    assert.ok(!pairings.some((p) => p.state === 'paired'))
    assert.ok(timings.every((t) => t < 35_000), `wrong-code joins took ${timings.join(', ')} ms`)
  })

  it('an expired code fails (a right proof sent after PAIRING_TTL_MS is refused; the same proof in time pairs)', async () => {
    const mallory = await startSharePeer('answer', 'Mallory')
    peers.push(mallory)
    await mallory.connect(a.node)
    assert.equal((await mallory.hello(a.node)).reply?.type, 'hello')
    const { code } = await a.node.share.pairing.start()
    const realNow = Date.now.bind(Date)
    const pair = (): Record<string, unknown> => {
      const nonce = randomBytes(32).toString('base64')
      return { type: 'pair', sentAt: realNow(), nonce, proof: joinProof(code, mallory.id, idOf(a), nonce), device: device('Mallory') }
    }
    const late = pair()
    const clock = mock.method(Date, 'now', () => realNow() + PAIRING_TTL_MS + 1_000)
    let expired
    try {
      expired = await mallory.send(a.node, late)
    } finally {
      clock.mock.restore()
    }
    assert.equal(expired.error, 'PairingFailedError', JSON.stringify(expired))
    assert.match(expired.message ?? '', /no pairing code/, 'refused because the code expired, not for its proof')
    // The control: with the clock back, the same kind of proof pairs (the code itself was right) — or, if the
    // late try ended the code, the expiry did what it should as well; either way it must not have paired late.
    assert.notEqual(a.node.share.devices.get(mallory.id)?.paired, true)
    const inTime = await mallory.send(a.node, pair())
    assert.equal(inTime.reply?.type, 'paired', `a right proof in time pairs: ${JSON.stringify(inTime)}`)
    await a.node.share.devices.update(mallory.id, { forget: true })
  })

  it('a hostile peer without the code cannot pair, and its wrong proofs count against the code', async () => {
    const mallory = await startSharePeer('answer', 'Mallory 2')
    peers.push(mallory)
    await mallory.connect(a.node)
    await mallory.hello(a.node)
    const none = await mallory.send(a.node, { type: 'pair', nonce: randomBytes(32).toString('base64'), proof: randomBytes(32).toString('base64'), device: device('Mallory 2') })
    assert.equal(none.error, 'PairingFailedError', 'no code shown: refused')
    const { code } = await a.node.share.pairing.start()
    for (let i = 0; i < PAIRING_TRIES; i++) {
      const nonce = randomBytes(32).toString('base64')
      const guess = wrongCode(code, i)
      const answer = await mallory.send(a.node, { type: 'pair', nonce, proof: joinProof(guess, mallory.id, idOf(a), nonce), device: device('Mallory 2') })
      assert.equal(answer.error, 'PairingFailedError')
    }
    const nonce = randomBytes(32).toString('base64')
    const right = await mallory.send(a.node, { type: 'pair', nonce, proof: joinProof(code, mallory.id, idOf(a), nonce), device: device('Mallory 2') })
    assert.equal(right.error, 'PairingFailedError', 'the code is void after PAIRING_TRIES wrong proofs')
    assert.match(right.message ?? '', /no pairing code/)
    assert.notEqual(a.node.share.devices.get(mallory.id)?.paired, true)
  })

  it('an unpaired device is never auto-accepted, even as a favourite', async () => {
    const carol = idOf(c)
    await b.node.share.devices.update(carol, { favourite: true })
    await assert.rejects(b.node.share.devices.update(carol, { autoAccept: true }), { name: 'AutoAcceptNotAllowedError' })
    const offers: Array<NodeEvents['share:offer']> = []
    const off = b.node.events.on('share:offer', (event) => { offers.push(event) })
    const file = join(dir.path, 'from-carol.txt')
    await writeFile(file, 'from carol')
    const sent = await c.node.share.send({ to: 'Bob', paths: [file] })
    assert.equal(sent.state, 'waiting')
    await waitFor(() => offers.length === 1, 5_000, 'the offer')
    off()
    assert.equal(offers[0]?.autoAccepted, false)
    await new Promise((resolve) => setTimeout(resolve, 500))
    assert.equal(itemOf(b.node, sent.id)?.state, 'waiting')
    await b.node.share.decline(sent.id)
  })

  it('A shows a code, B joins: paired both ways, A hears of it; auto-accept only once paired and a favourite', { timeout: 120_000 }, async () => {
    const { code, expiresAt } = await a.node.share.pairing.start()
    assert.match(code, /^\d{6}$/)
    assert.ok(expiresAt > Date.now() && expiresAt <= Date.now() + PAIRING_TTL_MS)
    pairings.length = 0
    const joined = await b.node.share.pairing.join(code)
    assert.equal(joined.peer, idOf(a))
    assert.equal(joined.paired, true)
    assert.equal(a.node.share.devices.get(idOf(b))?.paired, true)
    assert.equal(b.node.share.devices.get(idOf(a))?.paired, true)
    await waitFor(() => pairings.some((p) => p.state === 'paired'), 5_000, 'the share:pairing event on A')
    assert.equal(pairings.find((p) => p.state === 'paired')?.device?.peer, idOf(b))
    // The code is used up.
    await assert.rejects(c.node.share.pairing.join(code), { name: 'PairingFailedError' })
    // Auto-accept: not before it is a favourite.
    await assert.rejects(b.node.share.devices.update(idOf(a), { autoAccept: true }), { name: 'AutoAcceptNotAllowedError' })
    await b.node.share.devices.update(idOf(a), { favourite: true })
    assert.equal((await b.node.share.devices.update(idOf(a), { autoAccept: true }))?.autoAccept, true)
  })

  it('the pairing, favourite and auto-accept are kept across a restart of both nodes, and an offer is then accepted without asking', { timeout: 120_000 }, async () => {
    await a.restart()
    await b.restart()
    for (const [node, other] of [[a, b], [b, a]] as const) {
      const kept = node.node.share.devices.get(idOf(other))
      assert.equal(kept?.paired, true, `${node === a ? 'A' : 'B'} kept the pairing: ${JSON.stringify(kept)}`)
    }
    assert.equal(b.node.share.devices.get(idOf(a))?.favourite, true)
    assert.equal(b.node.share.devices.get(idOf(a))?.autoAccept, true)
    await pairUp(a.node, b.node, waitFor)
    const offers: Array<NodeEvents['share:offer']> = []
    const off = b.node.events.on('share:offer', (event) => { offers.push(event) })
    const file = join(dir.path, 'auto.bin')
    const bytes = randomBytes(400_000)
    await writeFile(file, bytes)
    const sent = await a.node.share.send({ to: 'Bob', paths: [file] })
    assert.equal(sent.state, 'transferring', 'the sender hears it was accepted')
    await waitFor(() => offers.length === 1, 5_000, 'the offer event')
    off()
    assert.equal(offers[0]?.autoAccepted, true)
    await waitFor(() => itemOf(b.node, sent.id)?.state === 'done', 20_000, 'the auto-accepted transfer', () => JSON.stringify(itemOf(b.node, sent.id)))
    assert.deepEqual(await readFile(join(dir.path, 'Bob-inbox', 'auto.bin')), bytes)
    // Unstarred: auto-accept goes with it, and the next offer waits.
    assert.equal((await b.node.share.devices.update(idOf(a), { favourite: false }))?.autoAccept, false)
    const next = await a.node.share.send({ to: 'Bob', paths: [file] })
    assert.equal(next.state, 'waiting')
    await new Promise((resolve) => setTimeout(resolve, 500))
    assert.equal(itemOf(b.node, next.id)?.state, 'waiting')
  })
})
