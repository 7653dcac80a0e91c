// Import the benchmark file into a seeder's store, in a process of its own
// (so the seeder's peak RSS is that of serving, not importing), with Kubo's
// defaults spelt out: 256 KiB chunks, balanced layout with 174 links,
// CIDv0, dag-pb leaves. `ours` makes a test-profile repo in `<dir>/repo`;
// `helia` fills a blockstore-fs in `<dir>/blocks` through @helia/unixfs.
// Prints the root CID.
import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import { unixfs } from '@helia/unixfs'
import { FsBlockstore } from 'blockstore-fs'
import { MemoryDatastore } from 'datastore-core'
import { createHeliaLight } from 'helia'
import { fixedSize } from 'ipfs-unixfs-importer/chunker'
import { balanced } from 'ipfs-unixfs-importer/layout'
import { initRepo, openRepo } from '../../node-core/src/repo/repo.ts'
import { addSources } from '../../node-core/src/unixfs/importer/add-paths.ts'
import { resolveImporterOptions } from '../../node-core/src/unixfs/importer/resolve-options.ts'

const [kind = 'ours', dir = '', input = ''] = process.argv.slice(2)

async function importOurs (): Promise<string> {
  const path = join(dir, 'repo')
  await initRepo(path, 'test')
  const repo = await openRepo(path)
  try {
    const options = resolveImporterOptions(repo.config.Import, { cidVersion: 0, rawLeaves: false, chunker: 'size-262144', maxFileLinks: 174 })
    const [root] = await addSources(repo.blockstore, [{ path: input }], options, { recursive: false, hidden: false })
    await repo.blockstore.sync()
    if (root === undefined) throw new Error('no root')
    return root.cid.toString()
  } finally {
    await repo.close()
  }
}

async function importHelia (): Promise<string> {
  const blockstore = new FsBlockstore(join(dir, 'blocks'))
  await blockstore.open()
  const helia = createHeliaLight({ blockstore, datastore: new MemoryDatastore() })
  await helia.start()
  try {
    const cid = await unixfs(helia).addByteStream(createReadStream(input, { highWaterMark: 1 << 20 }), {
      cidVersion: 0,
      rawLeaves: false,
      reduceSingleLeafToSelf: true,
      chunker: fixedSize({ chunkSize: 262144 }),
      layout: balanced({ maxChildrenPerNode: 174 })
    })
    return cid.toString()
  } finally {
    await helia.stop()
    await blockstore.close()
  }
}

process.stdout.write(`${kind === 'helia' ? await importHelia() : await importOurs()}\n`)
