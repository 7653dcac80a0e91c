/**
 * `/api/v0/ping`: round trips to a peer, streamed as Kubo does.
 */
import { parsePeerOrAddress } from '../../../network/parse.ts'
import { arg, intOption } from '../handler.ts'
import type { RpcHandler } from '../handler.ts'
import type { PeerId } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

interface PingService {
  ping(peer: PeerId | Multiaddr, options?: { signal?: AbortSignal }): Promise<number>
}

/** `ping <peer> [count]` */
export const ping: RpcHandler = async (request) => {
  const target = parsePeerOrAddress(arg(request, 0, 'peer ID'))
  const count = intOption(request, 'count', 10, 1, 1000)
  const service = request.node.host.services.ping as PingService
  return (async function * () {
    yield { Success: true, Time: 0, Text: `PING ${String(target)}.` }
    let total = 0
    let ok = 0
    for (let i = 0; i < count; i++) {
      try {
        const ms = await service.ping(target, { signal: AbortSignal.any([request.signal, AbortSignal.timeout(10_000)]) })
        total += ms
        ok++
        yield { Success: true, Time: ms * 1e6, Text: '' }
      } catch (err) {
        yield { Success: false, Time: 0, Text: `Ping error: ${(err as Error).message}` }
      }
      if (i < count - 1) await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    yield ok === 0
      ? { Success: false, Time: 0, Text: `Ping failed: no reply from ${String(target)}` }
      : { Success: true, Time: 0, Text: `Average latency: ${(total / ok).toFixed(2)}ms` }
  })()
}
