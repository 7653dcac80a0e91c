// The LAN link store over real records on disk: links survive a reopen,
// downloads are counted durably, a PIN is never stored in clear and is
// checked by its hash, revoked ids are remembered by the process only,
// bad input is refused by name, and records that do not read back are
// never returned as links.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CID } from 'multiformats/cid'
import { sha256 } from 'multiformats/hashes/sha2'
import * as raw from 'multiformats/codecs/raw'
import { RecordStore } from '../../src/repo/records.ts'
import * as linkErrors from '../../src/share/link-errors.ts'
import { CorruptLinkError, InvalidLinkError } from '../../src/share/link-errors.ts'
import { LinkStore } from '../../src/share/links.ts'
import { tempDir } from '../helpers/cli.ts'

async function cidOf (text: string): Promise<CID> {
  return CID.createV1(raw.code, await sha256.digest(new TextEncoder().encode(text)))
}

async function withStore (run: (dir: string, open: () => LinkStore) => Promise<void>): Promise<void> {
  const tmp = await tempDir()
  try {
    await run(tmp.path, () => new LinkStore(new RecordStore(tmp.path)))
  } finally {
    await tmp.cleanup()
  }
}

test('links survive a reopen, with their downloads counted', async () => {
  await withStore(async (_dir, open) => {
    const cid = await cidOf('report')
    const store = open()
    const made = await store.create({ cid, name: 'Q3 report.pdf' })
    assert.match(made.id, /^[a-z2-7]{26}$/)
    assert.equal(made.hasPin, false)
    assert.equal(made.downloads, 0)
    const other = await store.create({ cid: await cidOf('photos'), name: 'Photos', pin: '4821' })
    assert.notEqual(other.id, made.id)
    await Promise.all([store.countDownload(made.id), store.countDownload(made.id), store.countDownload(made.id)])
    const reopened = open()
    const again = await reopened.get(made.id)
    assert.ok(again !== undefined)
    assert.ok(again.cid.equals(cid))
    assert.equal(again.name, 'Q3 report.pdf')
    assert.equal(again.createdAt, made.createdAt)
    assert.equal(again.downloads, 3)
    assert.deepEqual((await reopened.list()).map((l) => [l.id, l.hasPin]), [[made.id, false], [other.id, true]])
  })
})

test('a revoked link is gone from disk, and its id remembered by this process only', async () => {
  await withStore(async (dir, open) => {
    const store = open()
    const heard: string[] = []
    store.onRevoke((id) => heard.push(id))
    const link = await store.create({ cid: await cidOf('a'), name: 'a' })
    assert.equal(await store.revoke(link.id), true)
    assert.equal(await store.revoke(link.id), false)
    assert.equal(await store.revoke('../config'), false)
    assert.deepEqual(heard, [link.id])
    assert.equal(await store.get(link.id), undefined)
    assert.equal(store.wasRevoked(link.id), true)
    assert.deepEqual(await readdir(dir), [])
    assert.equal(open().wasRevoked(link.id), false)
  })
})

test('a download counted while the link is revoked does not bring it back', async () => {
  await withStore(async (dir, open) => {
    const store = open()
    const link = await store.create({ cid: await cidOf('race'), name: 'race' })
    await Promise.all([
      ...Array.from({ length: 10 }, async () => { await store.countDownload(link.id) }),
      store.revoke(link.id),
      ...Array.from({ length: 10 }, async () => { await store.countDownload(link.id) })
    ])
    assert.equal(await store.get(link.id), undefined)
    assert.deepEqual((await readdir(dir)).filter((n) => !n.startsWith('.')), [])
  })
})

