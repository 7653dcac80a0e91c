/**
 * `planetary share send <peer ID | device name> <path>...`: the paths are
 * checked, uploaded to the daemon into /Shared (share-upload.ts) and
 * offered to the device; the item's id and state are printed. With
 * `--wait`, the item is followed (share/items, once a second) until it is
 * done, or ends otherwise (NotDeliveredError); each change of state is a
 * line, and on a terminal a progress bar shows the bytes received.
 * Nothing is uploaded before the paths, the input and the device are
 * checked; nothing is offered unless every path is uploaded; and an upload
 * whose offer is refused is taken back out of /Shared.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { peerIdFromString } from '@libp2p/peer-id'
import { AmbiguousDeviceError, UnknownDeviceError, UnknownItemError } from '../../share/errors.ts'
import { boolFlag, stringFlag } from '../flags.ts'
import { ProgressBar } from '../progress.ts'
import { requireDaemon } from '../rpc-client.ts'
import { NotDeliveredError } from '../share-errors.ts'
import { printItem } from '../share-output.ts'
import { checkInput, shareCall } from '../share-rpc.ts'
import { sendable, unshare, upload } from '../share-upload.ts'
import type { Command, CommandContext } from '../command.ts'
import type { RpcClient } from '../rpc-client.ts'
import type { ShareDevice, ShareItem } from '../share-rpc.ts'

/** The states a transfer does not leave. */
const ENDED = new Set<ShareItem['state']>(['done', 'declined', 'cancelled', 'expired', 'failed'])

/** `share send <to> <path>... [--message <text>] [--wait]` */
export const shareSendVerb: Command = {
  name: 'share send',
  summary: 'Send files or folders to a device: it is asked to accept them',
  args: '<peer ID | device name> <path>...',
  minArgs: 2,
  maxArgs: Infinity,
  help: [
    'The paths are added to the node (into Files under /Shared, not pinned) and offered to the',
    'device, named by its peer ID or by its name (see planetary share devices). Several paths',
    'are sent as one folder named "<N> items".',
    'Prints the item\'s id and state; follow it with planetary share outbox, or --wait.'
  ].join('\n'),
  flags: {
    message: { type: 'string', short: 'm', value: '<text>', description: 'A note shown with the offer (at most 500 characters)' },
    wait: { type: 'boolean', short: 'w', description: 'Follow the transfer until it is done, declined or failed' },
    hidden: { type: 'boolean', short: 'H', description: 'Include files whose names start with a dot' }
  },
  async run (ctx, flags, [to = '', ...paths]) {
    const message = stringFlag(flags, 'message')
    const hidden = boolFlag(flags, 'hidden') === true
    const what = await sendable(paths, hidden)
    checkInput('share.send', { to, paths: what.paths, ...(message === undefined ? {} : { message }) })
    const daemon = await requireDaemon(ctx.repoPath, 'share send')
    const peer = recipient((await shareCall(daemon, 'share.devices', 'devices')).devices, to)
    const shared = await upload(daemon, what, hidden, ctx.interactive ? ctx.stderr : undefined)
    let item: ShareItem
    try {
      item = await shareCall(daemon, 'share.send', 'send', [peer], { cid: shared.cid, name: shared.name, ...(what.paths.length > 1 ? { wrapped: true } : {}), ...(message === undefined ? {} : { message }) })
    } catch (err) {
      await unshare(daemon, shared).catch(() => {})
      throw err
    }
    printItem(ctx, item)
    // The device did not take the offer (it went away, or refused the message): the item stays in the outbox as failed.
    if (item.state === 'failed') {
      await unshare(daemon, shared).catch(() => {})
      throw new NotDeliveredError(notDelivered(item))
    }
    if (boolFlag(flags, 'wait') === true) await follow(ctx, daemon, item)
  }
}

/**
 * The peer `to` names, as the daemon resolves it (a device's peer ID, the
 * name of exactly one device in any case, or any peer ID), so that a
 * wrong name fails before the upload: UnknownDeviceError or AmbiguousDeviceError.
 */
function recipient (devices: ShareDevice[], to: string): string {
  if (devices.some((d) => d.peer === to)) return to
  const named = devices.filter((d) => d.name.toLowerCase() === to.toLowerCase())
  if (named.length > 1) throw new AmbiguousDeviceError(`${named.length} devices are called ${JSON.stringify(to)}; give the peer ID (${named.map((d) => d.peer).join(', ')})`)
  if (named[0] !== undefined) return named[0].peer
  try {
    return peerIdFromString(to).toString()
  } catch {
    throw new UnknownDeviceError(`no device is called ${JSON.stringify(to.slice(0, 100))}`)
  }
}

/** Poll `item` once a second until it ends: a line per state, a bar while it transfers (on a terminal). */
async function follow (ctx: CommandContext, daemon: RpcClient, first: ShareItem): Promise<void> {
  const barFor = (item: ShareItem): ProgressBar | undefined => {
    if (item.state !== 'transferring' || !ctx.interactive) return undefined
    const bar = new ProgressBar(ctx.stderr, item.totalBytes)
    bar.advance(item.bytes)
    return bar
  }
  let item = first
  let bar = barFor(item)
  while (!ENDED.has(item.state)) {
    await sleep(1000)
    const { items } = await shareCall(daemon, 'share.items', 'items', [], { direction: 'out' })
    const now = items.find((i) => i.id === item.id)
    if (now === undefined) throw new UnknownItemError(`item ${item.id} is gone (removed while followed)`)
    bar?.advance(now.bytes - item.bytes)
    if (now.state !== item.state) {
      bar?.finish()
      printItem(ctx, now)
      bar = barFor(now)
    }
    item = now
  }
  if (item.state !== 'done') throw new NotDeliveredError(notDelivered(item))
}

function notDelivered (item: ShareItem): string {
  const what = `${JSON.stringify(item.name)} to ${item.deviceName}`
  if (item.state === 'declined') return `${item.deviceName} declined ${JSON.stringify(item.name)}`
  if (item.state === 'expired') return `${what}: no answer in time`
  if (item.state === 'cancelled') return `${what} was cancelled`
  return `${what} failed${item.error === undefined ? '' : `: ${item.error.message}`}`
}
