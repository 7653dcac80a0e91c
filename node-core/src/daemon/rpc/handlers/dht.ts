/**
 * `/api/v0/dht/*` and `/api/v0/routing/*`: peer and content routing over
 * both DHTs (libp2p asks the LAN and the WAN DHT together).
 */
import { parseCid } from '../../../block/block.ts'
import { parsePeerId } from '../../../network/parse.ts'
import { BadRequestError } from '../../errors.ts'
import { arg, intOption } from '../handler.ts'
import type { RpcHandler } from '../handler.ts'

/** Kubo's routing event types, as `dht` commands print them. */
const QueryEventType = { FinalPeer: 2, Provider: 4, Value: 5 } as const

const utf8 = new TextEncoder()

/** `dht findpeer <peer>` */
export const dhtFindPeer: RpcHandler = async (request) => {
  const peer = parsePeerId(arg(request, 0, 'peer ID'))
  const info = await request.node.host.peerRouting.findPeer(peer, { signal: request.signal })
  return { Type: QueryEventType.FinalPeer, Responses: [{ ID: info.id.toString(), Addrs: info.multiaddrs.map(String) }] }
}

/** `dht findprovs <cid> [num-providers]` */
export const dhtFindProvs: RpcHandler = async (request) => {
  const cid = parseCid(arg(request, 0, 'key'))
  const max = intOption(request, 'num-providers', 20, 1, 1000)
  const routing = request.node.host.contentRouting
  return (async function * () {
    let found = 0
    for await (const provider of routing.findProviders(cid, { signal: request.signal })) {
      yield { Type: QueryEventType.Provider, Responses: [{ ID: provider.id.toString(), Addrs: provider.multiaddrs.map(String) }] }
      if (++found >= max) break
    }
  })()
}

/** `dht provide <cid>...` */
export const dhtProvide: RpcHandler = async (request) => {
  if (request.args.length === 0) throw new BadRequestError('argument "key" is required')
  const cids = request.args.map(parseCid)
  for (const cid of cids) await request.node.host.contentRouting.provide(cid, { signal: request.signal })
  return { Type: QueryEventType.FinalPeer, Extra: `provided ${cids.length}` }
}

/** `dht get <key>`: a record such as `/ipns/<name>` or `/pk/<hash>`, base64 in `Extra`. */
export const dhtGet: RpcHandler = async (request) => {
  const key = recordKey(arg(request, 0, 'key'))
  const value = await request.node.host.contentRouting.get(key, { signal: request.signal })
  return { Type: QueryEventType.Value, Extra: Buffer.from(value).toString('base64') }
}

/** `dht put <key>` with the record bytes as the request body. */
export const dhtPut: RpcHandler = async (request) => {
  const key = recordKey(arg(request, 0, 'key'))
  if (request.body.byteLength === 0) throw new BadRequestError('dht put needs the record as the request body')
  await request.node.host.contentRouting.put(key, request.body, { signal: request.signal })
  return { Type: QueryEventType.Value, Extra: arg(request, 0, 'key') }
}

/** `dht query <peer>`: the peers closest to a peer ID. */
export const dhtQuery: RpcHandler = async (request) => {
  const peer = parsePeerId(arg(request, 0, 'peer ID'))
  const routing = request.node.host.peerRouting
  return (async function * () {
    for await (const info of routing.getClosestPeers(peer.toMultihash().bytes, { signal: request.signal })) {
      yield { Type: QueryEventType.FinalPeer, ID: info.id.toString(), Responses: [{ ID: info.id.toString(), Addrs: info.multiaddrs.map(String) }] }
    }
  })()
}

/** `/ipns/<peer ID>` or `/pk/<peer ID>` as the DHT key: the prefix, then the binary multihash. */
function recordKey (key: string): Uint8Array {
  const match = /^\/(ipns|pk)\/([^/]+)$/.exec(key)
  if (match === null) throw new BadRequestError(`record key must look like /ipns/<peer ID> or /pk/<peer ID>, got "${key.slice(0, 200)}"`)
  const prefix = utf8.encode(`/${match[1] ?? ''}/`)
  const hash = parsePeerId(match[2] ?? '').toMultihash().bytes
  const out = new Uint8Array(prefix.byteLength + hash.byteLength)
  out.set(prefix)
  out.set(hash, prefix.byteLength)
  return out
}
