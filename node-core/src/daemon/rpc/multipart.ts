/**
 * The parts of a multipart/form-data request, streamed with backpressure.
 *
 * formidable parses the bytes; what it hands over is queued here, and once
 * HIGH_WATER bytes wait unread the request is paused until the reader has
 * taken half of them. So an upload is never held in memory faster than the
 * import reads it, whatever the file size. Each part's headers come whole
 * (Kubo's clients send `mode` and `mtime` as part headers); its body must
 * be read (or skipped) before the next part is asked for.
 *
 * A reader that stops early (bad input) must still let the client finish
 * its upload, or the client sees a reset connection instead of the 400: the
 * rest of the body is then read and dropped, and the connection cut only
 * past DRAIN_LIMIT more bytes.
 */
import formidable from 'formidable'
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'

/** One part of the body. */
export interface Part {
  headers: IncomingHttpHeaders
  body: AsyncIterable<Uint8Array>
}

/** Bytes queued unread before the request is paused. */
export const HIGH_WATER = 4 * 1024 * 1024

/** The most bytes read and dropped after a reader gave up on a body. */
export const DRAIN_LIMIT = 64 * 1024 * 1024

type Event =
  | { kind: 'part', headers: IncomingHttpHeaders }
  | { kind: 'data', chunk: Uint8Array }
  | { kind: 'part-end' }
  | { kind: 'end' }
  | { kind: 'error', error: Error }

/** The parts of `request`, in order; a malformed body rejects with formidable's error. */
export async function * multipartParts (request: IncomingMessage): AsyncGenerator<Part, void, undefined> {
  const queue: Event[] = []
  let queued = 0
  let wake: (() => void) | undefined
  let dropped = -1
  const push = (event: Event): void => {
    if (dropped >= 0) {
      if (event.kind === 'data' && (dropped += event.chunk.byteLength) > DRAIN_LIMIT) request.destroy()
      return
    }
    queue.push(event)
    if (event.kind === 'data') {
      queued += event.chunk.byteLength
      if (queued > HIGH_WATER) request.pause()
    }
    wake?.()
  }
  const next = async (): Promise<Event> => {
    while (queue.length === 0) await new Promise<void>((resolve) => { wake = resolve })
    wake = undefined
    const event = queue.shift() as Event
    if (event.kind === 'data') {
      queued -= event.chunk.byteLength
      if (request.isPaused() && queued < HIGH_WATER / 2) request.resume()
    }
    return event
  }

  const form = formidable({})
  form.onPart = (part) => {
    push({ kind: 'part', headers: (part as unknown as { headers: IncomingHttpHeaders }).headers })
    part.on('data', (chunk: Buffer) => { push({ kind: 'data', chunk }) })
    part.on('end', () => { push({ kind: 'part-end' }) })
    part.on('error', (error: Error) => { push({ kind: 'error', error }) })
  }
  form.parse(request, (err: Error | null) => { push(err === null ? { kind: 'end' } : { kind: 'error', error: err }) })

  // What the previous part's reader left unread, skipped before the next part.
  let open = false
  const body = async function * (): AsyncIterable<Uint8Array> {
    while (open) {
      const event = await next()
      if (event.kind === 'data') yield event.chunk
      else if (event.kind === 'part-end') open = false
      else if (event.kind === 'error') throw event.error
      else throw new Error(`multipart body ended inside a part (${event.kind})`)
    }
  }
  let finished = false
  try {
    while (true) {
      while (open) for await (const chunk of body()) void chunk
      const event = await next()
      if (event.kind === 'end') break
      if (event.kind === 'error') throw event.error
      if (event.kind !== 'part') continue
      open = true
      yield { headers: event.headers, body: body() }
    }
    finished = true
  } finally {
    if (!finished) {
      dropped = 0
      queue.length = 0
      request.resume()
    }
  }
}
