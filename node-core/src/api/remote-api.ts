/**
 * A NodeApi whose node runs elsewhere: each method forwards its call over
 * a transport (the WebSocket bridge of a running daemon, say), with its
 * progress and its cancel, and each event comes from the transport's
 * subscriptions. What comes back is checked against the contract by the
 * typed client underneath, so a face serving this NodeApi (Electron's IPC
 * binding) passes on only what the contract allows.
 *
 * The node's errors keep their name and code (RemoteError); a call that
 * the transport could not finish is TransportClosedError.
 */
import { createClient } from './client.ts'
import { METHOD_NAMES } from './contract.ts'
import type { CallOptions } from './client.ts'
import type { MethodName } from './contract.ts'
import type { CallContext, Implementation } from './dispatch.ts'
import type { NodeApi } from './node-api.ts'
import type { ApiTransport } from './transport.ts'

type Forward = (input: unknown, options: CallOptions<MethodName>) => Promise<unknown>

/** The NodeApi of the node at the other end of `transport`. */
export function remoteNodeApi (transport: ApiTransport): NodeApi {
  const client = createClient(transport)
  // The client has every method of the contract, by namespace.
  const byNamespace = client as unknown as Record<string, Record<string, Forward>>
  const methods: Record<string, (input: unknown, context: CallContext) => Promise<unknown>> = {}
  for (const name of METHOD_NAMES) {
    const [ns = '', short = ''] = name.split('.')
    const forward = byNamespace[ns]?.[short] as Forward
    methods[name] = async (input, { signal, progress }) => await forward(input, { signal, onProgress: progress })
  }
  return { methods: methods as Implementation, on: client.on }
}
