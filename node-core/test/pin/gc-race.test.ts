// GC racing adds and fetches loses nothing: on a running node, adds (under
// the GC lock, as the daemon does them) and pinned fetches from a peer run
// while garbage collection runs again and again; afterwards every
// acknowledged file reads back whole, and unpinned leftovers are collected.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pinAddAll } from '../../src/daemon/rpc/handlers/pin.ts'
import { defaultConfig } from '../../src/repo/config/defaults.ts'
import { catAll } from '../../src/unixfs/exporter/cat.ts'
import { addSources } from '../../src/unixfs/importer/add-paths.ts'
import { resolveImporterOptions } from '../../src/unixfs/importer/resolve-options.ts'
import { tempDir } from '../helpers/cli.ts'
import { startTestNode } from '../helpers/nodes.ts'
import { chacha20 } from '../helpers/vector-inputs.ts'
import type { PlanetaryNode } from '../../src/node.ts'
import type { CID } from 'multiformats/cid'

const imports = defaultConfig({ PeerID: 'x', PrivKey: 'x' }).Import

/** An add as the daemon does it: blocks, sync and pin under the shared GC lock. */
async function add (node: PlanetaryNode, dir: string, name: string, bytes: Uint8Array, pin: boolean): Promise<CID> {
  const path = join(dir, name)
  await writeFile(path, bytes)
  return await node.gcLock.withShared(async () => {
    const [root] = await addSources(node.repo.blockstore, [{ path }], resolveImporterOptions(imports, {}), { recursive: false, hidden: false })
    await node.repo.blockstore.sync()
    if (root === undefined) throw new Error('nothing added')
    if (pin) await node.pins.put({ cid: root.cid, type: 'recursive', name: '' })
    return root.cid
  })
}

async function bytesOf (node: PlanetaryNode, cid: CID): Promise<Buffer> {
  const parts: Uint8Array[] = []
  for await (const part of catAll(node.repo.blockstore, [cid])) parts.push(part)
  return Buffer.concat(parts)
}

test('adds and pinned fetches racing repeated GC: every acknowledged file survives whole', async () => {
  const holder = await startTestNode()
  const node = await startTestNode()
  const dir = await tempDir()
  try {
    await node.node.host.dial(holder.node.host.getMultiaddrs()[0] ?? assert.fail('no address'))
    const remote: Array<[CID, Buffer]> = []
    for (let i = 0; i < 4; i++) {
      const bytes = chacha20(`remote-${i}`, 700_000 + i)
      remote.push([await add(holder.node, dir.path, `r${i}`, bytes, true), bytes])
    }
    let collecting = true
    let collections = 0
    const gcLoop = (async () => {
      while (collecting) {
        for await (const removed of node.node.gc()) void removed
        collections++
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    const acknowledged: Array<[CID, Buffer]> = []
    const adds = (async () => {
      for (let i = 0; i < 12; i++) {
        const bytes = chacha20(`local-${i}`, 300_000 + i * 1000)
        acknowledged.push([await add(node.node, dir.path, `l${i}`, bytes, true), bytes])
        await add(node.node, dir.path, `junk${i}`, chacha20(`junk-${i}`, 200_000), false)
      }
    })()
    const session = node.node.bitswap.session()
    const ctx = { reader: session, fetched: async () => { await session.stored() }, store: node.node.repo.blockstore, pins: node.node.pins, lock: node.node.gcLock }
    const fetches = (async () => {
      for (const [cid, bytes] of remote) {
        await pinAddAll(ctx, [cid.toString()], true, undefined)
        acknowledged.push([cid, bytes])
      }
    })()
    await Promise.all([adds, fetches])
    collecting = false
    await gcLoop
    assert.ok(collections >= 3, `GC ran ${collections} times during the race`)
    for await (const removed of node.node.gc()) void removed
    for (const [cid, bytes] of acknowledged) assert.ok((await bytesOf(node.node, cid)).equals(bytes), `${cid.toString()} survived whole`)
    assert.equal(acknowledged.length, 16)
    let blocks = 0
    for await (const cid of node.node.repo.blockstore.list()) { void cid; blocks++ }
    assert.equal(blocks, 12 * 3 + 4 * 4 + 1, 'only pinned DAGs and the (empty) Files root remain: the junk was collected')
  } finally {
    await node.stop()
    await holder.stop()
    await dir.cleanup()
  }
})
