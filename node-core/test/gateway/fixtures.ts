// The 26 CAR fixtures of the gateway conformance suite, rebuilt here.
//
// test/vectors/gateway_fixtures.json records each fixture's roots and every
// block (CID, codec, size, UnixFS type, links) but not the bytes. The bytes
// are rebuilt: leaf contents come from the recipes (the UTF-8 inputs of
// unixfs_add.json plus the strings the recipes echo, below), and every
// dag-pb node is encoded from its recorded links and UnixFS type. A block
// counts only if its bytes hash to the recorded CID, so a rebuilt CAR is
// byte-for-byte the fixture's set of blocks, or the fixture is reported
// with the blocks that could not be rebuilt (random data, hand-made
// dag-cbor). The CAR is then written in the recorded block order.
import * as dagPb from '@ipld/dag-pb'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256, sha512 } from 'multiformats/hashes/sha2'
import { varint } from 'multiformats'
import * as dagCbor from '@ipld/dag-cbor'
import { encodeUnixFSData } from '../../src/unixfs/format/unixfs-data.ts'
import { decodeUnixFSData } from '../../src/unixfs/format/unixfs-decode.ts'
import { readVectors } from '../helpers/vectors.ts'

export interface LinkDetail { name: string, cid: string, tsize?: number }
export interface BlockDetail { cid: string, codec: string, size: number, unixfs?: string, links?: LinkDetail[] }
export interface GatewayFixture { path: string, car_roots: string[], blocks: number, blocks_detail: BlockDetail[], used_by: Array<{ func: string, test_names: Array<{ name: string }> }> }

/** A fixture rebuilt: its CAR bytes, or the blocks that could not be rebuilt. */
export type Rebuilt = { ok: true, car: Uint8Array, roots: CID[] } | { ok: false, missing: string[] }

/** The fixtures as recorded. */
export function gatewayFixtures (): GatewayFixture[] {
  return readVectors<{ fixtures: GatewayFixture[] }>('gateway_fixtures.json').fixtures
}

/** The fixture whose path ends with `name`. */
export function fixture (name: string): GatewayFixture {
  const found = gatewayFixtures().find((f) => f.path.endsWith(name))
  if (found === undefined) throw new Error(`no gateway fixture ${name}`)
  return found
}

/** Strings the recipes write that unixfs_add.json does not hold (`echo X` adds a newline). */
const RECIPE_STRINGS = [
  'hello\n', 'I am a txt file\n', 'text-file-content\n', 'content\n',
  'hello from a percent encoded filename\n',
  // redirects-spa: `echo $REDIRECTS` of the heredoc
  '# Map SPA routes to the main index HTML file.\n/* /index.html 200\n',
  // Kubo's legacy dag-pb.car and the TAR fixtures (found by their CIDs)
  'Hello, world!\n', 'Hello, IPFS!\n'
]

/** Blocks of other codecs the recipes made: plain-cbor.car is CBOR (0x51) of {"test": "plain json"}. */
const RECIPE_BLOCKS: Array<[number, Uint8Array]> = [
  [0x51, Uint8Array.of(0xa1, 0x64, ...new TextEncoder().encode('test'), 0x6a, ...new TextEncoder().encode('plain json'))]
]

interface AddCase { input: { content?: { kind: string, value?: string }, entries?: unknown } }

function recipeContents (): Uint8Array[] {
  const texts = new Set<string>(RECIPE_STRINGS)
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect)
    else if (value !== null && typeof value === 'object') {
      const content = value as { kind?: string, value?: unknown }
      if (content.kind === 'utf8' && typeof content.value === 'string') texts.add(content.value)
      Object.values(value).forEach(collect)
    }
  }
  collect(readVectors<{ cases: AddCase[] }>('unixfs_add.json').cases)
  return [...texts].map((t) => new TextEncoder().encode(t))
}

const key = (cid: CID): string => `${cid.code}:${CID.createV1(raw.code, cid.multihash).toString()}`

