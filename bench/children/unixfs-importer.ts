// Reference for the add benchmark: ipfs-unixfs-importer (Kubo-default options)
// into blockstore-fs on disk, or into memory. Prints the root CID.
import { createReadStream } from 'node:fs'
import { importer } from 'ipfs-unixfs-importer'
import { fixedSize } from 'ipfs-unixfs-importer/chunker'
import { balanced } from 'ipfs-unixfs-importer/layout'
import { FsBlockstore } from 'blockstore-fs'
import { MemoryBlockstore } from 'blockstore-core/memory'

const [target = 'memory', file = '', dir = ''] = process.argv.slice(2)
const store = target === 'fs' ? new FsBlockstore(dir) : new MemoryBlockstore()
if (store instanceof FsBlockstore) await store.open()
let root = ''
for await (const entry of importer([{ path: 'data.bin', content: createReadStream(file, { highWaterMark: 1 << 20 }) }], store, {
  cidVersion: 0,
  rawLeaves: false,
  chunker: fixedSize({ chunkSize: 262144 }),
  layout: balanced({ maxChildrenPerNode: 174 }),
  reduceSingleLeafToSelf: true,
  wrapWithDirectory: false
})) {
  root = entry.cid.toString()
}
process.stdout.write(root + '\n')
