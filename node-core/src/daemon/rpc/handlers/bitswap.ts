/**
 * `/api/v0/bitswap/stat`, `wantlist`, `ledger`: the exchange's figures, in
 * Kubo's shapes.
 */
import { parsePeerId } from '../../../network/parse.ts'
import { arg } from '../handler.ts'
import type { RpcHandler } from '../handler.ts'

const link = (cid: { toString(): string }): { '/': string } => ({ '/': cid.toString() })

/** `bitswap/stat` */
export const bitswapStat: RpcHandler = async ({ node }) => {
  const s = node.bitswap.stat()
  return {
    Wantlist: s.wantlist.map(link),
    Peers: s.peers,
    BlocksReceived: s.blocksReceived,
    DataReceived: s.dataReceived,
    BlocksSent: s.blocksSent,
    DataSent: s.dataSent,
    DupBlksReceived: s.unwantedBlocks,
    ProvideBufLen: 0
  }
}

/** `bitswap/wantlist [peer]` */
export const bitswapWantlist: RpcHandler = async (request) => {
  const peer = request.query.get('peer')
  return { Keys: request.node.bitswap.wantlist(peer === null ? undefined : parsePeerId(peer)).map(link) }
}

/** `bitswap/ledger <peer>` */
export const bitswapLedger: RpcHandler = async (request) => {
  const peer = parsePeerId(arg(request, 0, 'peer'))
  const l = request.node.bitswap.ledger(peer)
  return { Peer: peer.toString(), Value: l.bytesSent / Math.max(l.bytesReceived, 1), Sent: l.bytesSent, Recv: l.bytesReceived, Exchanged: l.blocksSent + l.blocksReceived, BlocksSent: l.blocksSent, BlocksReceived: l.blocksReceived, UnwantedBlocks: l.unwantedBlocks, BadMessages: l.badMessages }
}
