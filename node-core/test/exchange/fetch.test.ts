// Our Bitswap between two of our nodes on loopback: a multi-MiB file that
// only one side holds is fetched block by block by the other, verified,
// stored, and read back byte for byte.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { defaultConfig } from '../../src/repo/config/defaults.ts'
import { addSources } from '../../src/unixfs/importer/add-paths.ts'
import { resolveImporterOptions } from '../../src/unixfs/importer/resolve-options.ts'
import { cat } from '../../src/unixfs/exporter/cat.ts'
import { tempDir } from '../helpers/cli.ts'
import { startTestNode } from '../helpers/nodes.ts'
import { chacha20 } from '../helpers/vector-inputs.ts'
import type { Blockstore } from '../../src/block/blockstore.ts'
import type { ImportFlags } from '../../src/unixfs/importer/resolve-options.ts'
import type { CID } from 'multiformats/cid'

const imports = defaultConfig({ PeerID: 'x', PrivKey: 'x' }).Import

async function addBytes (store: Blockstore, bytes: Uint8Array, flags: ImportFlags): Promise<CID> {
  const dir = await tempDir()
  try {
    const path = join(dir.path, 'file')
    await writeFile(path, bytes)
    const [root] = await addSources(store, [{ path }], resolveImporterOptions(imports, flags), { recursive: false, hidden: false })
    await store.sync()
    return root?.cid ?? assert.fail('no root')
  } finally {
    await dir.cleanup()
  }
}

async function readAll (chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = []
  for await (const c of chunks) parts.push(c)
  return Buffer.concat(parts)
}

test('a file only one node holds is fetched by the other over Bitswap, CIDv0 and CIDv1 raw leaves', async () => {
  const a = await startTestNode()
  const b = await startTestNode()
  try {
    await b.node.host.dial(a.node.host.getMultiaddrs()[0] ?? assert.fail('no address'))
    for (const flags of [{}, { cidVersion: 1 as const }]) {
      const bytes = chacha20(`fetch-${JSON.stringify(flags)}`, 5 * 1024 * 1024 + 123)
      const root = await addBytes(a.node.repo.blockstore, bytes, flags)
      assert.equal(await b.node.repo.blockstore.has(root), false)
      const session = b.node.bitswap.session()
      const fetched = await readAll(cat({ get: async (cid, options) => await session.get(cid, options) }, root))
      assert.ok(fetched.equals(bytes), `${JSON.stringify(flags)}: same bytes`)
      await session.stored()
      assert.equal(await b.node.repo.blockstore.has(root), true, 'stored locally once the session\'s writes are done')
      const stat = b.node.bitswap.stat()
      assert.ok(stat.blocksReceived >= 21, `${stat.blocksReceived} blocks received`)
      assert.equal(stat.unwantedBlocks, 0)
      assert.deepEqual(stat.wantlist, [], 'nothing left wanted')
    }
    assert.ok(a.node.bitswap.ledger(b.node.host.peerId).blocksSent >= 42)
  } finally {
    await a.stop()
    await b.stop()
  }
})
