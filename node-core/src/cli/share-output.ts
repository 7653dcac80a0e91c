/**
 * How `planetary share` prints devices and transfers: tables for the
 * lists, one `<id> <state>` line for an item, and the contract's JSON
 * under `--enc=json`.
 */
import { humanBytes } from './progress.ts'
import { formatTable } from './table.ts'
import type { CommandContext } from './command.ts'
import type { ShareDevice, ShareItem } from './share-rpc.ts'

/** A reply as one JSON line (`--enc=json`). */
export function printJson (ctx: CommandContext, value: unknown): void {
  ctx.stdout.write(JSON.stringify(value) + '\n')
}

/** An item's id and state (its JSON under `--enc=json`). */
export function printItem (ctx: CommandContext, item: ShareItem): void {
  if (ctx.enc === 'json') printJson(ctx, item)
  else ctx.stdout.write(`${item.id} ${item.state}\n`)
}

const yesNo = (value: boolean): string => value ? 'yes' : 'no'

/** The devices: name, OS, peer ID, online, paired, favourite. */
export function devicesTable (devices: ShareDevice[]): string {
  if (devices.length === 0) return ''
  return formatTable(['NAME', 'OS', 'PEER ID', 'ONLINE', 'PAIRED', 'FAVOURITE'], devices.map((d) => [d.name, d.os, d.peer, yesNo(d.online), yesNo(d.paired), yesNo(d.favourite)]))
}

/** Received items: id, sender, name, size, state, where the files were saved. */
export function inboxTable (items: ShareItem[]): string {
  if (items.length === 0) return ''
  return formatTable(['ID', 'FROM', 'NAME', 'SIZE', 'STATE', 'SAVED TO'], items.map((i) => [i.id, i.deviceName, i.name, humanBytes(i.totalBytes), i.state, (i.savedTo ?? []).join(', ') || '-']))
}

/** Sent items: id, receiver, name, size, state. */
export function outboxTable (items: ShareItem[]): string {
  if (items.length === 0) return ''
  return formatTable(['ID', 'TO', 'NAME', 'SIZE', 'STATE'], items.map((i) => [i.id, i.deviceName, i.name, humanBytes(i.totalBytes), i.state]))
}
