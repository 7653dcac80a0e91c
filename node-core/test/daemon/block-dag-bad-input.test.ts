// Bad input to the block, dag, get and repo endpoints: each is a 400 with
// the error's name, an oversized block is refused at Kubo's 2 MiB limit
// (the client reads the reply, not a reset), a malformed CAR stores
// nothing, and the daemon keeps serving.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as dagCbor from '@ipld/dag-cbor'
import { createKuboRPCClient } from 'kubo-rpc-client'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import { carOf } from '../helpers/car.ts'
import { startTestDaemon } from '../helpers/daemon.ts'

const MiB = 1024 * 1024

/** A multipart body of one file part per item. */
function multipart (...parts: Uint8Array[]): { contentType: string, body: Buffer } {
  const chunks: Buffer[] = []
  for (const part of parts) {
    chunks.push(Buffer.from('--b0undary\r\nContent-Disposition: form-data; name="file"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n'), Buffer.from(part), Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from('--b0undary--\r\n'))
  return { contentType: 'multipart/form-data; boundary=b0undary', body: Buffer.concat(chunks) }
}

test('block, dag, get and repo endpoints refuse bad input by name, store nothing, and keep serving', async () => {
  const daemon = await startTestDaemon()
  try {
    const port = (await readFile(join(daemon.repo, 'api'), 'utf8')).split('/')[4] ?? ''
    const call = async (path: string, init: { contentType?: string, body?: Buffer } = {}): Promise<{ status: number, name: string, text: string }> => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v0/${path}`, { method: 'POST', ...(init.body === undefined ? {} : { body: init.body, headers: { 'Content-Type': init.contentType ?? 'application/octet-stream' } }) })
      const text = await res.text()
      let name: string
      try {
        name = (JSON.parse(text.trim().split('\n').pop() ?? '') as { Name?: string }).Name ?? ''
      } catch {
        name = ''
      }
      return { status: res.status, name, text }
    }
    const refused = async (path: string, name: string, init: { contentType?: string, body?: Buffer } = {}): Promise<void> => {
      const reply = await call(path, init)
      assert.deepEqual({ status: reply.status, name: reply.name }, { status: 400, name }, `${path}: ${reply.text.slice(0, 300)}`)
    }
    const objects = async (): Promise<number> => (JSON.parse((await call('repo/stat')).text) as { NumObjects: number }).NumObjects
    const start = await objects()

    // block put: codecs, hashes, lengths, decoding, size
    const data = multipart(Buffer.from('some bytes'))
    await refused('block/put?cid-codec=nope', 'UnknownCodecError', data)
    await refused('block/put?mhtype=md5-nope', 'UnknownHashError', data)
    await refused('block/put?mhlen=5', 'BadRequestError', data)
    await refused('block/put?format=v0&mhtype=sha2-512', 'BadRequestError', data)
    await refused('block/put?format=v0&cid-codec=dag-cbor', 'BadRequestError', data)
    await refused('block/put?cid-codec=dag-cbor', 'BlockDecodeError', data)
    await refused('block/put?mhtype=identity', 'BadRequestError', multipart(new Uint8Array(129)))
    await refused('block/put', 'BadRequestError', { contentType: 'text/plain', body: Buffer.from('not multipart') })
    await refused('block/put', 'BadRequestError', multipart())
    await refused('block/put', 'BlockTooLargeError', multipart(new Uint8Array(2 * MiB + 1)))
    await refused('block/put?allow-big-block=true', 'BlockTooLargeError', multipart(new Uint8Array(4 * MiB + 1)))
    assert.equal(await objects(), start, 'nothing stored by a refused block put')
    const ipfs = createKuboRPCClient({ url: `http://127.0.0.1:${port}/api/v0` })
    await assert.rejects(ipfs.block.put(new Uint8Array(2 * MiB + 1).fill(7)), /produced block is over 2MiB/, 'the client reads the refusal')
    const limit = new Uint8Array(2 * MiB).fill(1)
    assert.equal((await ipfs.block.put(limit)).toString(), CID.createV1(0x55, await sha256.digest(limit)).toString(), 'exactly 2 MiB is a block')
    assert.equal((await ipfs.block.stat(await ipfs.block.put(new Uint8Array(2 * MiB + 1).fill(2), { allowBigBlock: true }))).size, 2 * MiB + 1)
    const stored = await objects()

    // CIDs and paths
    for (const path of ['block/get', 'block/stat', 'block/rm', 'dag/get', 'dag/resolve', 'dag/export', 'get']) {
      await refused(`${path}?arg=not-a-cid`, 'InvalidCidError')
      await refused(path, 'BadRequestError')
    }
    const leaf = await ipfs.dag.put({ leaf: 1 })
    await refused(`dag/resolve?arg=/ipfs/${leaf.toString()}/nope/deeper`, 'PathNotFoundError')
    await refused(`get?arg=${(await ipfs.add('x')).cid.toString()}&compress=true&compression-level=0`, 'BadRequestError')
    await refused(`get?arg=${(await ipfs.add('x')).cid.toString()}&compression-level=10`, 'BadRequestError')

    // dag put: codecs, undecodable and unencodable input, size
    const node = multipart(Buffer.from('{"a":1}'))
    await refused('dag/put?input-codec=nope', 'UnknownCodecError', node)
    await refused('dag/put?store-codec=nope', 'UnknownCodecError', node)
    await refused('dag/put?hash=nope', 'UnknownHashError', node)
    await refused('dag/put', 'BlockDecodeError', multipart(Buffer.from('{not json')))
    await refused('dag/put?store-codec=dag-pb', 'DagEncodeError', node)
    await refused('dag/put?input-codec=raw&store-codec=raw', 'BlockTooLargeError', multipart(new Uint8Array(2 * MiB + 1)))
    await refused('dag/put', 'BadRequestError', { contentType: 'application/json', body: Buffer.from('{"a":1}') })

    // dag import: junk, a block that does not match its CID, an oversized block; nothing stored
    const before = await objects()
    await refused('dag/import', 'InvalidCarError', multipart(Buffer.from('this is not a CAR file at all')))
    const good = dagCbor.encode({ good: true })
    const goodCid = CID.createV1(dagCbor.code, await sha256.digest(good))
    const lying = await carOf([goodCid], [{ cid: goodCid, bytes: dagCbor.encode({ good: false }) }])
    await refused('dag/import', 'InvalidCarError', multipart(lying))
    const hugeBytes = new Uint8Array(2 * MiB + 1)
    const huge = await carOf([], [{ cid: CID.createV1(0x55, await sha256.digest(hugeBytes)), bytes: hugeBytes }])
    await refused('dag/import', 'BlockTooLargeError', multipart(huge))
    await refused('dag/import', 'InvalidCarError', multipart(lying.subarray(0, lying.byteLength - 3)))
    await refused('dag/import', 'BadRequestError', { contentType: 'application/vnd.ipld.car', body: lying })
    const overBigBytes = new Uint8Array(4 * MiB + 1)
    await refused('dag/import?allow-big-block=true', 'BlockTooLargeError', multipart(await carOf([], [{ cid: CID.createV1(0x55, await sha256.digest(overBigBytes)), bytes: overBigBytes }])))
    assert.equal(await objects(), before, 'a refused import stores nothing')
    assert.equal((await ipfs.dag.get(goodCid, { timeout: 2000, offline: true } as never).catch((err: Error) => err)) instanceof Error, true)

    // still serving, and what was stored is all there
    assert.equal((await ipfs.id()).id.toString(), daemon.peerId)
    assert.equal(await objects(), stored + 2, 'the dag put and add beside the refusals')
  } finally {
    await daemon.stop()
  }
})
