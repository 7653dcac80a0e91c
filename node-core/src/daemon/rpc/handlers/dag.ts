/**
 * `/api/v0/dag/*`: IPLD nodes and CARs, in Kubo's shapes (CIDs as
 * `{"/": cid}` links).
 *
 * `dag put` and `dag import` take their data as multipart parts, one node
 * or one CAR stream per part. An import holds the GC lock shared until its
 * roots are pinned, so nothing it stored is collected before; a malformed
 * CAR is an InvalidCarError (400), and the blocks before the bad one stay,
 * unpinned, as in Kubo.
 */
import { exportCar, importCar } from '../../../dag/car.ts'
import { dagGet } from '../../../dag/get.ts'
import { parsePath } from '../../../dag/path.ts'
import { encodeDagNode } from '../../../dag/put.ts'
import { BIG_BLOCK_LIMIT } from '../../../dag/limits.ts'
import { codecByName } from '../../../block/codecs.ts'
import { BlockTooLargeError } from '../../../block/errors.ts'
import { hasherByName } from '../../../block/hashers.ts'
import { pinAdd } from '../../../pin/pinning.ts'
import { resolvePath, unixfsPbLookup } from '../../../unixfs/exporter/resolve.ts'
import { BadRequestError } from '../../errors.ts'
import { BinaryResult, arg, flag } from '../handler.ts'
import { ipfsPath, storeOf } from './content.ts'
import { fileParts, readPart } from './parts.ts'
import { storeDurably } from '../../../gc/pin-durably.ts'
import { contentTarget, contextOf } from './pin.ts'
import type { RpcHandler } from '../handler.ts'
import type { CID } from 'multiformats/cid'

/** The largest `dag put` input read: a node in dag-json may be several times its dag-cbor size. */
const MAX_DAG_INPUT = 4 * BIG_BLOCK_LIMIT

/** An IPLD link, as Kubo's JSON writes a CID. */
function link (cid: CID): { '/': string } {
  return { '/': cid.toString() }
}

/** `dag/get <path> [output-codec]` */
export const dagGetHandler: RpcHandler = async (request) => {
  const path = parsePath(await ipfsPath(request, arg(request, 0, 'ref')))
  const outputCodec = request.query.get('output-codec') ?? 'dag-json'
  const bytes = await dagGet(storeOf(request), path, { outputCodec, pbLookup: unixfsPbLookup, signal: request.signal })
  return new BinaryResult((async function * () { yield bytes })())
}

/** `dag/export <path>`: the DAG as a CAR stream. */
export const dagExport: RpcHandler = async (request) => {
  const store = storeOf(request)
  const { cid } = await resolvePath(store, parsePath(await ipfsPath(request, arg(request, 0, 'root'))), { signal: request.signal })
  return new BinaryResult(exportCar(store, cid, { signal: request.signal }))
}

/** `dag/resolve <path>`: the last CID on the path and what is left inside it. */
export const dagResolve: RpcHandler = async (request) => {
  const path = parsePath(await ipfsPath(request, arg(request, 0, 'ref')))
  const { cid, remainder } = await resolvePath(storeOf(request), path, { signal: request.signal })
  return { Cid: link(cid), RemPath: remainder.join('/') }
}

/** `dag/put [store-codec] [input-codec] [hash] [pin] [allow-big-block]`: one `{Cid}` line per part. */
export const dagPut: RpcHandler = async (request) => {
  const options = {
    inputCodec: request.query.get('input-codec') ?? 'dag-json',
    storeCodec: request.query.get('store-codec') ?? 'dag-cbor',
    hash: request.query.get('hash') ?? 'sha2-256',
    allowBigBlock: flag(request, 'allow-big-block')
  }
  // unknown names are refused before any of the body is read
  codecByName(options.inputCodec)
  codecByName(options.storeCodec)
  hasherByName(options.hash)
  const pin = flag(request, 'pin') ? contextOf(request) : undefined
  const node = request.node
  const parts = fileParts(request, 'dag put')
  return (async function * () {
    let count = 0
    for await (const part of parts) {
      const input = await readPart(part, MAX_DAG_INPUT, () => new BlockTooLargeError(`dag put input is over ${MAX_DAG_INPUT} bytes`))
      const block = encodeDagNode(input, options)
      if (block.bytes.byteLength > BIG_BLOCK_LIMIT) throw new BlockTooLargeError(`produced block is ${block.bytes.byteLength} bytes, over the ${BIG_BLOCK_LIMIT} bytes even allow-big-block accepts`)
      await storeDurably(contentTarget(node), block, pin, { signal: request.signal })
      void node.reprovider.provide([block.cid], pin !== undefined).catch(() => {})
      count++
      yield { Cid: link(block.cid) }
    }
    if (count === 0) throw new BadRequestError('argument "object data" is required')
  })()
}

/** Kubo's `dag import` lines. */
type ImportLine = { Root: { Cid: { '/': string }, PinErrorMsg: string } } | { Stats: { BlockCount: number, BlockBytesCount: number } }

/** `dag/import [pin-roots=true] [stats] [silent] [allow-big-block]`: every part a CAR (v1 or v2); its roots pinned once all are read. */
export const dagImport: RpcHandler = async (request) => {
  const pinRoots = request.query.has('pin-roots') ? flag(request, 'pin-roots') : true
  const stats = flag(request, 'stats')
  const silent = flag(request, 'silent')
  const allowBigBlock = flag(request, 'allow-big-block')
  const node = request.node
  const store = node.repo.blockstore
  const parts = fileParts(request, 'dag import')
  const lines: ImportLine[] = []
  const pinned: CID[] = []
  await node.gcLock.withShared(async () => {
    const roots = new Map<string, CID>()
    let blocks = 0
    let bytes = 0
    let cars = 0
    for await (const part of parts) {
      cars++
      const car = await importCar(store, part.body, { allowBigBlock, signal: request.signal })
      for (const root of car.roots) roots.set(root.toV1().toString(), root)
      blocks += car.blocks
      bytes += car.bytes
    }
    if (cars === 0) throw new BadRequestError('argument "path" is required: send each CAR as a multipart part')
    await store.sync()
    // as Kubo: pinned only from what the repo holds, never fetched; a root that cannot be is reported, not fatal
    for (const root of pinRoots ? roots.values() : []) {
      let message = ''
      try {
        await pinAdd(store, node.pins, root, { recursive: true, signal: request.signal })
        pinned.push(root)
      } catch (err) {
        if ((err as Error).name === 'AbortError') throw err
        message = (err as Error).message
      }
      lines.push({ Root: { Cid: link(root), PinErrorMsg: message } })
    }
    if (stats) lines.push({ Stats: { BlockCount: blocks, BlockBytesCount: bytes } })
  })
  void node.reprovider.provide(pinned, true).catch(() => {})
  return (async function * () { if (!silent) yield * lines })()
}
