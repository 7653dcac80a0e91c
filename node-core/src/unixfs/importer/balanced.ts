/**
 * Kubo's balanced layout: leaves in order, each node full before the next.
 *
 * Built as a stack of levels, so memory is bounded by `maxLinks` per level
 * whatever the file size: a full level becomes a node one level up when
 * its next child arrives, and at the end the levels fold into the root,
 * which alone carries the entry's mode and mtime. This gives the tree of
 * Kubo's depth-first balanced builder.
 */
import { writeFileNode, writeLeaf } from './file-node.ts'
import type { BlockWriter } from './block-writer.ts'
import type { ChunkSource } from './chunk-source.ts'
import type { EntryMeta, FilePart } from './file-node.ts'

/** Build a balanced file DAG from `chunks`; returns its root. */
export async function buildBalanced (writer: BlockWriter, chunks: ChunkSource, rawLeaves: boolean, maxLinks: number, meta: EntryMeta): Promise<FilePart> {
  const kind = rawLeaves ? 'raw' : 'file'
  const first = await chunks.next() ?? new Uint8Array(0)
  if (await chunks.done()) {
    if (kind === 'raw' && hasMeta(meta)) return await writeFileNode(writer, [await writeLeaf(writer, first, kind)], meta)
    return await writeLeaf(writer, first, kind, meta)
  }
  const levels: FilePart[][] = [[]]
  const add = async (part: FilePart, level: number): Promise<void> => {
    const nodes = levels[level] ??= []
    if (nodes.length === maxLinks) {
      const parent = await writeFileNode(writer, nodes.splice(0))
      await add(parent, level + 1)
    }
    nodes.push(part)
  }
  await add(await writeLeaf(writer, first, kind), 0)
  for (let chunk = await chunks.next(); chunk !== undefined; chunk = await chunks.next()) {
    await add(await writeLeaf(writer, chunk, kind), 0)
  }
  for (let level = 0; ; level++) {
    const nodes = levels[level] ?? []
    if (levels.slice(level + 1).every((l) => l.length === 0)) return await writeFileNode(writer, nodes, meta)
    if (nodes.length > 0) await add(await writeFileNode(writer, nodes.splice(0)), level + 1)
  }
}

/** True when the entry has a mode or mtime to store. */
export function hasMeta (meta: EntryMeta): boolean {
  return meta.mode !== undefined || meta.mtime !== undefined
}
