/**
 * Writing a response body from an async iterable of chunks, honouring
 * backpressure. The status and headers are already sent when the body
 * starts, so a failure half-way (a block that cannot be fetched) can only
 * be reported by cutting the connection: the client sees a truncated
 * response instead of a complete-looking wrong one.
 */
import type { ServerResponse } from 'node:http'

/** Write `chunks` to `res` and end it; on a failure, destroy the response. */
export async function sendBody (res: ServerResponse, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  const iterator = chunks[Symbol.asyncIterator]()
  try {
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
      if (res.destroyed) break
      if (!res.write(next.value)) await drained(res)
    }
  } catch {
    res.destroy()
    return
  } finally {
    await iterator.return?.().catch(() => undefined)
  }
  res.end()
}

async function drained (res: ServerResponse): Promise<void> {
  await new Promise<void>((resolve) => {
    const done = (): void => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}
