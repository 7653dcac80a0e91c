/**
 * `/api/v0/block/*`: raw blocks, in Kubo's shapes (`{Key, Size}`, and
 * `{Hash, Error}` lines for `rm`).
 *
 * `block put` takes each multipart part as one block: a CIDv1 with the raw
 * codec and sha2-256 unless `cid-codec`, `mhtype`, `mhlen` or the legacy
 * `format` say otherwise, as Kubo does. Unlike Kubo, a block put under a
 * codec other than raw must decode with it, so that every stored block can
 * be walked. A block over Kubo's 2 MiB limit is refused unless
 * `allow-big-block`, and even then one over BIG_BLOCK_LIMIT is.
 */
import { create as createDigest } from 'multiformats/hashes/digest'
import { CID } from 'multiformats/cid'
import { codecByName, decodeWith, IDENTITY_CODE } from '../../../block/codecs.ts'
import { BlockNotFoundError, BlockTooLargeError } from '../../../block/errors.ts'
import { hasherByName } from '../../../block/hashers.ts'
import { BIG_BLOCK_LIMIT, MAX_BLOCK_SIZE } from '../../../dag/limits.ts'
import { pinLs } from '../../../pin/pinning.ts'
import { NotPinnedError } from '../../../pin/errors.ts'
import { resolveEntry } from '../../../unixfs/exporter/resolve.ts'
import { BadRequestError } from '../../errors.ts'
import { BinaryResult, arg, flag, intOption } from '../handler.ts'
import { ipfsPath, storeOf } from './content.ts'
import { fileParts, readPart } from './parts.ts'
import { storeDurably } from '../../../gc/pin-durably.ts'
import { contentTarget, contextOf } from './pin.ts'
import type { Blockstore } from '../../../block/blockstore.ts'
import type { RpcHandler, RpcRequest } from '../handler.ts'

/** The longest identity digest accepted, as Kubo's verifcid allows. */
const MAX_IDENTITY_SIZE = 128

/** The shortest digest accepted (`mhlen`), as Kubo's verifcid allows. */
const MIN_DIGEST_SIZE = 20

/** Kubo's `block stat` / `block put` line. */
export interface BlockStatOutput {
  Key: string
  Size: number
}

/** The CID a `block` argument names: a CID, or an /ipfs/ or /ipns/ path resolved in the repo. */
async function cidArg (request: RpcRequest, text: string, store: Pick<Blockstore, 'get'>): Promise<CID> {
  return await resolveEntry(store, await ipfsPath(request, text), { signal: request.signal })
}

/** How `block put` addresses a block: Kubo's defaults, `cid-codec`, `mhtype`, `mhlen` and the legacy `format`. */
function blockPrefix (request: RpcRequest): (bytes: Uint8Array) => CID {
  let codecName = request.query.get('cid-codec') ?? 'raw'
  let version: 0 | 1 = 1
  const format = request.query.get('format') ?? ''
  if (format !== '') {
    if (request.query.has('cid-codec') && codecName !== 'raw') throw new BadRequestError('unable to use "format" (deprecated) and a custom "cid-codec" at the same time')
    if (format === 'v0') version = 0
    codecName = format === 'v0' || format === 'protobuf' ? 'dag-pb' : format === 'cbor' ? 'dag-cbor' : format
  }
  const codec = codecByName(codecName)
  const hasher = hasherByName(request.query.get('mhtype') ?? request.node.repo.config.Import.HashFunction ?? 'sha2-256')
  const mhlen = intOption(request, 'mhlen', -1, -1, 64)
  if (version === 0 && (hasher.name !== 'sha2-256' || (mhlen !== -1 && mhlen !== 32))) throw new BadRequestError('only sha2-256 with its full 32 bytes is allowed with CIDv0')
  if (mhlen !== -1 && (hasher.code === IDENTITY_CODE || mhlen < MIN_DIGEST_SIZE)) throw new BadRequestError(`mhlen must be -1 (the whole digest), or from ${MIN_DIGEST_SIZE} for hashes other than identity, got ${mhlen}`)
  return (bytes) => {
    if (hasher.code === IDENTITY_CODE && bytes.byteLength > MAX_IDENTITY_SIZE) throw new BadRequestError(`an identity CID holds at most ${MAX_IDENTITY_SIZE} bytes, this block has ${bytes.byteLength}`)
    if (codec.code !== 0x55) decodeWith(codec.code, bytes)
    let digest = hasher.digest(bytes)
    if (mhlen !== -1) {
      if (mhlen > digest.size) throw new BadRequestError(`mhlen ${mhlen} is longer than the ${digest.size}-byte ${hasher.name} digest`)
      digest = createDigest(hasher.code, digest.digest.subarray(0, mhlen))
    }
    return version === 0 ? CID.createV0(digest as never) : CID.createV1(codec.code, digest)
  }
}

