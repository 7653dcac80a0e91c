// Multipart uploads with backpressure (rpc/multipart.ts), over a real HTTP
// server on loopback: a reader that stops reading holds the upload back
// instead of buffering it, every byte and part header arrives intact, and
// a reader that gives up early still lets the client read its reply.
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import { test } from 'node:test'
import { HIGH_WATER, multipartParts } from '../../src/daemon/rpc/multipart.ts'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

const MiB = 1024 * 1024

async function serve (handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<{ url: string, server: Server }> {
  const server = createServer((req, res) => { handler(req, res).catch((err: Error) => { res.writeHead(400).end(err.message) }) })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server }
}

function upload (parts: Array<{ name: string, bytes: Uint8Array<ArrayBuffer> }>): FormData {
  const form = new FormData()
  for (const part of parts) form.append('file', new Blob([part.bytes]), part.name)
  return form
}

test('a reader that does not read holds the upload back; then every byte arrives', async () => {
  const content = randomBytes(64 * MiB)
  let receivedWhileStalled = 0
  const { url, server } = await serve(async (req, res) => {
    const digests: string[] = []
    for await (const part of multipartParts(req)) {
      if (digests.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 1000))
        receivedWhileStalled = req.socket.bytesRead
      }
      const hash = createHash('sha256')
      for await (const chunk of part.body) hash.update(chunk)
      digests.push(hash.digest('hex'))
    }
    res.end(JSON.stringify(digests))
  })
  try {
    const res = await fetch(url, { method: 'POST', body: upload([{ name: 'big.bin', bytes: content }, { name: 'small.txt', bytes: Buffer.from('second part') }]) })
    assert.deepEqual(await res.json(), [createHash('sha256').update(content).digest('hex'), createHash('sha256').update('second part').digest('hex')])
    assert.ok(receivedWhileStalled < HIGH_WATER + 16 * MiB, `the server took ${(receivedWhileStalled / MiB).toFixed(1)} MiB of 64 while its reader stalled`)
  } finally {
    server.close()
  }
})

test('part headers arrive whole; a malformed body is an error', async () => {
  const { url, server } = await serve(async (req, res) => {
    const seen: Array<[string, string | undefined]> = []
    for await (const part of multipartParts(req)) {
      for await (const chunk of part.body) void chunk
      seen.push([String(part.headers['content-disposition']), part.headers['content-type']])
    }
    res.end(JSON.stringify(seen))
  })
  try {
    const res = await fetch(url, { method: 'POST', body: upload([{ name: 'a%20b.txt', bytes: Buffer.from('x') }]) })
    const seen = await res.json() as Array<[string, string]>
    assert.match(seen[0]?.[0] ?? '', /filename="a%20b.txt"/)
    const bad = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=xyz' }, body: '--xyz\r\nno headers end' })
    assert.equal(bad.status, 400)
  } finally {
    server.close()
  }
})

test('a reader that gives up early still lets the client read the reply', async () => {
  const { url, server } = await serve(async (req, res) => {
    for await (const part of multipartParts(req)) {
      for await (const chunk of part.body) {
        void chunk
        break
      }
      res.writeHead(400).end('refused after the first chunk')
      return
    }
  })
  try {
    const res = await fetch(url, { method: 'POST', body: upload([{ name: 'big.bin', bytes: randomBytes(24 * MiB) }]) })
    assert.equal(res.status, 400)
    assert.equal(await res.text(), 'refused after the first chunk')
  } finally {
    server.close()
  }
})
