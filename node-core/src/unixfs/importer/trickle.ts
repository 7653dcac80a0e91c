/**
 * Kubo's trickle layout, for streaming playback: each node holds up to
 * `maxLinks` leaves, then `TRICKLE_LAYER_REPEAT` subtrees of each depth
 * 1, 2, ... in turn. The root is always a node, even for one chunk, and
 * dag-pb leaves are UnixFS type Raw.
 */
import { TRICKLE_LAYER_REPEAT } from './options.ts'
import { writeFileNode, writeLeaf } from './file-node.ts'
import type { BlockWriter } from './block-writer.ts'
import type { ChunkSource } from './chunk-source.ts'
import type { EntryMeta, FilePart } from './file-node.ts'

/** Build a trickle file DAG from `chunks`; returns its root. */
export async function buildTrickle (writer: BlockWriter, chunks: ChunkSource, rawLeaves: boolean, maxLinks: number, meta: EntryMeta): Promise<FilePart> {
  const kind = rawLeaves ? 'raw' : 'unixfs-raw'
  const fill = async (maxDepth: number, nodeMeta: EntryMeta): Promise<FilePart> => {
    const children: FilePart[] = []
    while (children.length < maxLinks && !await chunks.done()) {
      const chunk = await chunks.next()
      if (chunk !== undefined) children.push(await writeLeaf(writer, chunk, kind))
    }
    for (let depth = 1; maxDepth === -1 || depth < maxDepth; depth++) {
      if (await chunks.done()) break
      for (let repeat = 0; repeat < TRICKLE_LAYER_REPEAT && !await chunks.done(); repeat++) {
        children.push(await fill(depth, {}))
      }
    }
    return await writeFileNode(writer, children, nodeMeta)
  }
  return await fill(-1, meta)
}