/** Candidate blocks by codec and multihash: raw leaves (whole and chunked), CIDv0 file leaves, symlinks. */
async function leafPool (): Promise<Map<string, Uint8Array>> {
  const pool = new Map<string, Uint8Array>()
  const add = async (code: number, bytes: Uint8Array): Promise<void> => {
    pool.set(key(CID.createV1(code, await sha256.digest(bytes))), bytes)
    if (code === raw.code) pool.set(key(CID.createV1(code, await sha512.digest(bytes))), bytes)
  }
  for (const content of recipeContents()) {
    await add(raw.code, content)
    for (const chunk of [256, 1024]) {
      for (let at = 0; at < content.byteLength; at += chunk) await add(raw.code, content.subarray(at, at + chunk))
    }
    await add(dagPb.code, dagPb.encode({ Data: encodeUnixFSData({ type: 2, data: content, fileSize: content.byteLength }), Links: [] }))
  }
  for (const [code, bytes] of RECIPE_BLOCKS) await add(code, bytes)
  for (const target of ['foo']) await add(dagPb.code, dagPb.encode({ Data: encodeUnixFSData({ type: 4, data: new TextEncoder().encode(target) }), Links: [] }))
  return pool
}

let pool: Promise<Map<string, Uint8Array>> | undefined

/** The fileSize a dag-pb block of the fixture holds, for its parent's blocksizes. */
function fileSizeOf (detail: BlockDetail | undefined, sizes: Map<string, number>): number | undefined {
  if (detail === undefined) return undefined
  if (detail.codec === 'raw') return detail.size
  return sizes.get(detail.cid)
}

/** The HAMT bitfield of a shard whose link names start with these hex slots (Go's big-endian, 256 bits). */
function bitfield (links: LinkDetail[]): Uint8Array {
  const bytes = new Uint8Array(32)
  for (const link of links) {
    const slot = Number.parseInt(link.name.slice(0, 2), 16)
    bytes[31 - Math.floor(slot / 8)] = (bytes[31 - Math.floor(slot / 8)] ?? 0) | (1 << (slot % 8))
  }
  let first = 0
  while (first < bytes.length - 1 && bytes[first] === 0) first++
  return bytes.subarray(first)
}

/** Encode a dag-pb block from its record; undefined when its type is not rebuilt. */
function encodePb (detail: BlockDetail, sizes: Map<string, number>, byCid: Map<string, BlockDetail>): Uint8Array | undefined {
  const links = detail.links ?? []
  const Links = links.map((l) => ({ Name: l.name, Hash: CID.parse(l.cid), ...(l.tsize === undefined ? {} : { Tsize: l.tsize }) }))
  if (detail.unixfs === 'directory') return dagPb.encode({ Data: encodeUnixFSData({ type: 1 }), Links })
  if (detail.unixfs === 'hamt-sharded-directory') return dagPb.encode({ Data: encodeUnixFSData({ type: 5, data: bitfield(links), hashType: 0x22, fanout: 256 }), Links })
  if (detail.unixfs === 'file' && links.length > 0) {
    const blockSizes = links.map((l) => fileSizeOf(byCid.get(l.cid), sizes))
    if (blockSizes.some((s) => s === undefined)) return undefined
    const fileSize = (blockSizes as number[]).reduce((a, b) => a + b, 0)
    sizes.set(detail.cid, fileSize)
    return dagPb.encode({ Data: encodeUnixFSData({ type: 2, fileSize, blockSizes: blockSizes as number[] }), Links })
  }
  return undefined
}

