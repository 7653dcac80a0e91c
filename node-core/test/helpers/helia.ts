// Helia 7 peers for interop tests, and the files they exchange with ours.
// A Helia peer here is hermetic: TCP + Noise + Yamux on loopback, identify,
// ping, Bitswap and, when asked, a LAN Kad-DHT server (`/ipfs/lan/kad/1.0.0`,
// loopback addresses kept, IPNS records validated); its stores are in memory
// and handed back so that a test can look inside. `heliaIpns` adds
// @helia/ipns over that DHT.
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { withBitswap } from '@helia/bitswap'
import { ipns } from '@helia/ipns'
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
import { ipnsSelector } from 'ipns/selector'
import { ipnsValidator } from 'ipns/validator'
import { LAN_DHT_PROTOCOL } from '../../src/network/dht.ts'
import { defaultConfig } from '../../src/repo/config/defaults.ts'
import { addSources } from '../../src/unixfs/importer/add-paths.ts'
import { resolveImporterOptions } from '../../src/unixfs/importer/resolve-options.ts'
import { tempDir } from './cli.ts'
import { waitFor } from './nodes.ts'
import type { Blockstore } from '../../src/block/blockstore.ts'
import type { PlanetaryNode } from '../../src/node.ts'
import type { ImportFlags } from '../../src/unixfs/importer/resolve-options.ts'
import type { IPNS } from '@helia/ipns'
import type { HeliaWithLibp2p } from '@helia/libp2p'
import type { Libp2p, PeerId } from '@libp2p/interface'
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
      ...(dht ? { dht: kadDHT({ protocol: LAN_DHT_PROTOCOL, clientMode: false, peerInfoMapper: passthroughMapper, allowQueryWithZeroPeers: true, validators: { ipns: ipnsValidator }, selectors: { ipns: ipnsSelector } }) } : {})
    }
  }) as HeliaWithLibp2p)
  await helia.start()
  return {
    helia,
    store,
    address: () => helia.libp2p.getMultiaddrs().find((a) => a.toString().includes('/tcp/')) ?? assert.fail('Helia has no TCP address')
  }
}

/**
 * @helia/ipns on a started peer: its routers are the local record store and
 * Helia's routing, which is the libp2p DHT alone (no delegated routing, no
 * DNS unless a DNSLink name is asked for); it puts its own IPNS validator and
 * selector on the DHT. Created after start, so its republisher never runs.
 */
export function heliaIpns (peer: HeliaPeer): IPNS {
  return ipns(peer.helia, { republishInterval: 24 * 3600_000 })
}

/** Our node's loopback TCP address (not WebSockets), with `/p2p/`. */
export function tcpAddress (node: PlanetaryNode): Multiaddr {
  return node.host.getMultiaddrs().find((a) => /\/tcp\/\d+\/p2p\//.test(a.toString())) ?? assert.fail('no TCP address')
}

/** Wait until our node has identified `peer` as a Bitswap peer (identify has run on the connection). */
export async function identified (node: PlanetaryNode, peer: PeerId, ms = 10_000): Promise<void> {
  await waitFor(async () => (await node.host.peerStore.get(peer).catch(() => undefined))?.protocols.includes('/ipfs/bitswap/1.2.0') === true, ms, `our node to identify ${peer.toString()} as a Bitswap peer`)
}

/** Dial `to` from `from` and wait until each has identified the other as a LAN DHT server (in its routing table). */
export async function linkLan (from: Libp2p, to: Libp2p, ms = 10_000): Promise<void> {
  const knows = async (a: Libp2p, b: PeerId): Promise<boolean> => (await a.peerStore.get(b).catch(() => undefined))?.protocols.includes(LAN_DHT_PROTOCOL) === true
  await from.dial(to.getMultiaddrs().find((a) => a.toString().includes('/tcp/') && !a.toString().includes('/ws')) ?? assert.fail('no TCP address'))
  await waitFor(async () => await knows(from, to.peerId) && await knows(to, from.peerId), ms, `${from.peerId.toString()} and ${to.peerId.toString()} to see each other's LAN DHT`)
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
