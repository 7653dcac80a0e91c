// A received item comes from every peer that holds it: with A (the sender)
// and C (which received it before) both connected to B, B's transfer takes
// blocks from both, and says how many from each.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { tempDir } from '../helpers/cli.ts'
import { startTestNode, waitFor } from '../helpers/nodes.ts'
import type { TestNode } from '../helpers/nodes.ts'

describe('a transfer from two holders', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let a: TestNode
  let b: TestNode
  let c: TestNode
  const start = async (name: string): Promise<TestNode> => await startTestNode((config) => ({ ...config, Share: { ...config.Share, DeviceName: name, InboxFolder: join(dir.path, name) } }))
  const item = (node: TestNode, id: string) => node.node.share.items().find((i) => i.id === id)

  before(async () => {
    dir = await tempDir()
    a = await start('A')
    b = await start('B')
    c = await start('C')
    await a.node.host.dial(b.node.host.getMultiaddrs()[0]!)
    await a.node.host.dial(c.node.host.getMultiaddrs()[0]!)
    await c.node.host.dial(b.node.host.getMultiaddrs()[0]!)
    const sees = (x: TestNode, y: TestNode): boolean => x.node.share.devices.get(y.node.host.peerId.toString()) !== undefined
    await waitFor(() => sees(a, b) && sees(a, c) && sees(b, a), 10_000, 'the devices to greet')
  })
  after(async () => {
    await a?.stop()
    await b?.stop()
    await c?.stop()
    await dir?.cleanup()
  })

  it('takes blocks from the sender and from the other holder, and counts them', async () => {
    const file = join(dir.path, 'video.bin')
    const out = createWriteStream(file)
    for (let i = 0; i < 96; i++) out.write(randomBytes(1 << 20))
    await new Promise((resolve) => out.end(resolve))
    const first = await a.node.share.send({ to: 'C', paths: [file] })
    await waitFor(() => item(c, first.id) !== undefined, 5_000, 'the offer to C')
    await c.node.share.accept(first.id)
    await waitFor(() => item(c, first.id)?.state === 'done', 60_000, 'C to receive it')
    const second = await a.node.share.send({ to: 'B', cid: first.root, name: 'video.bin' })
    await waitFor(() => item(b, second.id) !== undefined, 5_000, 'the offer to B')
    await b.node.share.accept(second.id)
    await waitFor(() => item(b, second.id)?.state === 'done', 60_000, 'B to receive it', () => JSON.stringify(item(b, second.id)))
    const sources = new Map(item(b, second.id)!.sources.map((s) => [s.peer, s.blocks]))
    const fromA = sources.get(a.node.host.peerId.toString()) ?? 0
    const fromC = sources.get(c.node.host.peerId.toString()) ?? 0
    assert.ok(fromA > 0 && fromC > 0, `blocks from A: ${fromA}, from C: ${fromC}`)
    assert.ok(fromA + fromC >= 384, `${fromA + fromC} blocks for 96 MiB`)
    assert.deepEqual(await readFile(join(dir.path, 'B', 'video.bin')), await readFile(file))
  })
})
