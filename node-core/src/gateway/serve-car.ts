/**
 * `application/vnd.ipld.car` responses: a CAR v1 stream, blocks in
 * depth-first order (`order=dfs`), with or without duplicates as asked
 * (`dups=n` by default, as the spec advises for a gateway that controls
 * it), its header's root the CID the request path starts from.
 *
 * The path is resolved before the status is sent, so a missing root or
 * path segment is a 404; a block missing further down can only cut the
 * stream short, which a client detects by verifying the DAG. The output is
 * deterministic for a given path and options, so its Etag is strong.
 */
import { createHash } from 'node:crypto'
import * as dagCbor from '@ipld/dag-cbor'
import { varint } from 'multiformats'
import { sendBody } from './body.ts'
import { carBlocks } from './car-walk.ts'
import { baseHeaders, requestedDisposition, strongEtag } from './headers.ts'
import { addContentLocation } from './serve-block.ts'
import { answerNotModified } from './serving.ts'
import type { Serving } from './serving.ts'
import type { Block } from '../block/block.ts'
import type { CID } from 'multiformats/cid'

/** Serve the CAR of the request. */
export async function serveCar (s: Serving): Promise<void> {
  const car = s.negotiated.car
  const root = s.resolved.roots[0] ?? s.resolved.cid
  const variant = JSON.stringify([s.resolved.roots.map(String), s.resolved.remainder, car.scope, car.entityBytes ?? null, car.dups])
  const etag = strongEtag(`${root.toString()}.car.${createHash('sha256').update(variant).digest('hex').slice(0, 16)}`)
  const headers = baseHeaders(s.response, etag)
  headers['Content-Type'] = `application/vnd.ipld.car; version=1; order=dfs; dups=${car.dups ? 'y' : 'n'}`
  headers['Content-Disposition'] = requestedDisposition(s.request.query, { kind: 'attachment', name: `${root.toString()}.car` }) ?? 'attachment'
  headers['X-Content-Type-Options'] = 'nosniff'
  headers['Accept-Ranges'] = 'none'
  addContentLocation(s, headers, 'car')
  if (answerNotModified(s, headers, [etag])) return
  s.res.writeHead(200, headers)
  if (s.head) {
    s.res.end()
    return
  }
  await sendBody(s.res, carStream(root, carBlocks(s.store, s.resolved, car, { signal: s.signal })))
}

/**
 * The bytes of a CAR v1 with `root` in its header and `blocks` as its
 * sections. A section goes out as two chunks, its length and CID, then the
 * block's bytes as read: the block is never copied (the response writes
 * both chunks of a tick in one writev).
 */
export async function * carStream (root: CID, blocks: AsyncIterable<Block>): AsyncIterable<Uint8Array> {
  const header = dagCbor.encode({ version: 1, roots: [root] })
  yield concat(lengthOf(header.byteLength), header)
  for await (const block of blocks) {
    const cid = block.cid.bytes
    yield concat(lengthOf(cid.byteLength + block.bytes.byteLength), cid)
    yield block.bytes
  }
}

/** The varint of a section's length. */
function lengthOf (length: number): Uint8Array {
  const out = new Uint8Array(varint.encodingLength(length))
  varint.encodeTo(length, out, 0)
  return out
}

function concat (a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength)
  out.set(a, 0)
  out.set(b, a.byteLength)
  return out
}
