/**
 * The blocks of one gateway request: every read goes through here, so that
 * a retrieval that stalls ends with a RetrievalTimeoutError (HTTP 504)
 * and a client that goes away cancels its fetches.
 *
 * The timeout counts only while a block is awaited, and restarts whenever
 * one arrives: a large file that keeps streaming never times out, a fetch
 * that finds no provider does, and a slow reader is never blamed on the
 * network.
 */
import { RetrievalTimeoutError } from './errors.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { CID } from 'multiformats/cid'

/** The reads of one request. */
export interface Retrieval {
  /** The store to read through. */
  readonly store: Pick<Blockstore, 'get'>
  /** Aborted when the client goes away or the retrieval times out. */
  readonly signal: AbortSignal
  /** Stop the timer. */
  close(): void
}

/** Start the reads of a request over `store`, ending when `clientSignal` aborts or no block arrives within `timeoutMs`. */
export function startRetrieval (store: Pick<Blockstore, 'get'>, timeoutMs: number, clientSignal: AbortSignal): Retrieval {
  const controller = new AbortController()
  const signal = AbortSignal.any([clientSignal, controller.signal])
  let pending = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const arm = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => { controller.abort(new RetrievalTimeoutError(`no block arrived within ${timeoutMs} ms`)) }, timeoutMs)
    timer.unref()
  }
  const get = async (cid: CID, _options?: AbortOptions): Promise<Uint8Array> => {
    signal.throwIfAborted()
    if (pending++ === 0) arm()
    try {
      return await raceSignal(store.get(cid, { signal }), signal)
    } finally {
      pending--
      if (pending === 0) clearTimeout(timer)
      else if (!signal.aborted) arm()
    }
  }
  return { store: { get }, signal, close: () => { clearTimeout(timer) } }
}

/**
 * The reader of one request when the node can fetch: each block from the
 * local store first, and through the request's session (which fetches from
 * peers) only when the store does not hold it, as boxo's blockservice reads.
 * A block in the repo thus costs one read, not a presence check and then a
 * read; what the session tells the network is unchanged, since it is asked
 * for exactly the blocks the repo lacks.
 */
export function localFirst (local: Pick<Blockstore, 'get'>, session: Pick<Blockstore, 'get'>): Pick<Blockstore, 'get'> {
  return {
    get: async (cid, options) => {
      try {
        return await local.get(cid, options)
      } catch (err) {
        if ((err as Error).name !== 'BlockNotFoundError') throw err
      }
      return await session.get(cid, options)
    }
  }
}

/** `promise`, or the signal's reason as soon as it aborts (for stores and resolvers that ignore signals). */
export async function raceSignal<T> (promise: Promise<T>, signal: AbortSignal): Promise<T> {
  let onAbort: (() => void) | undefined
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => { reject(signal.reason) }
    signal.addEventListener('abort', onAbort, { once: true })
  })
  promise.catch(() => {})
  try {
    return await Promise.race([promise, aborted])
  } finally {
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort)
  }
}
