// A CAR v1 file's bytes, written with @ipld/car, for tests that import CARs.
import { CarWriter } from '@ipld/car'
import type { CID } from 'multiformats/cid'

/** The CAR with header `roots` and `blocks` in order (nothing checked: a test may want a CAR that lies). */
export async function carOf (roots: CID[], blocks: Array<{ cid: CID, bytes: Uint8Array }>): Promise<Buffer> {
  const { writer, out } = CarWriter.create(roots)
  const collected = (async () => {
    const parts: Uint8Array[] = []
    for await (const chunk of out) parts.push(chunk)
    return Buffer.concat(parts)
  })()
  for (const block of blocks) await writer.put(block)
  await writer.close()
  return await collected
}
