import { test } from 'node:test'
import assert from 'node:assert/strict'
import { importNotice, launchWarning } from '../src/notices.ts'
import { parseLaunchArgs } from '../src/launch-args.ts'

test('an import that ended: its names, count and root CID, or the reason it failed', () => {
  assert.deepEqual(importNotice(['/home/a/report.pdf'], { ok: true, entries: [{ path: 'report.pdf', cid: 'bafyroot' }] }), { title: 'Added to Files', body: 'report.pdf · bafyroot' })
  const many = importNotice(['/a/1.txt', '/a/2.txt', 'C:\\b\\3.txt', '/a/dir/'], { ok: true, entries: [{ path: '1.txt', cid: 'c1' }, { path: 'dir', cid: 'c4' }] })
  assert.equal(many.title, 'Added 4 items to Files')
  assert.equal(many.body, '1.txt, 2.txt, 3.txt and 1 more · c4')
  assert.deepEqual(importNotice(['/gone.txt'], { ok: false, error: { name: 'PathNotFoundError', message: 'no file at /gone.txt' } }), { title: 'Import failed', body: 'gone.txt: no file at /gone.txt' })
})

test('a launch with links that cannot be opened gets one warning naming each and why', () => {
  assert.equal(launchWarning(parseLaunchArgs(['planetary', 'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi'], { workingDirectory: '/' })), undefined)
  const warning = launchWarning(parseLaunchArgs(['planetary', 'ipfs://not-a-cid/x', `ipns://${'k'.repeat(300)}`], { workingDirectory: '/' }))
  assert.ok(warning !== undefined)
  assert.equal(warning.message, 'Planetary could not open 2 links it was given')
  const [first, second] = warning.detail.split('\n')
  assert.match(first ?? '', /^ipfs:\/\/not-a-cid\/x: .*CID/i)
  assert.ok((second ?? '').length < 300 && (second ?? '').includes('…'), 'a long link is cut')
})
