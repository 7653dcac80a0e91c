// A hostile share peer for bad-input tests: a bare libp2p host (TCP, Noise,
// Yamux, identify) that speaks /planetary/share/1.0.0 by hand with
// lpStream, so a test can send any bytes, any message, any head. It may
// also serve the protocol: answer the node's requests (`answer`), read them
// and never reply (`silent`), or not handle it at all (`none`, the default:
// the node then never learns of it as a device).
//
// And nodes over a kept repo path, so a test can stop one and start it
// again on the same repo (its share records, blocks and peer ID).
import { join } from 'node:path'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { identify } from '@libp2p/identify'
import { tcp } from '@libp2p/tcp'
import { lpStream } from '@libp2p/utils'
import { createLibp2p } from 'libp2p'
import { createNode } from '../../src/node.ts'
import { initRepo, openRepo } from '../../src/repo/repo.ts'
import { newId } from '../../src/share/ids.ts'
import { SHARE_PROTOCOL, SHARE_VERSION } from '../../src/share/limits.ts'
import { tempDir } from './cli.ts'
import type { NodeInit, PlanetaryNode } from '../../src/node.ts'
import type { Config } from '../../src/repo/config/schema.ts'
import type { Libp2p, PrivateKey, Stream } from '@libp2p/interface'

/** A JSON value sent or received on the share protocol. */
export type Json = Record<string, unknown>

/** What the peer does with a request the node sends it: per request, or for all (`none`: the protocol is not handled). */
export type ShareMode = 'none' | 'answer' | 'silent' | ((request: Json) => 'answer' | 'silent')

/** How the node answered one request: its reply, or how the stream ended. */
export interface Answer {
  /** The parsed reply, when one came. */
  reply?: Json
  /** The error name of an `error` reply. */
  error?: string
  /** The error message of an `error` reply. */
  message?: string
  /** The stream ended without a reply (reset, closed, or a read error): why. */
  ended?: string
}

/** A started hostile share peer. */
export interface SharePeer {
  host: Libp2p
  key: PrivateKey
  id: string
  /** Requests the node sent us (parsed). */
  received: Json[]
  /** Streams we hold open without replying (`silent`). */
  held: Stream[]
  connect(node: PlanetaryNode): Promise<void>
  /** Send `bytes` as one length-prefixed message and read the reply. */
  raw(node: PlanetaryNode, bytes: Uint8Array): Promise<Answer>
  /** Send `body` with a fresh head (`v`, `id`, `sentAt`), unless `body` sets them. */
  send(node: PlanetaryNode, body: Json): Promise<Answer>
  /** Say hello as a device called `name`. */
  hello(node: PlanetaryNode, name?: string): Promise<Answer>
  stop(): Promise<void>
}

/** A message head: this node's version, a fresh id, the time now. */
export function head (): { v: number, id: string, sentAt: number } {
  return { v: SHARE_VERSION, id: newId(), sentAt: Date.now() }
}

/** A device hello body. */
export function device (name: string): Json {
  return { name, os: 'linux', appVersion: 'hostile/0' }
}

