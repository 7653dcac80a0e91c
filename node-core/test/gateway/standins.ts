// Stand-ins for the conformance fixtures whose bytes cannot be rebuilt
// (random file contents, hand-written dag-cbor/dag-json documents): DAGs of
// the same shape, made here, that the same tests run against. Their CIDs
// differ from the fixtures'; what they exercise does not.
import * as dagCbor from '@ipld/dag-cbor'
import * as dagPb from '@ipld/dag-pb'
import { CID } from 'multiformats/cid'
import * as json from 'multiformats/codecs/json'
import { sha256 } from 'multiformats/hashes/sha2'
import { addEntries } from '../../src/unixfs/importer/add-entries.ts'
import { resolveImporterOptions } from '../../src/unixfs/importer/resolve-options.ts'
import { encodeUnixFSData } from '../../src/unixfs/format/unixfs-data.ts'
import type { Blockstore } from '../../src/block/blockstore.ts'

async function put (store: Pick<Blockstore, 'put'>, code: number, bytes: Uint8Array): Promise<CID> {
  const cid = CID.createV1(code, await sha256.digest(bytes))
  await store.put(cid, bytes)
  return cid
}

/** Text that sniffs as text/plain: 3 KiB of numbered lines. */
export function textBytes (size: number): Uint8Array {
  let text = ''
  for (let i = 0; text.length < size; i++) text += `line ${i} of a text file made for the gateway tests\n`
  return new TextEncoder().encode(text.slice(0, size))
}

/**
 * file-3k-and-3-blocks-missing-block.car: a 3072-byte file added as CIDv0
 * with 1024-byte chunks (three dag-pb leaves), its middle leaf removed.
 */
export async function missingBlockFile (store: Blockstore): Promise<{ root: CID, leaves: CID[], content: Uint8Array }> {
  const content = textBytes(3072)
  const options = resolveImporterOptions({} as never, { chunker: 'size-1024' })
  const [added] = await addEntries(store, (async function * () { yield { kind: 'file' as const, path: 'file-3k', content: (async function * () { yield content })() } })(), options)
  if (added === undefined) throw new Error('nothing added')
  const root = dagPb.decode(await store.get(added.cid))
  const leaves = root.Links.map((l) => l.Hash)
  await store.delete(leaves[1] as CID)
  return { root: added.cid, leaves, content }
}

/** dag-cbor/dag-json-traversal.car: `{foo: {link: mid}}`, mid `{bar: leaf}`, leaf `{hello: "this is not a link"}`. */
export async function traversalDag (store: Pick<Blockstore, 'put'>, codec: { code: number, encode: (value: unknown) => Uint8Array }): Promise<{ root: CID, mid: CID, leaf: CID, leafBytes: Uint8Array }> {
  const leafBytes = codec.encode({ hello: 'this is not a link' })
  const leaf = await put(store, codec.code, leafBytes)
  const mid = await put(store, codec.code, codec.encode({ bar: leaf }))
  const root = await put(store, codec.code, codec.encode({ foo: { link: mid } }))
  return { root, mid, leaf, leafBytes }
}

/** plain-json.car: a block with the plain JSON codec (0x0200). */
export async function plainJson (store: Pick<Blockstore, 'put'>): Promise<{ cid: CID, bytes: Uint8Array }> {
  const bytes = json.encode({ test: 'plain json' })
  return { cid: await put(store, json.code, bytes), bytes }
}

/**
 * dir-with-dag-cbor-with-links.car: a directory whose `document` is
 * dag-cbor linking to two UnixFS files, `files/single` (one block) and
 * `files/multi` (several).
 */
export async function dirWithDagCbor (store: Pick<Blockstore, 'put'>, single: CID, multi: CID): Promise<{ dir: CID, document: CID }> {
  const document = await put(store, dagCbor.code, dagCbor.encode({ files: { single, multi }, name: 'a document' }))
  const dir = await put(store, dagPb.code, dagPb.encode({ Data: encodeUnixFSData({ type: 1 }), Links: [{ Name: 'document', Hash: document, Tsize: 1 }] }))
  return { dir, document }
}

/** A directory of hostile entry names, for the listing's escaping. */
export const HOSTILE_NAMES = [
  '<script>alert(1)',
  '"><img src=x onerror=alert(1)>',
  "'onmouseover='alert(1)",
  'javascript:alert(1)',
  '&amp;&lt;',
  'a?b#c%d e.txt'
]

/** Add the hostile names as small files under one directory; returns its CID. */
export async function hostileDir (store: Pick<Blockstore, 'put'>): Promise<CID> {
  const options = resolveImporterOptions({} as never, { cidVersion: 1 })
  async function * entries (): AsyncIterable<{ kind: 'file', path: string, content: AsyncIterable<Uint8Array> }> {
    for (const name of HOSTILE_NAMES) yield { kind: 'file', path: `d/${name}`, content: (async function * () { yield new TextEncoder().encode(name) })() }
  }
  const added = await addEntries(store, entries(), options)
  const dir = added.find((a) => a.path === 'd')
  if (dir === undefined) throw new Error('directory not added')
  return dir.cid
}
