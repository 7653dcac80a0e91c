/**
 * The share protocol on a libp2p stream: one stream per request, one
 * length-prefixed JSON request and one reply, then both sides close. A
 * reply is awaited at most REPLY_TIMEOUT_MS; a refusal comes back as the
 * named error the peer gave, as far as this node knows that name.
 */
import { lpStream } from '@libp2p/utils'
import * as errors from './errors.ts'
import { newId } from './ids.ts'
import { MAX_MESSAGE_BYTES, REPLY_TIMEOUT_MS, SHARE_PROTOCOL, SHARE_VERSION } from './limits.ts'
import { Reply, Request, encodeMessage, parseMessage } from './messages.ts'
import type { RequestBody } from './messages.ts'
import type { AbortOptions } from '../abort.ts'
import type { Connection, PeerId, Stream } from '@libp2p/interface'

/** What the wire needs of the libp2p host. */
export interface ShareWireHost {
  dialProtocol(peer: PeerId, protocols: string | string[], options?: AbortOptions): Promise<Stream>
}

type ErrorClass = new (message: string) => Error
const KNOWN = new Map<string, ErrorClass>(Object.values(errors).map((Class) => [Class.name, Class]))

/** Send `body` to `peer` and return its reply (an `error` reply is thrown as that error). */
export async function request (host: ShareWireHost, peer: PeerId, body: RequestBody, options: AbortOptions = {}): Promise<Exclude<Reply, { type: 'error' }>> {
  const timeout = AbortSignal.timeout(REPLY_TIMEOUT_MS)
  const signal = options.signal === undefined ? timeout : AbortSignal.any([timeout, options.signal])
  let stream: Stream
  try {
    stream = await host.dialProtocol(peer, SHARE_PROTOCOL, { signal })
  } catch (err) {
    options.signal?.throwIfAborted()
    if (timeout.aborted) throw new errors.ShareTimeoutError(`${peer.toString()} could not be reached in ${REPLY_TIMEOUT_MS / 1000} s`)
    const why = (err as Error).name === 'UnsupportedProtocolError' ? 'does not speak the share protocol' : `could not be reached (${(err as Error).message})`
    throw new errors.DeviceUnreachableError(`${peer.toString()} ${why}`)
  }
  try {
    const lp = lpStream(stream, { maxDataLength: MAX_MESSAGE_BYTES })
    await lp.write(encodeMessage({ v: SHARE_VERSION, id: newId(), sentAt: Date.now(), ...body } as Request), { signal })
    const reply = parseMessage(Reply, (await lp.read({ signal })).subarray())
    await stream.close({ signal }).catch(() => {})
    if (reply.type === 'error') {
      const Class = KNOWN.get(reply.error.name)
      throw Class === undefined ? new errors.ShareMessageError(`${peer.toString()} refused: ${reply.error.name}: ${reply.error.message}`) : new Class(reply.error.message)
    }
    return reply
  } catch (err) {
    stream.abort(err as Error)
    options.signal?.throwIfAborted()
    if (timeout.aborted) throw new errors.ShareTimeoutError(`${peer.toString()} did not answer in ${REPLY_TIMEOUT_MS / 1000} s`)
    throw err
  }
}

/** Answers one request: a reply, or throws the error the peer is told. */
export type RequestHandler = (peer: PeerId, request: Request, connection: Connection) => Promise<DistributiveOmit<Reply, 'v'>>

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** Serve one inbound stream: read the request, answer it (or the error it caused), close. */
export async function serveStream (stream: Stream, connection: Connection, handle: RequestHandler): Promise<void> {
  const signal = AbortSignal.timeout(REPLY_TIMEOUT_MS)
  const lp = lpStream(stream, { maxDataLength: MAX_MESSAGE_BYTES })
  let reply: Reply
  try {
    const message = parseMessage(Request, (await lp.read({ signal })).subarray())
    reply = { v: SHARE_VERSION, ...await handle(connection.remotePeer, message, connection) } as Reply
  } catch (err) {
    if (signal.aborted) {
      stream.abort(new errors.ShareTimeoutError('no request in time'))
      return
    }
    const e = err as Error
    const named = e.name === 'InvalidDataLengthError' ? new errors.ShareMessageError(`the request is larger than ${MAX_MESSAGE_BYTES} bytes`) : e
    reply = { v: SHARE_VERSION, type: 'error', error: { name: named.name.slice(0, 100), message: (KNOWN.has(named.name) ? named.message : 'the request failed').slice(0, 1000) } }
  }
  try {
    await lp.write(encodeMessage(reply), { signal })
    await stream.close({ signal })
  } catch (err) {
    stream.abort(err as Error)
  }
}