/** Rebuild a fixture's blocks and write them as a CAR v1 in the recorded order. */
export async function rebuildFixture (fx: GatewayFixture): Promise<Rebuilt> {
  pool ??= leafPool()
  const leaves = await pool
  const byCid = new Map(fx.blocks_detail.map((b) => [b.cid, b]))
  const sizes = new Map<string, number>()
  const bytesOf = new Map<string, Uint8Array>()
  const missing: string[] = []
  for (const detail of [...fx.blocks_detail].reverse()) {
    const cid = CID.parse(detail.cid)
    let bytes = leaves.get(key(cid))
    if (bytes !== undefined && detail.codec === 'dag-pb' && detail.unixfs === 'file') sizes.set(detail.cid, fileSizeOfLeaf(bytes))
    if (bytes === undefined && detail.codec === 'dag-pb') {
      const encoded = encodePb(detail, sizes, byCid)
      if (encoded !== undefined && key(CID.createV1(dagPb.code, await sha256.digest(encoded))) === key(cid)) bytes = encoded
    }
    if (bytes === undefined || bytes.byteLength !== detail.size) missing.push(detail.cid)
    else bytesOf.set(detail.cid, bytes)
  }
  if (missing.length > 0) return { ok: false, missing }
  const roots = fx.car_roots.map((r) => CID.parse(r))
  const parts: Uint8Array[] = [section([dagCbor.encode({ version: 1, roots })])]
  for (const detail of fx.blocks_detail) parts.push(section([CID.parse(detail.cid).bytes, bytesOf.get(detail.cid) as Uint8Array]))
  return { ok: true, car: Buffer.concat(parts), roots }
}

function fileSizeOfLeaf (bytes: Uint8Array): number {
  const unixfs = decodeUnixFSData(dagPb.decode(bytes).Data ?? new Uint8Array(0), 'leaf')
  return unixfs.fileSize ?? unixfs.data?.byteLength ?? 0
}

function section (parts: Uint8Array[]): Uint8Array {
  const length = parts.reduce((n, p) => n + p.byteLength, 0)
  const prefix = new Uint8Array(varint.encodingLength(length))
  varint.encodeTo(length, prefix, 0)
  return Buffer.concat([prefix, ...parts])
}

/** Reading a fixture's recorded DAG, as the conformance tooling's helpers do, without the gateway. */
export class FixtureDag {
  readonly fx: GatewayFixture
  readonly #blocks: Map<string, BlockDetail>

  constructor (fx: GatewayFixture) {
    this.fx = fx
    this.#blocks = new Map(fx.blocks_detail.map((b) => [b.cid, b]))
  }

  /** The root CID. */
  get root (): string {
    return this.fx.car_roots[0] ?? ''
  }

  block (cid: string): BlockDetail {
    const block = this.#blocks.get(cid)
    if (block === undefined) throw new Error(`${cid} is not in ${this.fx.path}`)
    return block
  }

  /** The CID at `names` under the root, through HAMT shards. */
  cid (...names: string[]): string {
    let cid = this.root
    for (const name of names) cid = this.#child(cid, name).cid
    return cid
  }

  /** The shard blocks passed through to reach `name` in the HAMT directory `dir` (not `dir` itself). */
  hamtTraversal (dir: string, name: string): string[] {
    return this.#child(dir, name).shards
  }

  #child (dir: string, name: string): { cid: string, shards: string[] } {
    const block = this.block(dir)
    const direct = (block.links ?? []).find((l) => l.name === name)
    if (direct !== undefined && block.unixfs !== 'hamt-sharded-directory') return { cid: direct.cid, shards: [] }
    if (block.unixfs === 'hamt-sharded-directory') {
      for (const link of block.links ?? []) {
        if (link.name.slice(2) === name) return { cid: link.cid, shards: [] }
        if (link.name.length === 2 && this.#blocks.has(link.cid)) {
          try {
            const found = this.#child(link.cid, name)
            return { cid: found.cid, shards: [link.cid, ...found.shards] }
          } catch {
            // not under this shard: try the next one
          }
        }
      }
    }
    throw new Error(`no ${name} under ${dir}`)
  }

  /** Every block under `cid` (not `cid`), depth first, links in order, repeats included. */
  descendants (cid: string): string[] {
    return (this.block(cid).links ?? []).flatMap((l) => [l.cid, ...this.descendants(l.cid)])
  }

  /** The shards of the HAMT directory `cid` (not `cid`), depth first. */
  shards (cid: string): string[] {
    return (this.block(cid).links ?? []).filter((l) => l.name.length === 2).flatMap((l) => [l.cid, ...this.shards(l.cid)])
  }
}
