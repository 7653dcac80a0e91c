/**
 * The CLI's client of a running daemon's RPC, found through the repo's
 * `api` file. Errors the daemon reports come back as errors with the same
 * name and message.
 */
import { request } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { readApiFile } from '../daemon/api-file.ts'
import { parseMultiaddr } from '../network/parse.ts'
import { DaemonNotRunningError } from './errors.ts'

/** Calls `/api/v0/<path>` on one daemon. */
export interface RpcClient {
  /** One JSON reply. */
  call(path: string, args?: string[], options?: Record<string, string | number | boolean>, body?: Uint8Array): Promise<unknown>
  /** An NDJSON reply, one value per line as they arrive. */
  stream(path: string, args?: string[], options?: Record<string, string | number | boolean>): AsyncIterable<unknown>
  /** Stream `body` up (`add`), and read the NDJSON reply as it comes. */
  upload(path: string, options: Record<string, string | number | boolean>, contentType: string, body: AsyncIterable<Uint8Array>): AsyncIterable<unknown>
  /** A reply of raw bytes; an error the daemon met mid-stream is thrown at the end. */
  bytes(path: string, args?: string[], options?: Record<string, string | number | boolean>): AsyncIterable<Buffer>
}

/** A client for the daemon of `repoPath`, or undefined when none runs. */
export async function findDaemon (repoPath: string): Promise<RpcClient | undefined> {
  const address = await readApiFile(repoPath)
  if (address === undefined) return undefined
  const parts = parseMultiaddr(address).getComponents()
  const host = parts[0]?.value ?? '127.0.0.1'
  const port = Number(parts[1]?.value)
  const client = httpClient(host.includes(':') ? `[${host}]` : host, port)
  try {
    await client.call('id')
    return client
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ECONNREFUSED') return undefined
    throw err
  }
}

/** The daemon's client; DaemonNotRunningError naming `verb` when none runs. */
export async function requireDaemon (repoPath: string, verb: string): Promise<RpcClient> {
  const client = await findDaemon(repoPath)
  if (client === undefined) throw new DaemonNotRunningError(`'planetary ${verb}' needs a running daemon: start one with 'planetary daemon'`)
  return client
}

function httpClient (host: string, port: number): RpcClient {
  const send = async (path: string, args: string[], options: Record<string, string | number | boolean>, body?: Uint8Array): Promise<AsyncIterable<Buffer> & { statusCode?: number, trailers: Record<string, string | undefined> }> => {
    const query = new URLSearchParams()
    for (const a of args) query.append('arg', a)
    for (const [k, v] of Object.entries(options)) query.append(k, String(v))
    return await new Promise((resolve, reject) => {
      const req = request({ host: host.replace(/^\[|\]$/g, ''), port, method: 'POST', path: `/api/v0/${path}?${query.toString()}` }, resolve)
      req.on('error', reject)
      req.end(body)
    })
  }
  const fail = (text: string, status: number | undefined): never => {
    let parsed: { Message?: string, Name?: string } = {}
    try {
      parsed = JSON.parse(text) as typeof parsed
    } catch {
      parsed = {}
    }
    const err = new Error(parsed.Message ?? `daemon replied ${status ?? '?'}: ${text.slice(0, 200)}`)
    err.name = parsed.Name ?? 'RpcError'
    throw err
  }
  const uploadTo = async (path: string, options: Record<string, string | number | boolean>, contentType: string, body: AsyncIterable<Uint8Array>): Promise<AsyncIterable<Buffer> & { statusCode?: number }> => {
    const query = new URLSearchParams()
    for (const [k, v] of Object.entries(options)) query.append(k, String(v))
    return await new Promise((resolve, reject) => {
      const req = request({ host: host.replace(/^\[|\]$/g, ''), port, method: 'POST', path: `/api/v0/${path}?${query.toString()}`, headers: { 'Content-Type': contentType, 'Transfer-Encoding': 'chunked' } }, resolve)
      req.on('error', reject)
      pipeline(Readable.from(body), req).catch((err: unknown) => { req.destroy(err as Error); reject(err) })
    })
  }
  const ndjson = async function * (res: AsyncIterable<Buffer> & { statusCode?: number }): AsyncIterable<unknown> {
    let buffered = ''
    for await (const chunk of res) {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines.filter((l) => l !== '')) {
        const value = JSON.parse(line) as { Type?: unknown, Message?: unknown }
        if (value.Type === 'error' && typeof value.Message === 'string') fail(line, res.statusCode)
        yield value
      }
    }
  }
  const failWith = async (res: AsyncIterable<Buffer> & { statusCode?: number }): Promise<never> => {
    const parts: Buffer[] = []
    for await (const chunk of res) parts.push(chunk)
    return fail(Buffer.concat(parts).toString(), res.statusCode)
  }
  return {
    async call (path, args = [], options = {}, body) {
      const res = await send(path, args, options, body)
      const parts: Buffer[] = []
      for await (const chunk of res) parts.push(chunk)
      const text = Buffer.concat(parts).toString()
      if (res.statusCode !== 200) fail(text, res.statusCode)
      // commands that print nothing (files rm, files mkdir, ...) reply with an empty body
      return text === '' ? undefined : JSON.parse(text) as unknown
    },
    async * upload (path, options, contentType, body) {
      const res = await uploadTo(path, options, contentType, body)
      if (res.statusCode !== 200) await failWith(res)
      yield * ndjson(res)
    },
    async * bytes (path, args = [], options = {}) {
      const res = await send(path, args, options)
      if (res.statusCode !== 200) await failWith(res)
      yield * res
      const error = res.trailers['x-stream-error']
      if (error !== undefined) fail(error, res.statusCode)
    },
    async * stream (path, args = [], options = {}) {
      const res = await send(path, args, options)
      if (res.statusCode !== 200) await failWith(res)
      yield * ndjson(res)
    }
  }
}
