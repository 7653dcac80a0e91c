// The nodes of the bitswap benchmark, behind one small interface: our node
// (createNode over a test-profile repo), with its default encrypter order
// (Noise first) or Kubo's (TLS first, `Swarm.Transports.Security`), and a
// hermetic Helia 7 (TCP + Noise + Yamux, Bitswap, blockstore-fs on disk).
// Each store lives in `dir`; seeders find their blocks there, fetchers
// start from an empty one. Modules are loaded only for the kind started, so
// one kind's memory does not carry another's code.
import { join } from 'node:path'
import { multiaddr } from '@multiformats/multiaddr'
import { BITSWAP_PROTOCOLS } from '../../node-core/src/exchange/message/message.ts'
import type { HeliaWithLibp2p } from '@helia/libp2p'
import type { Libp2p, PeerId } from '@libp2p/interface'
import type { CID } from 'multiformats/cid'

/** What the benchmark does with a node, whatever its kind. */
export interface BenchNode {
  libp2p: Libp2p
  /** Stream the file at `root` (fetching its blocks over Bitswap). */
  cat(root: CID): AsyncIterable<Uint8Array>
  /** A Bitswap session's block getter (our nodes only; for diagnostics). */
  session?: () => (cid: CID) => Promise<Uint8Array>
  /** Counters for the record, where the node keeps them. */
  stat(): unknown
  stop(): Promise<void>
}

/** Our node as configured by default (Noise first), ours with Kubo's order (TLS first), or Helia. */
export type Kind = 'ours' | 'ours-tls' | 'helia'

/** A node of `kind` over the store in `dir` (created empty when `fresh`), started. */
export async function startNode (kind: Kind, dir: string, fresh: boolean): Promise<BenchNode> {
  if (kind === 'helia') return await startHelia(dir)
  const { initRepo, openRepo } = await import('../../node-core/src/repo/repo.ts')
  const { cat } = await import('../../node-core/src/unixfs/exporter/cat.ts')
  const path = join(dir, 'repo')
  if (fresh) await initRepo(path, 'test')
  const repo = await openRepo(path)
  if (kind === 'ours-tls') {
    const security = { TLS: 100, Noise: 300 }
    await repo.saveConfig({ ...repo.config, Swarm: { ...repo.config.Swarm, Transports: { ...repo.config.Swarm.Transports, Security: security } } })
  }
  const { createNode } = await import('../../node-core/src/node.ts')
  const node = await createNode(repo)
  await node.start()
  return {
    libp2p: node.host,
    cat: (root) => { const session = node.bitswap.session(); return cat({ get: async (cid, options) => await session.get(cid, options) }, root) },
    session: () => { const session = node.bitswap.session(); return async (cid) => await session.get(cid) },
    stat: () => ({ ...node.bitswap.stat(), wantlist: node.bitswap.stat().wantlist.length }),
    stop: async () => { await node.stop(); await repo.close() }
  }
}

async function startHelia (dir: string): Promise<BenchNode> {
  const [{ noise }, { yamux }, { withBitswap }, { withLibp2pLight }, { unixfs }, { identify }, { tcp }, { FsBlockstore }, { MemoryDatastore }, { createHeliaLight }] = await Promise.all([
    import('@chainsafe/libp2p-noise'), import('@chainsafe/libp2p-yamux'), import('@helia/bitswap'), import('@helia/libp2p'), import('@helia/unixfs'),
    import('@libp2p/identify'), import('@libp2p/tcp'), import('blockstore-fs'), import('datastore-core'), import('helia')
  ])
  const blockstore = new FsBlockstore(join(dir, 'blocks'))
  await blockstore.open()
  const helia = withBitswap(withLibp2pLight(createHeliaLight({ blockstore, datastore: new MemoryDatastore() }), {
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { identify: identify() }
  }) as HeliaWithLibp2p)
  await helia.start()
  const fs = unixfs(helia)
  return {
    libp2p: helia.libp2p,
    cat: (root) => fs.cat(root),
    stat: () => ({}),
    stop: async () => { await helia.stop(); await blockstore.close() }
  }
}

/** The node's loopback TCP address, with `/p2p/`. */
export function tcpAddress (node: BenchNode): string {
  const address = node.libp2p.getMultiaddrs().map((a) => a.toString()).find((a) => /\/tcp\/\d+\/p2p\//.test(a) && !a.includes('/ws'))
  if (address === undefined) throw new Error('no TCP address')
  return address
}

/** Dial `address` and wait until identify says the peer speaks Bitswap. */
export async function connect (node: BenchNode, address: string): Promise<{ peer: PeerId, encryption: string }> {
  const connection = await node.libp2p.dial(multiaddr(address))
  const deadline = Date.now() + 10_000
  while (true) {
    const info = await node.libp2p.peerStore.get(connection.remotePeer).catch(() => undefined)
    if (info?.protocols.some((p) => BITSWAP_PROTOCOLS.includes(p)) === true) break
    if (Date.now() > deadline) throw new Error(`${address} does not speak Bitswap after 10 s`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return { peer: connection.remotePeer, encryption: connection.encryption ?? '' }
}
