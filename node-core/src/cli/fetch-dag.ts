/**
 * `get` through a running daemon: the daemon exports the DAG under a path
 * as a CAR (fetching what its repo lacks from peers), the CLI spools it to
 * a temporary file and reads it back by CID with random access, so a tree
 * of any size is written to disk without being held in memory.
 */
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { CarIndexedReader } from '@ipld/car/indexed-reader'
import { verifyBlock } from '../block/block.ts'
import { BlockNotFoundError } from '../block/errors.ts'
import { InvalidCarError } from '../dag/errors.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { RpcClient } from './rpc-client.ts'
import type { CID } from 'multiformats/cid'

/** Fetch the DAG at `path` through `daemon` and hand `use` a store over it and its root. */
export async function fetchDag (daemon: RpcClient, path: string, options: Record<string, boolean>, use: (store: Pick<Blockstore, 'get'>, root: CID) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'planetary-get-'))
  try {
    const file = join(dir, 'dag.car')
    await pipeline(Readable.from(daemon.bytes('dag/export', [path], options)), createWriteStream(file))
    const reader = await CarIndexedReader.fromFile(file)
    try {
      const [root] = await reader.getRoots()
      if (root === undefined) throw new InvalidCarError('the daemon sent a CAR without a root')
      const store: Pick<Blockstore, 'get'> = {
        get: async (cid) => {
          const block = await reader.get(cid)
          if (block === undefined) throw new BlockNotFoundError(`${cid.toString()} is not in the DAG the daemon sent`)
          verifyBlock(cid, block.bytes)
          return block.bytes
        }
      }
      await use(store, root)
    } finally {
      await reader.close()
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