/** Start a hostile share peer. */
export async function startSharePeer (mode: ShareMode = 'none', name = 'Mallory'): Promise<SharePeer> {
  const key = await generateKeyPair('Ed25519')
  const host = await createLibp2p({
    privateKey: key,
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { identify: identify() }
  })
  const received: Json[] = []
  const held: Stream[] = []
  if (mode !== 'none') {
    await host.handle(SHARE_PROTOCOL, async (stream) => {
      const lp = lpStream(stream, { maxDataLength: 1 << 20 })
      try {
        const message = JSON.parse(new TextDecoder().decode((await lp.read()).subarray())) as Json
        received.push(message)
        if ((typeof mode === 'function' ? mode(message) : mode) === 'silent') {
          held.push(stream)
          return
        }
        const reply = message.type === 'hello'
          ? { v: SHARE_VERSION, type: 'hello', device: device(name) }
          : message.type === 'pair'
            ? { v: SHARE_VERSION, type: 'error', error: { name: 'PairingFailedError', message: 'no code here' } }
            : { v: SHARE_VERSION, type: 'ok', ...(message.type === 'offer' ? { state: 'waiting' } : {}) }
        await lp.write(new TextEncoder().encode(JSON.stringify(reply)))
        await stream.close()
      } catch {
        stream.abort(new Error('hostile peer: stream failed'))
      }
    }, { maxInboundStreams: 256 })
  }
  const raw = async (node: PlanetaryNode, bytes: Uint8Array): Promise<Answer> => {
    const stream = await host.dialProtocol(node.host.peerId, SHARE_PROTOCOL)
    const lp = lpStream(stream, { maxDataLength: 1 << 20 })
    try {
      await lp.write(bytes)
      const reply = JSON.parse(new TextDecoder().decode((await lp.read({ signal: AbortSignal.timeout(15_000) })).subarray())) as Json
      await stream.close().catch(() => {})
      const error = reply.type === 'error' ? reply.error as { name: string, message: string } : undefined
      return error === undefined ? { reply } : { reply, error: error.name, message: error.message }
    } catch (err) {
      stream.abort(err as Error)
      return { ended: `${(err as Error).name}: ${(err as Error).message}` }
    }
  }
  const send = async (node: PlanetaryNode, body: Json): Promise<Answer> => await raw(node, new TextEncoder().encode(JSON.stringify({ ...head(), ...body })))
  return {
    host,
    key,
    id: host.peerId.toString(),
    received,
    held,
    // The node dials us: libp2p refuses more than 5 inbound connections a second from one IP, and tests start many peers on 127.0.0.1.
    async connect (node) {
      await node.host.dial(host.getMultiaddrs()[0]!)
    },
    raw,
    send,
    async hello (node, deviceName = name) {
      return await send(node, { type: 'hello', device: device(deviceName) })
    },
    async stop () {
      await host.stop()
    }
  }
}

/** A node over a repo that outlives it: stop it and start it again on the same repo. */
export interface KeptNode {
  node: PlanetaryNode
  path: string
  /** Stop the node and close its repo (the repo stays). */
  stop(): Promise<void>
  /** Start a new node on the same repo (stopped first if running). */
  restart(): Promise<PlanetaryNode>
  /** Stop and remove the repo. */
  destroy(): Promise<void>
}

/** Start a node (test profile, then `edit`) over a new repo that `restart` reopens. */
export async function startKeptNode (edit: (config: Config) => Config = (c) => c, init: NodeInit = {}): Promise<KeptNode> {
  const dir = await tempDir()
  const path = join(dir.path, 'repo')
  await initRepo(path, 'test')
  const first = await openRepo(path)
  await first.saveConfig(edit(first.config))
  await first.close()
  let running: { node: PlanetaryNode, close: () => Promise<void> } | undefined
  const open = async (): Promise<PlanetaryNode> => {
    const repo = await openRepo(path)
    const node = await createNode(repo, init)
    await node.start()
    running = { node, close: async () => { await repo.close() } }
    return node
  }
  const stop = async (): Promise<void> => {
    const was = running
    running = undefined
    if (was === undefined) return
    await was.node.stop()
    await was.close()
  }
  const kept: KeptNode = {
    node: await open(),
    path,
    stop,
    async restart () {
      await stop()
      kept.node = await open()
      return kept.node
    },
    async destroy () {
      await stop()
      await dir.cleanup()
    }
  }
  return kept
}

/** Connect two nodes and wait until each shows the other as a device. */
export async function pairUp (a: PlanetaryNode, b: PlanetaryNode, waitFor: (check: () => boolean, ms: number, what: string) => Promise<void>): Promise<void> {
  await a.host.dial(b.host.getMultiaddrs().find((m) => /\/tcp\/\d+\/p2p\//.test(m.toString())) ?? b.host.getMultiaddrs()[0]!)
  await waitFor(() => a.share.devices.get(b.host.peerId.toString())?.online === true && b.share.devices.get(a.host.peerId.toString())?.online === true, 10_000, 'both devices to greet')
}
