/**
 * `/api/v0/share/*`: this device, the devices around it, pairing, and the
 * transfers sent and received.
 *
 * Each endpoint maps its query to the input of a `share` method of the
 * contract and calls it through `dispatch`, so the RPC checks input as
 * every other door does (InvalidInputError, by name, in Kubo's error
 * shape) and runs the one implementation. Replies are the method's output
 * as the contract shapes it; `pair-join` streams NDJSON: a `{Progress}`
 * line per phase, then the device paired. Content is not uploaded here:
 * `send` takes a CID already in the node (the CLI uploads the
 * paths first, with `add?pin=false&to-files=/Shared/...`).
 */
import { dispatch } from '../../../api/dispatch.ts'
import { createNodeApi } from '../../../api/node-api.ts'
import { BadRequestError } from '../../errors.ts'
import type { MethodName } from '../../../api/contract.ts'
import type { Implementation } from '../../../api/dispatch.ts'
import type { PlanetaryNode } from '../../../node.ts'
import type { RpcHandler, RpcRequest } from '../handler.ts'

/** One NodeApi per node, built on its first share call. */
const apis = new WeakMap<PlanetaryNode, Implementation>()

function methodsOf (node: PlanetaryNode): Implementation {
  let methods = apis.get(node)
  if (methods === undefined) {
    methods = createNodeApi(node).methods
    apis.set(node, methods)
  }
  return methods
}

/** Call `method` with `input` as the caller sent it, validated by the contract. */
async function call (request: RpcRequest, method: MethodName, input: Record<string, unknown>): Promise<unknown> {
  return await dispatch(methodsOf(request.node), method, input, { signal: request.signal, progress: () => {} })
}

/** Call a long `method`: its progress as `{Progress}` lines as they come, then its output. */
async function * streamed (request: RpcRequest, method: MethodName, input: Record<string, unknown>): AsyncIterable<unknown> {
  const lines: unknown[] = []
  let wake: (() => void) | undefined
  let settled: { output: unknown } | { error: unknown } | undefined
  dispatch(methodsOf(request.node), method, input, {
    signal: request.signal,
    progress: (progress) => { lines.push({ Progress: progress }); wake?.() }
  }).then((output) => { settled = { output } }, (error: unknown) => { settled = { error } }).finally(() => { wake?.() })
  while (true) {
    while (lines.length > 0) yield lines.shift()
    if (settled !== undefined) break
    await new Promise<void>((resolve) => { wake = resolve })
    wake = undefined
  }
  if ('error' in settled) throw settled.error
  yield settled.output
}

/** The query options named in `names` that are present, as strings. */
function options (request: RpcRequest, names: string[]): Record<string, string> {
  const picked: Record<string, string> = {}
  for (const name of names) {
    const value = request.query.get(name)
    if (value !== null) picked[name] = value
  }
  return picked
}

/** At most `n` positional arguments; BadRequestError naming them otherwise. */
function atMost (request: RpcRequest, n: number, what: string): void {
  if (request.args.length > n) throw new BadRequestError(`takes ${n === 0 ? 'no argument' : `one argument (${what})`}, got ${request.args.length}`)
}

/** The first argument under the input field `field` (left out when absent, for the contract to name). */
function firstArg (request: RpcRequest, field: string, what: string): Record<string, string> {
  atMost(request, 1, what)
  const value = request.args[0]
  return value === undefined ? {} : { [field]: value }
}

/** `share/self`: this device as others see it, and its inbox folder. */
export const shareSelf: RpcHandler = async (request) => {
  atMost(request, 0, '')
  return await call(request, 'share.self', {})
}

/** `share/devices`: the devices that speak the share protocol. */
export const shareDevices: RpcHandler = async (request) => {
  atMost(request, 0, '')
  return await call(request, 'share.devices', {})
}

/** `share/send <peer ID | device name> cid=<cid> [name=<name>] [wrapped=true] [message=<text>]`: offer content already in the node (`wrapped`: a folder made to hold several items, saved entry by entry). */
export const shareSend: RpcHandler = async (request) => {
  const wrapped = request.query.get('wrapped')
  return await call(request, 'share.send', { ...firstArg(request, 'to', 'peer ID or device name'), ...options(request, ['cid', 'name', 'message']), ...(wrapped === null ? {} : { wrapped: wrapped === 'true' ? true : wrapped === 'false' ? false : wrapped }) })
}

/** `share/items [direction=in|out]`: transfers received, sent, or both. */
export const shareItems: RpcHandler = async (request) => {
  atMost(request, 0, '')
  return await call(request, 'share.items', options(request, ['direction']))
}

/** `share/accept <id>` */
export const shareAccept: RpcHandler = async (request) => await call(request, 'share.accept', firstArg(request, 'id', 'item id'))

/** `share/decline <id>` */
export const shareDecline: RpcHandler = async (request) => await call(request, 'share.decline', firstArg(request, 'id', 'item id'))

/** `share/cancel <id>` */
export const shareCancel: RpcHandler = async (request) => await call(request, 'share.cancel', firstArg(request, 'id', 'item id'))

/** `share/pair`: start pairing; the code to type on the other device and when it expires. */
export const sharePair: RpcHandler = async (request) => {
  atMost(request, 0, '')
  return await call(request, 'share.pairStart', {})
}

/** `share/pair-join <code>`: pair with the device showing `code`, its phases streamed. */
export const sharePairJoin: RpcHandler = async (request) => streamed(request, 'share.pairJoin', firstArg(request, 'code', 'pairing code'))
