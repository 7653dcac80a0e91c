/**
 * `planetary share devices|inbox|outbox|accept|decline|cancel|pair`: the
 * devices around, the transfers received and sent, the answers to an
 * offer, and pairing, through the running daemon's `share/*` endpoints.
 * (`share send` is share-send.ts.)
 */
import { requireDaemon } from '../rpc-client.ts'
import { devicesTable, inboxTable, outboxTable, printItem, printJson } from '../share-output.ts'
import { pairJoin, shareCall } from '../share-rpc.ts'
import type { Command } from '../command.ts'
import type { ShareItem } from '../share-rpc.ts'

/** `share devices` */
export const shareDevicesVerb: Command = {
  name: 'share devices',
  summary: 'List the devices on the LAN (and paired ones) that can receive files',
  args: '',
  minArgs: 0,
  maxArgs: 0,
  flags: {},
  help: 'Devices are found by mDNS and the LAN DHT, or added by pairing (planetary share pair).\nSend to one by its peer ID or, if no other device has it, its name.',
  async run (ctx) {
    const daemon = await requireDaemon(ctx.repoPath, 'share devices')
    const { devices } = await shareCall(daemon, 'share.devices', 'devices')
    if (ctx.enc === 'json') printJson(ctx, { devices })
    else ctx.stdout.write(devicesTable(devices))
  }
}

function listVerb (name: 'inbox' | 'outbox', summary: string, help: string): Command {
  return {
    name: `share ${name}`,
    summary,
    args: '',
    minArgs: 0,
    maxArgs: 0,
    flags: {},
    help,
    async run (ctx) {
      const daemon = await requireDaemon(ctx.repoPath, `share ${name}`)
      const { items } = await shareCall(daemon, 'share.items', 'items', [], { direction: name === 'inbox' ? 'in' : 'out' })
      if (ctx.enc === 'json') printJson(ctx, { items })
      else ctx.stdout.write(name === 'inbox' ? inboxTable(items) : outboxTable(items))
    }
  }
}

/** `share inbox` */
export const shareInboxVerb = listVerb('inbox', 'List the items received: who sent them, their state, where they were saved',
  'Offers waiting for an answer show as "waiting": answer with planetary share accept|decline <id>.\nAccepted items are saved into Share.InboxFolder (Downloads unless set) and kept in Files under /Inbox.')

/** `share outbox` */
export const shareOutboxVerb = listVerb('outbox', 'List the items sent and where each is (waiting, transferring, done, declined...)',
  '"done" means the receiver verified every block and sent back a signed receipt.')

function answerVerb (name: 'accept' | 'decline' | 'cancel', summary: string, help: string): Command {
  return {
    name: `share ${name}`,
    summary,
    args: '<id>',
    minArgs: 1,
    maxArgs: 1,
    flags: {},
    help,
    async run (ctx, _flags, [id = '']) {
      const daemon = await requireDaemon(ctx.repoPath, `share ${name}`)
      const item: ShareItem = await shareCall(daemon, `share.${name}`, name, [id])
      printItem(ctx, item)
    }
  }
}

/** `share accept <id>` */
export const shareAcceptVerb = answerVerb('accept', 'Accept an item offered to this device and start receiving it',
  'Prints the item\'s id and state; follow it with planetary share inbox.')

/** `share decline <id>` */
export const shareDeclineVerb = answerVerb('decline', 'Decline an item offered to this device (the sender sees it declined)', 'Nothing of the item is fetched.')

/** `share cancel <id>` */
export const shareCancelVerb = answerVerb('cancel', 'Stop a transfer, sent or received, that has not finished', 'The other device sees it cancelled; blocks already received stay until garbage collection.')

/** `share pair [<code>]` */
export const sharePairVerb: Command = {
  name: 'share pair',
  summary: 'Pair with a device: show a code to type on it, or type the code it shows',
  args: '[<code>]',
  minArgs: 0,
  maxArgs: 1,
  flags: {},
  help: 'Without a code, prints a 6-digit code and how long it is valid; type it on the other device.\nWith the code another device shows, finds that device (also on other subnets and VPNs) and pairs.\nPaired devices stay listed when offline and may be set to accept offers without asking.',
  async run (ctx, _flags, [code]) {
    const daemon = await requireDaemon(ctx.repoPath, 'share pair')
    if (code === undefined) {
      const pairing = await shareCall(daemon, 'share.pairStart', 'pair')
      if (ctx.enc === 'json') return printJson(ctx, pairing)
      const minutes = Math.max(1, Math.round((pairing.expiresAt - Date.now()) / 60_000))
      ctx.stdout.write(`Pairing code: ${pairing.code}\nValid for ${minutes} minute${minutes === 1 ? '' : 's'}: type it on the other device (planetary share pair ${pairing.code}).\n`)
      return
    }
    const device = await pairJoin(daemon, code, (phase) => { if (ctx.interactive) ctx.stderr.write(`${phase}...\n`) })
    if (ctx.enc === 'json') printJson(ctx, device)
    else ctx.stdout.write(`paired with ${device.name} (${device.peer})\n`)
  }
}
