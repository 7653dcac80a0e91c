/**
 * UnixFS directories: a basic node with sorted links, or a HAMT shard once
 * the directory passes Kubo's size threshold.
 */
import * as dagPb from '@ipld/dag-pb'
import { UnixFSType, encodeUnixFSData } from '../format/unixfs-data.ts'
import { writeHamt } from './hamt.ts'
import type { BlockWriter } from './block-writer.ts'
import type { EntryMeta, FilePart } from './file-node.ts'
import type { HamtOptions } from './options.ts'

/** A named child of a directory. */
export interface DirEntry {
  name: string
  part: FilePart
}

const utf8 = new TextEncoder()

/** Store a directory of `entries`; shards it when Kubo would. */
export async function writeDirectory (writer: BlockWriter, entries: DirEntry[], hamt: HamtOptions, meta: EntryMeta = {}): Promise<FilePart> {
  const named = entries.map((e) => ({ ...e, bytes: utf8.encode(e.name) }))
  named.sort((a, b) => Buffer.compare(a.bytes, b.bytes))
  let dagSize = 0
  let linkBytes = 0
  for (const e of named) {
    dagSize += e.part.dagSize
    linkBytes += e.bytes.byteLength + e.part.cid.bytes.byteLength
  }
  const bytes = dagPb.encode({
    Data: encodeUnixFSData({ type: UnixFSType.Directory, ...meta }),
    Links: named.map((e) => ({ Hash: e.part.cid, Name: e.name, Tsize: e.part.dagSize }))
  })
  const estimate = hamt.estimation === 'links' ? linkBytes : bytes.byteLength
  if (estimate > hamt.threshold) return await writeHamt(writer, named, hamt.fanout)
  const { cid } = await writer.dagPb(bytes)
  return { cid, fileSize: 0, dagSize: dagSize + bytes.byteLength }
}
