// Helia 7 peers for interop tests, and the files they exchange with ours.
// A Helia peer here is hermetic: TCP + Noise + Yamux on loopback, identify,
// ping, Bitswap and, when asked, a LAN Kad-DHT server (`/ipfs/lan/kad/1.0.0`,
// loopback addresses kept); its stores are in memory and handed back so
// that a test can look inside.
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { withBitswap } from '@helia/bitswap'
import { withLibp2pLight } from '@helia/libp2p'
import { unixfs } from '@helia/unixfs'
import { identify } from '@libp2p/identify'
import { kadDHT, passthroughMapper } from '@libp2p/kad-dht'
import { ping } from '@libp2p/ping'
import { tcp } from '@libp2p/tcp'
import { MemoryBlockstore } from 'blockstore-core'
import { MemoryDatastore } from 'datastore-core'
import { createHeliaLight } from 'helia'
import { fixedSize } from 'ipfs-unixfs-importer/chunker'
import { balanced } from 'ipfs-unixfs-importer/layout'
import { LAN_DHT_PROTOCOL } from '../../src/network/dht.ts'
import { defaultConfig } from '../../src/repo/config/defaults.ts'
import { addSources } from '../../src/unixfs/importer/add-paths.ts'
import { resolveImporterOptions } from '../../src/unixfs/importer/resolve-options.ts'
import { tempDir } from './cli.ts'
import { waitFor } from './nodes.ts'
import type { Blockstore } from '../../src/block/blockstore.ts'
import type { PlanetaryNode } from '../../src/node.ts'
import type { ImportFlags } from '../../src/unixfs/importer/resolve-options.ts'
import type { HeliaWithLibp2p } from '@helia/libp2p'
import type { PeerId } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { CID } from 'multiformats/cid'

/** Small chunks, so that a few MiB make hundreds of blocks. */
export const CHUNK = 16 * 1024
/** Kubo's links per node: a few MiB of 16 KiB chunks make a two-level tree. */
export const MAX_LINKS = 174

/** A started Helia peer and the in-memory blockstore under it. */
export interface HeliaPeer {
  helia: HeliaWithLibp2p
  store: MemoryBlockstore
  /** Its loopback TCP address, with `/p2p/`. */
  address(): Multiaddr
}

/** Start a hermetic Helia 7 peer; `dht` adds the LAN DHT as a server. */
export async function startHelia ({ dht = false }: { dht?: boolean } = {}): Promise<HeliaPeer> {
  const store = new MemoryBlockstore()
  const helia = withBitswap(withLibp2pLight(createHeliaLight({ blockstore: store, datastore: new MemoryDatastore() }), {
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: {
      identify: identify(),
      ping: ping(),
      ...(dht ? { dht: kadDHT({ protocol: LAN_DHT_PROTOCOL, clientMode: false, peerInfoMapper: passthroughMapper, allowQueryWithZeroPeers: true }) } : {})
    }
  }) as HeliaWithLibp2p)
  await helia.start()
  return {
    helia,
    store,
    address: () => helia.libp2p.getMultiaddrs().find((a) => a.toString().includes('/tcp/')) ?? assert.fail('Helia has no TCP address')
  }
}

/** Our node's loopback TCP address (not WebSockets), with `/p2p/`. */
export function tcpAddress (node: PlanetaryNode): Multiaddr {
  return node.host.getMultiaddrs().find((a) => /\/tcp\/\d+\/p2p\//.test(a.toString())) ?? assert.fail('no TCP address')
}

/** Wait until our node has identified `peer` as a Bitswap peer (identify has run on the connection). */
export async function identified (node: PlanetaryNode, peer: PeerId, ms = 10_000): Promise<void> {
  await waitFor(async () => (await node.host.peerStore.get(peer).catch(() => undefined))?.protocols.includes('/ipfs/bitswap/1.2.0') === true, ms, `our node to identify ${peer.toString()} as a Bitswap peer`)
}

/** Bitswap streams that `peer` opened to our node and that are still open on our side. */
export function inboundBitswapStreams (node: PlanetaryNode, peer: PeerId): number {
  return node.host.getConnections(peer).flatMap((c) => c.streams)
    .filter((s) => s.direction === 'inbound' && s.protocol?.startsWith('/ipfs/bitswap') === true).length
}

/** Import `bytes` into Helia: 16 KiB chunks, 174 links; CIDv0 with dag-pb leaves, or CIDv1 with raw leaves. */
export async function heliaAdd (peer: HeliaPeer, bytes: Uint8Array, cidVersion: 0 | 1): Promise<CID> {
  return await unixfs(peer.helia).addBytes(bytes, {
    cidVersion,
    rawLeaves: cidVersion === 1,
    reduceSingleLeafToSelf: true,
    chunker: fixedSize({ chunkSize: CHUNK }),
    layout: balanced({ maxChildrenPerNode: MAX_LINKS })
  })
}

/** Blocks in a Helia peer's store. */
export async function heliaBlockCount (peer: HeliaPeer): Promise<number> {
  let n = 0
  for await (const _ of peer.store.getAll()) n++
  return n
}

/** Import `bytes` into our blockstore with our importer (16 KiB chunks unless `flags` say otherwise). */
export async function ourAdd (store: Blockstore, bytes: Uint8Array, flags: ImportFlags = {}): Promise<CID> {
  const dir = await tempDir()
  try {
    const path = join(dir.path, 'file')
    await writeFile(path, bytes)
    const imports = defaultConfig({ PeerID: 'x', PrivKey: 'x' }).Import
    const options = resolveImporterOptions(imports, { chunker: `size-${CHUNK}`, maxFileLinks: MAX_LINKS, ...flags })
    const [root] = await addSources(store, [{ path }], options, { recursive: false, hidden: false })
    await store.sync()
    return root?.cid ?? assert.fail('no root')
  } finally {
    await dir.cleanup()
  }
}

/** Every chunk of a stream, joined. */
export async function readAll (chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = []
  for await (const c of chunks) parts.push(c)
  return Buffer.concat(parts)
}
