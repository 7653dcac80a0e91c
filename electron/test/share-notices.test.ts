// Sharing's words outside the window: offers (asked and auto-accepted),
// received and sent items, sizes as the window shows them, long names cut,
// and the question before quitting while devices download from this one.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatSize, offerNotice, quitWarning, receivedNotice, sentNotice } from '../src/share-notices.ts'
import type { Upload } from '../src/share-notices.ts'

const offer = { deviceName: 'Ana’s laptop', name: 'report.pdf', totalBytes: 1_536_000, fileCount: 1 }

test('sizes read as in the window: decimal units, one decimal under 10', () => {
  assert.deepEqual([0, 999, 1_000, 1_536, 12_345_678, 5e12, -1, Number.NaN].map(formatSize), ['0 B', '999 B', '1.0 KB', '1.5 KB', '12 MB', '5.0 TB', '?', '?'])
})

test('an offer says who wants to send what, and how big; auto-accepted says it is arriving', () => {
  assert.deepEqual(offerNotice(offer, false), { title: 'Ana’s laptop wants to send you report.pdf (1.5 MB)', body: 'Open Planetary to accept or decline.' })
  const folder = offerNotice({ ...offer, name: 'photos', fileCount: 1200, message: 'from the offsite' }, false)
  assert.equal(folder.title, 'Ana’s laptop wants to send you photos (1.5 MB)')
  assert.equal(folder.body, '1,200 files\n“from the offsite”\nOpen Planetary to accept or decline.')
  assert.deepEqual(offerNotice(offer, true), { title: 'Receiving report.pdf (1.5 MB) from Ana’s laptop', body: 'Accepted without asking: a paired favourite.' })
  const long = offerNotice({ ...offer, name: `${'quarterly figures '.repeat(10)}final.xlsx` }, false)
  assert.match(long.title, /^Ana’s laptop wants to send you quarterly figures .{20,}…final\.xlsx \(1\.5 MB\)$/)
  assert.ok(long.title.length < 120, long.title)
})

test('a received item says where it was saved; a sent one delivered or declined, nothing for other states', () => {
  assert.deepEqual(receivedNotice({ deviceName: 'Bo', name: 'a.txt', savedTo: ['/home/me/Downloads/a (2).txt'] }), { title: 'Received a.txt from Bo', body: 'Saved to /home/me/Downloads/a (2).txt' })
  assert.equal(receivedNotice({ deviceName: 'Bo', name: 'a.txt' }).body, 'Saved in the Inbox.')
  assert.deepEqual(sentNotice({ deviceName: 'Bo', name: 'a.txt', state: 'done' }), { title: 'Delivered a.txt to Bo', body: 'Their receipt was checked: every byte arrived.' })
  assert.deepEqual(sentNotice({ deviceName: 'Bo', name: 'a.txt', state: 'declined' }), { title: 'Bo declined a.txt', body: 'Nothing was sent.' })
  for (const state of ['waiting', 'transferring', 'paused', 'cancelled', 'expired', 'failed'] as const) assert.equal(sentNotice({ deviceName: 'Bo', name: 'a.txt', state }), undefined, state)
})

test('the quit question names who is downloading and what was sent; none when nobody is', () => {
  const upload = (deviceName: string, bytes: number, itemId?: string): Upload => ({ peer: `12D3Koo${deviceName}`, deviceName, blocks: 3, bytes, ...(itemId === undefined ? {} : { itemId }) })
  assert.equal(quitWarning([]), undefined)
  const one = quitWarning([upload('Ana', 2_500_000, 'a'.repeat(26))])
  assert.deepEqual(one, {
    message: 'Ana is still downloading from you. Quit anyway?',
    detail: '2.5 MB sent so far. Quitting interrupts the download; it resumes by itself when Planetary runs again.',
    buttons: ['Quit', 'Keep running'],
    quit: 0,
    keep: 1
  })
  assert.equal(quitWarning([upload('Ana', 1, 'a'.repeat(26)), upload('Bo', 1)])?.message, 'Ana and Bo are still downloading from you. Quit anyway?')
  assert.equal(quitWarning([upload('Ana', 1), upload('Bo', 1)])?.detail, '2 B sent so far. Quitting interrupts the download.', 'a plain IPFS fetch is not promised to resume')
  assert.equal(quitWarning(['Ana', 'Bo', 'Cy', 'Di', 'Ana'].map((n) => upload(n, 1)))?.message, 'Ana, Bo and 2 others are still downloading from you. Quit anyway?')
  assert.equal(quitWarning(['Ana', 'Bo', 'Cy'].map((n) => upload(n, 1)))?.message, 'Ana, Bo and 1 other are still downloading from you. Quit anyway?')
})
