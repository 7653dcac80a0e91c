// Sending to a coworker in the browser: two daemons on loopback, each with
// its device name and inbox folder, connected to each other; a page on
// each one's web UI. On Alice's page a real file is dropped onto Bob's
// device card; Bob's page prompts, Bob accepts; both pages show the
// transfer moving and then its end (Delivered with the receipt checked on
// Alice's, Received and saved on Bob's); the file in Bob's inbox folder is
// byte-identical. Screenshots of both pages, light and dark.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { tempDir } from '../node-core/test/helpers/cli.ts'
import { launchChromium } from './helpers/browser.ts'
import { connect, deviceCard, dropOn, offerPrompt, openDevices, openTransfers, rowHistory, startShareDaemon, transferRow, watchRows } from './helpers/share.ts'
import { openUi, screenshot } from './helpers/ui.ts'
import type { Browser, Page } from 'playwright-core'
import type { UiDaemon } from './helpers/app.ts'

const ALICE = 'Alice laptop'
const BOB = 'Bob desk'
const NAME = 'quarterly report.bin'
// Big enough that the receiver reports progress before the end (every 250 ms to its page, every second to the sender).
const SIZE = 96 * 1024 * 1024 + 17

describe('send to a coworker in the browser', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>
  let alice: UiDaemon
  let bob: UiDaemon
  let browser: Browser
  let sender: Page
  let receiver: Page
  const inbox = { alice: '', bob: '' }

  before(async () => {
    dir = await tempDir('planetary-e2e-share-')
    inbox.alice = join(dir.path, 'alice-inbox')
    inbox.bob = join(dir.path, 'bob-inbox')
    ;[alice, bob] = await Promise.all([startShareDaemon({ name: ALICE, inbox: inbox.alice }), startShareDaemon({ name: BOB, inbox: inbox.bob })])
    await connect(alice, bob)
    browser = await launchChromium()
    ;[sender, receiver] = await Promise.all([openUi(browser, alice), openUi(browser, bob)])
  })
  after(async () => {
    await browser?.close()
    await Promise.all([alice?.stop(), bob?.stop()])
    await dir?.cleanup()
  })

  test('drop a file on the other device\'s card, accept on the other page, both see it move and arrive; the file is byte-identical', async (t) => {
    const file = join(dir.path, NAME)
    const bytes = randomBytes(SIZE)
    await writeFile(file, bytes)

    await Promise.all([openDevices(sender), openDevices(receiver)])
    const bobCard = deviceCard(sender, BOB)
    await bobCard.waitFor({ timeout: 20_000 })
    await deviceCard(receiver, ALICE).waitFor({ timeout: 20_000 })
    assert.match(await bobCard.innerText(), /Online/)
    await openTransfers(sender, 'Sent')
    await Promise.all([watchRows(sender, NAME), watchRows(receiver, NAME)])

    await dropOn(bobCard, [file])
    const prompt = offerPrompt(receiver, ALICE)
    await prompt.waitFor({ timeout: 60_000 })
    assert.match(await prompt.innerText(), /quarterly report\.bin \(101 MB\)/)
    await transferRow(sender, NAME, { to: BOB }, 'Waiting for them to accept').waitFor()
    await transferRow(receiver, NAME, { from: ALICE }, 'Waiting for your answer').waitFor()
    await screenshot(receiver, 'share-offer')

    await prompt.getByRole('button', { name: 'Accept', exact: true }).click()
    await prompt.waitFor({ state: 'detached' })
    const received = transferRow(receiver, NAME, { from: ALICE }, 'Received')
    const delivered = transferRow(sender, NAME, { to: BOB }, 'Delivered')
    await received.waitFor({ timeout: 120_000 })
    await delivered.waitFor({ timeout: 30_000 })

    // Both pages showed the transfer moving, with its progress bar, before its end.
    const [seenBySender, seenByReceiver] = await Promise.all([rowHistory(sender, NAME), rowHistory(receiver, NAME)])
    t.diagnostic(`sender's row: ${JSON.stringify(seenBySender)}; receiver's row: ${JSON.stringify(seenByReceiver)}`)
    assert.deepEqual(seenByReceiver.states, ['waiting', 'transferring', 'done'], JSON.stringify(seenByReceiver))
    assert.deepEqual(seenBySender.states, ['waiting', 'transferring', 'done'], JSON.stringify(seenBySender))
    assert.equal(seenByReceiver.total, SIZE)
    assert.ok(seenByReceiver.bytes.some((n) => n > 0 && n < SIZE), `the receiver's bar moved: ${JSON.stringify(seenByReceiver.bytes)}`)
    assert.ok(seenSorted(seenByReceiver.bytes), `and only forward: ${JSON.stringify(seenByReceiver.bytes)}`)
    assert.ok(seenBySender.bytes.length > 0, `the sender showed the receiver's progress: ${JSON.stringify(seenBySender)}`)

    assert.match(await delivered.innerText(), /Delivered .*\(receipt checked\)/)
    assert.match(await received.innerText(), new RegExp(`Saved to ${join(inbox.bob, NAME).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
    assert.match(await received.innerText(), /Verified/)
    assert.deepEqual(await readdir(inbox.bob), [NAME])
    assert.ok((await readFile(join(inbox.bob, NAME))).equals(bytes), 'byte-identical in Bob\'s inbox folder')

    await screenshot(sender, 'share-sender')
    await openTransfers(receiver, 'Inbox')
    await screenshot(receiver, 'share-receiver')
    for (const [daemon, tab, name] of [[alice, 'Sent', 'share-sender-dark'], [bob, 'Inbox', 'share-receiver-dark']] as const) {
      const dark = await openUi(browser, daemon, { colorScheme: 'dark' })
      await openDevices(dark)
      await openTransfers(dark, tab)
      await dark.getByRole('listitem', { name: new RegExp(`^${NAME.replace('.', '\\.')}, `) }).waitFor()
      await screenshot(dark, name)
      assert.deepEqual((dark as Page & { pageErrors: string[] }).pageErrors, [])
      await dark.context().close()
    }
    assert.deepEqual((sender as Page & { pageErrors: string[] }).pageErrors, [])
    assert.deepEqual((receiver as Page & { pageErrors: string[] }).pageErrors, [])
  })
})

function seenSorted (values: number[]): boolean {
  return values.every((v, i) => i === 0 || v >= (values[i - 1] ?? 0))
}
