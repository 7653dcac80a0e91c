// `/api/v0/add?to-files=…` (Kubo's `add --to-files`), as the browser UI
// sends it: a file and a folder (-r style parts, names with spaces,
// quotes and non-ASCII letters) land in the Files tree under their own
// names, or at an exact path; `pin` keeps its meaning; a taken place is
// MfsExistsError and refused uploads leave the tree alone; a client that
// goes away in the middle of a large streamed upload leaves no pin and no
// Files entry, and GC runs afterwards (the lock was let go).
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { planetaryOk } from '../helpers/cli.ts'
import { startTestDaemon } from '../helpers/daemon.ts'
import { waitFor } from '../helpers/nodes.ts'
import type { TestDaemon } from '../helpers/daemon.ts'

/** One part of an upload: a file with content, or a directory. */
type Part = { path: string, content: string | Uint8Array } | { path: string, dir: true }

const BOUNDARY = 'planetary-to-files-test'

function partHead (part: Part): string {
  const type = 'dir' in part ? 'application/x-directory' : 'application/octet-stream'
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(part.path)}"\r\nContent-Type: ${type}\r\n\r\n`
}

function multipart (parts: Part[]): Buffer {
  const chunks: Buffer[] = []
  for (const part of parts) chunks.push(Buffer.from(partHead(part)), Buffer.from('dir' in part ? '' : part.content), Buffer.from('\r\n'))
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`))
  return Buffer.concat(chunks)
}

/** A reply line of add: an entry (Name, Hash), or the error that ended the stream (Type 'error', Name of the error). */
interface Line { Name?: string, Hash?: string, Type?: string, Message?: string }

describe('add with to-files', () => {
  let daemon: TestDaemon
  let base: string
  const rpc = async (path: string): Promise<{ status: number, body: Record<string, unknown> }> => {
    const res = await fetch(`${base}/api/v0/${path}`, { method: 'POST' })
    return { status: res.status, body: JSON.parse(await res.text()) as Record<string, unknown> }
  }
  const add = async (query: string, parts: Part[]): Promise<{ status: number, lines: Line[], error: string }> => {
    const res = await fetch(`${base}/api/v0/add?${query}`, { method: 'POST', headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` }, body: multipart(parts) })
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as Line)
    return { status: res.status, lines, error: lines.find((l) => l.Type === 'error')?.Name ?? '' }
  }
  const stat = async (path: string): Promise<{ status: number, hash: string }> => {
    const { status, body } = await rpc(`files/stat?arg=${encodeURIComponent(path)}`)
    return { status, hash: String(body.Hash ?? '') }
  }
  const pinned = async (): Promise<string[]> => Object.keys((await rpc('pin/ls?type=recursive')).body.Keys as Record<string, unknown>)

  before(async () => {
    daemon = await startTestDaemon()
    const [, , host, , port] = (await readFile(join(daemon.repo, 'api'), 'utf8')).trim().split('/')
    base = `http://${host ?? ''}:${port ?? ''}`
  })
  after(async () => { await daemon.stop() })

  test('a file lands in the directory under its own name (created with its parents); pin=false leaves it unpinned', async () => {
    const name = 'a "quoted" näme — with spaces ✓.txt'
    const added = await add(`pin=false&to-files=${encodeURIComponent('/uploads/today/')}`, [{ path: name, content: 'hello files\n' }])
    assert.equal(added.status, 200)
    assert.equal(added.error, '')
    const hash = added.lines.find((l) => l.Name === name)?.Hash ?? ''
    assert.ok(hash !== '')
    assert.equal((await stat(`/uploads/today/${name}`)).hash, hash)
    assert.ok(!(await pinned()).includes(hash), 'not pinned: the Files tree alone keeps it')
    const read = await fetch(`${base}/api/v0/files/read?arg=${encodeURIComponent(`/uploads/today/${name}`)}`, { method: 'POST' })
    assert.equal(await read.text(), 'hello files\n')
  })

  test('a folder sent as -r parts lands whole under its name, and is pinned by default', async () => {
    const added = await add(`to-files=${encodeURIComponent('/uploads/')}`, [
      { path: 'Ünïcode folder', dir: true },
      { path: 'Ünïcode folder/a.txt', content: 'a' },
      { path: 'Ünïcode folder/sub dir', dir: true },
      { path: 'Ünïcode folder/sub dir/it\'s "b".txt', content: 'b' }
    ])
    assert.equal(added.error, '')
    const root = added.lines.find((l) => l.Name === 'Ünïcode folder')?.Hash ?? ''
    assert.equal((await stat('/uploads/Ünïcode folder')).hash, root)
    const inner = await fetch(`${base}/api/v0/files/read?arg=${encodeURIComponent('/uploads/Ünïcode folder/sub dir/it\'s "b".txt')}`, { method: 'POST' })
    assert.equal(await inner.text(), 'b')
    assert.ok((await pinned()).includes(root), 'pin keeps its meaning')
  })

  test('a path without a trailing slash is the one root\'s exact place; several roots there are refused', async () => {
    const added = await add(`pin=false&to-files=${encodeURIComponent('/exact/renamed.txt')}`, [{ path: 'original.txt', content: 'exact' }])
    assert.equal(added.error, '')
    assert.equal((await stat('/exact/renamed.txt')).hash, added.lines[0]?.Hash)
    const two = await add(`pin=false&to-files=${encodeURIComponent('/exact/two.txt')}`, [{ path: 'one.txt', content: '1' }, { path: 'two.txt', content: '2' }])
    assert.equal(two.error, 'BadRequestError')
    assert.equal((await stat('/exact/two.txt')).status, 400, 'nothing was placed')
  })

  test('a taken place is MfsExistsError, and a refused add changes nothing in the tree', async () => {
    const before = (await stat('/')).hash
    const exact = await add(`pin=false&to-files=${encodeURIComponent('/exact/renamed.txt')}`, [{ path: 'again.txt', content: 'again' }])
    assert.equal(exact.status, 400, 'refused before the upload is read')
    assert.equal(exact.error, 'MfsExistsError')
    const into = await add(`pin=false&to-files=${encodeURIComponent('/uploads/')}`, [{ path: 'fresh.txt', content: 'fresh' }, { path: 'Ünïcode folder', dir: true }, { path: 'Ünïcode folder/c.txt', content: 'c' }])
    assert.equal(into.error, 'MfsExistsError')
    assert.equal((await stat('/uploads/fresh.txt')).status, 400, 'no root was placed')
    assert.equal((await stat('/')).hash, before)
    assert.equal((await add(`wrap-with-directory=true&to-files=${encodeURIComponent('/w/')}`, [{ path: 'x', content: 'x' }])).error, 'BadRequestError')
    assert.equal((await add(`only-hash=true&to-files=${encodeURIComponent('/w/')}`, [{ path: 'x', content: 'x' }])).error, 'BadRequestError')
    assert.equal((await add('to-files=relative/path', [{ path: 'x', content: 'x' }])).error, 'MfsInvalidPathError')
  })

  test('a client going away in the middle of a large upload leaves no pin and no Files entry; GC runs afterwards', async () => {
    const pinsBefore = await pinned()
    const rootBefore = (await stat('/')).hash
    const url = new URL(`${base}/api/v0/add?to-files=${encodeURIComponent('/aborted/')}`)
    const chunk = randomBytes(1024 * 1024)
    let sent = 0
    const closed = await new Promise<string>((resolve) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, 'Transfer-Encoding': 'chunked' } })
      req.on('error', (err) => { resolve(err.message) })
      req.on('response', (res) => { res.resume(); res.on('close', () => { resolve('response closed') }) })
      req.write(partHead({ path: 'huge.bin', content: '' }))
      const pump = (): void => {
        // 24 MiB of a file that never ends, then the client is gone.
        if (sent >= 24) {
          req.destroy()
          resolve('destroyed')
          return
        }
        sent++
        if (req.write(chunk)) setImmediate(pump)
        else req.once('drain', pump)
      }
      pump()
    })
    assert.ok(closed !== '', 'the upload was cut off')
    // The server notices the abort, fails the import and lets the lock go: GC runs to its end.
    const gc = await planetaryOk(daemon.repo, ['repo', 'gc', '-q'])
    assert.equal(gc.code, 0)
    await waitFor(async () => (await stat('/aborted')).status === 400, 5000, 'the MFS to stay without /aborted')
    assert.deepEqual((await pinned()).sort(), pinsBefore.sort(), 'no pin was added')
    assert.equal((await stat('/')).hash, rootBefore, 'the Files tree is as it was')
    assert.equal((await add(`pin=false&to-files=${encodeURIComponent('/after/')}`, [{ path: 'ok.txt', content: 'ok' }])).error, '', 'and uploads work after')
  })
})