test('a PIN is stored only as a salted hash and checked by it', async () => {
  await withStore(async (dir, open) => {
    const store = open()
    const a = await store.create({ cid: await cidOf('a'), name: 'a', pin: '40417723' })
    const b = await store.create({ cid: await cidOf('b'), name: 'b', pin: '40417723' })
    const plain = await store.create({ cid: await cidOf('c'), name: 'c' })
    const recordA = await readFile(join(dir, a.id), 'utf8')
    const recordB = await readFile(join(dir, b.id), 'utf8')
    for (const record of [recordA, recordB]) {
      assert.ok(!record.includes('40417723'), record)
      assert.ok(!record.includes(Buffer.from('40417723').toString('base64')), record)
      assert.ok(!record.includes(Buffer.from('40417723').toString('hex')), record)
    }
    const pinOf = (text: string): { salt: string, hash: string } => (JSON.parse(text) as { pin: { salt: string, hash: string } }).pin
    assert.notEqual(pinOf(recordA).salt, pinOf(recordB).salt)
    assert.notEqual(pinOf(recordA).hash, pinOf(recordB).hash)
    assert.equal(await store.checkPin(a.id, '40417723'), true)
    assert.equal(await open().checkPin(a.id, '40417723'), true)
    for (const wrong of ['40417724', '4041772', '404177230', '', 'abcdefgh', '40417723 ', 'x'.repeat(10_000)]) {
      assert.equal(await store.checkPin(a.id, wrong), false, wrong.slice(0, 20))
    }
    assert.equal(await store.checkPin(plain.id, '40417723'), false)
    assert.equal(await store.checkPin('a'.repeat(26), '40417723'), false)
  })
})

test('names and PINs out of form are refused by name', async () => {
  await withStore(async (dir, open) => {
    const store = open()
    const cid = await cidOf('x')
    for (const name of ['', 'x'.repeat(256), 'a/b', 'a\\b', '.', '..', 'nul\u0000', 'line\nbreak']) {
      await assert.rejects(store.create({ cid, name }), InvalidLinkError, JSON.stringify(name))
    }
    for (const pin of ['123', '123456789', '12a4', ' 1234', '١٢٣٤']) {
      await assert.rejects(store.create({ cid, name: 'x', pin }), InvalidLinkError, pin)
    }
    assert.deepEqual(await readdir(dir), [])
    for (const id of ['', '../x', 'A'.repeat(26), 'a'.repeat(27), '/etc/passwd']) assert.equal(await store.get(id), undefined, id)
  })
})

test('records that do not read back as links are never returned', async () => {
  await withStore(async (dir, open) => {
    const store = open()
    const good = await store.create({ cid: await cidOf('good'), name: 'good', pin: '1234' })
    const base = JSON.parse(await readFile(join(dir, good.id), 'utf8')) as Record<string, unknown>
    const hash = (base.pin as { hash: string }).hash
    // each record wrong in one way only (its own id, unless the id is what is wrong)
    const bad: Array<(id: string) => string | Record<string, unknown>> = [
      () => 'not json',
      () => '[]',
      () => ({ ...base }),
      (id) => ({ ...base, id, cid: 'not-a-cid' }),
      (id) => ({ ...base, id, downloads: -1 }),
      (id) => ({ ...base, id, createdAt: 'yesterday' }),
      (id) => ({ ...base, id, name: '../escape' }),
      (id) => ({ ...base, id, name: 'x'.repeat(300) }),
      (id) => ({ ...base, id, version: 2 }),
      (id) => ({ ...base, id, extra: true }),
      (id) => ({ ...base, id, pin: { salt: 'c2hvcnQ=', hash } }),
      (id) => ({ ...base, id, pin: '1234' })
    ]
    for (const [i, make] of bad.entries()) {
      const id = String.fromCharCode(97 + i).repeat(26)
      const record = make(id)
      const body = typeof record === 'string' ? record : JSON.stringify(record)
      await writeFile(join(dir, id), body)
      await assert.rejects(store.get(id), CorruptLinkError, `${i}: ${body.slice(0, 80)}`)
      await assert.rejects(store.checkPin(id, '1234'), CorruptLinkError, `${i}`)
    }
    await writeFile(join(dir, 'not-a-link-id'), '{}')
    assert.deepEqual((await store.list()).map((l) => l.id), [good.id])
  })
})

test('the store\'s error classes carry their own name and code', () => {
  for (const [exported, ErrorClass] of Object.entries(linkErrors)) {
    const err = new ErrorClass('message')
    assert.equal(ErrorClass.name, exported)
    assert.equal(err.name, exported)
    assert.match(err.code, /^ERR_[A-Z_]+$/)
  }
})