/** `block/get <cid>` */
export const blockGet: RpcHandler = async (request) => {
  const store = storeOf(request)
  const bytes = await store.get(await cidArg(request, arg(request, 0, 'cid'), store), { signal: request.signal })
  return new BinaryResult((async function * () { yield bytes })())
}

/** `block/stat <cid>`: from the repo, else fetched. */
export const blockStat: RpcHandler = async (request) => {
  const local = request.node.repo.blockstore
  const cid = await cidArg(request, arg(request, 0, 'cid'), storeOf(request))
  const size = await local.has(cid) ? await local.size(cid) : (await storeOf(request).get(cid, { signal: request.signal })).byteLength
  return { Key: cid.toString(), Size: size } satisfies BlockStatOutput
}

/** `block/put [cid-codec] [mhtype] [mhlen] [pin] [allow-big-block] [format]`: one `{Key, Size}` line per part. */
export const blockPut: RpcHandler = async (request) => {
  const address = blockPrefix(request)
  const limit = flag(request, 'allow-big-block') ? BIG_BLOCK_LIMIT : MAX_BLOCK_SIZE
  const pin = flag(request, 'pin') ? contextOf(request) : undefined
  const node = request.node
  const parts = fileParts(request, 'block put')
  return (async function * () {
    let count = 0
    for await (const part of parts) {
      const bytes = await readPart(part, limit, () => new BlockTooLargeError(limit === MAX_BLOCK_SIZE
        ? `produced block is over 2MiB: big blocks can't be exchanged with other peers. consider using UnixFS for automatic chunking of bigger files, or pass allow-big-block to override`
        : `block is over ${BIG_BLOCK_LIMIT} bytes, the most even allow-big-block accepts`))
      const cid = address(bytes)
      await storeDurably(contentTarget(node), { cid, bytes }, pin, { signal: request.signal })
      void node.reprovider.provide([cid], pin !== undefined).catch(() => {})
      count++
      yield { Key: cid.toString(), Size: bytes.byteLength } satisfies BlockStatOutput
    }
    if (count === 0) throw new BadRequestError('argument "data" is required')
  })()
}

/** Why `cid` may not be removed (Kubo's wording), or undefined. */
async function pinnedAs (request: RpcRequest, cid: CID): Promise<string | undefined> {
  try {
    for await (const pin of pinLs(request.node.repo.blockstore, request.node.pins, 'all', [cid], { signal: request.signal })) {
      return pin.via === undefined ? `pinned: ${pin.type}` : `pinned via ${pin.via.toString()}`
    }
  } catch (err) {
    if (!(err instanceof NotPinnedError)) throw err
  }
  return undefined
}

/** `block/rm <cid>... [force] [quiet]`: `{Hash}` per block removed, `{Hash, Error}` per block kept. */
export const blockRm: RpcHandler = async (request) => {
  arg(request, 0, 'cid')
  const force = flag(request, 'force')
  const quiet = flag(request, 'quiet')
  const store = request.node.repo.blockstore
  const cids = []
  for (const text of request.args) cids.push(await cidArg(request, text, store))
  const lines: Array<{ Hash: string, Error?: string }> = []
  // exclusive, as GC: no writer pins or references a block while it is checked and removed
  const release = await request.node.gcLock.exclusive()
  try {
    for (const cid of cids) {
      const hash = cid.toString()
      const pinned = await pinnedAs(request, cid)
      if (pinned !== undefined) {
        lines.push({ Hash: hash, Error: pinned })
        continue
      }
      try {
        await store.delete(cid)
      } catch (err) {
        if (!(err instanceof BlockNotFoundError)) throw err
        if (!force) {
          lines.push({ Hash: hash, Error: `ipld: could not find ${hash}` })
          continue
        }
      }
      if (!quiet) lines.push({ Hash: hash })
    }
    await store.sync()
  } finally {
    release()
  }
  return (async function * () { yield * lines })()
}
