// Daemons in network namespaces for the share tests and benchmark: a repo
// per member with its config for the LAN, the daemon started and stopped
// inside its namespace, and the CLI run there against it (JSON replies).
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { initRepo, openRepo } from '../../src/repo/repo.ts'
import { CLI } from './cli.ts'
import { waitFor } from './nodes.ts'
import type { ChildProcess } from 'node:child_process'
import type { Config } from '../../src/repo/config/schema.ts'

/** One daemon of the test network: where it runs, its repo and its identity. */
export interface Member {
  /** A short name for messages (A, B, ...). */
  label: string
  ns: string
  ip: string
  repo: string
  id: string
  /** Share.DeviceName. */
  deviceName: string
  /** Share.InboxFolder. */
  inbox: string
  daemon?: ChildProcess
  /** What the running daemon printed (stdout and stderr). */
  log: string
}

/** How a member is set up. */
export interface MemberInit {
  label: string
  ns: string
  /** Swarm addresses: TCP port 4001 on each of these IPs (the first is `ip`). */
  ips: string[]
  /** The parent directory: the repo and inbox folder go under it. */
  dir: string
  deviceName: string
  mdns?: boolean
  /** Bootstrap peers (full multiaddrs with /p2p/). */
  bootstrap?: string[]
  /** Further config changes. */
  edit?: (config: Config) => Config
}

/** Make a member's repo: test profile, swarm on its namespace's IPs, mDNS as asked, LAN DHT on, no WAN DHT. */
export async function createMember (init: MemberInit): Promise<Member> {
  const repoPath = join(init.dir, `${init.label}-repo`)
  const inbox = join(init.dir, `${init.label}-inbox`)
  await initRepo(repoPath, 'test')
  const repo = await openRepo(repoPath)
  try {
    const config: Config = {
      ...repo.config,
      Addresses: { ...repo.config.Addresses, Swarm: init.ips.map((ip) => `/ip4/${ip}/tcp/4001`) },
      Bootstrap: init.bootstrap ?? [],
      Discovery: { MDNS: { Enabled: init.mdns ?? true } },
      Routing: { Type: 'none', LanDHT: true },
      Share: { ...repo.config.Share, DeviceName: init.deviceName, InboxFolder: inbox }
    }
    await repo.saveConfig(init.edit === undefined ? config : init.edit(config))
    return { label: init.label, ns: init.ns, ip: init.ips[0] ?? '', repo: repoPath, id: repo.config.Identity.PeerID, deviceName: init.deviceName, inbox, log: '' }
  } finally {
    await repo.close()
  }
}

/** The member's first swarm address with its peer ID (a bootstrap entry). */
export function addressOf (member: Member, ip = member.ip): string {
  return `/ip4/${ip}/tcp/4001/p2p/${member.id}`
}

/** Run `planetary ...args` inside the member's namespace; its stdout, or an error with its stderr. */
export async function cliIn (member: Member, args: string[]): Promise<string> {
  const child = spawn('ip', ['netns', 'exec', member.ns, process.execPath, CLI, ...args], { env: { ...process.env, PLANETARY_PATH: member.repo }, stdio: ['ignore', 'pipe', 'pipe'] })
  const out: Buffer[] = []
  let err = ''
  child.stdout.on('data', (d: Buffer) => { out.push(d) })
  child.stderr.on('data', (d: Buffer) => { err += d.toString() })
  const code = await new Promise((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`${member.label}: planetary ${args.join(' ')} exited ${String(code)}: ${err}`)
  return Buffer.concat(out).toString()
}

/** `planetary --enc json ...args` in the member's namespace, parsed (the last line of streamed NDJSON replies). */
export async function jsonIn<T> (member: Member, args: string[]): Promise<T> {
  const out = (await cliIn(member, ['--enc', 'json', ...args])).trim()
  try {
    return JSON.parse(out) as T
  } catch {
    return JSON.parse(out.split('\n').pop() ?? 'null') as T
  }
}

/** Start the member's daemon in its namespace and wait until it is ready. */
export async function startDaemon (member: Member, timeoutMs = 30_000): Promise<void> {
  const child = spawn('ip', ['netns', 'exec', member.ns, process.execPath, CLI, 'daemon'], { env: { ...process.env, PLANETARY_PATH: member.repo }, stdio: ['ignore', 'pipe', 'pipe'] })
  member.daemon = child
  member.log = ''
  child.stdout.on('data', (d: Buffer) => { member.log += d.toString() })
  child.stderr.on('data', (d: Buffer) => { member.log += d.toString() })
  await waitFor(() => member.log.includes('Daemon is ready') || child.exitCode !== null, timeoutMs, `${member.label}'s daemon to start`)
  if (!member.log.includes('Daemon is ready')) throw new Error(`${member.label}'s daemon failed: ${member.log}`)
}

/** SIGTERM the member's daemon and wait for it to exit (SIGKILL after `graceMs`). */
export async function stopDaemon (member: Member, graceMs = 8000): Promise<void> {
  const child = member.daemon
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return
  const closed = new Promise((resolve) => child.on('close', resolve))
  child.kill('SIGTERM')
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, graceMs))])
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL')
    await closed
  }
}

/** A device as `share devices --enc=json` lists it (the fields the tests read). */
export interface SharedDevice { peer: string, name: string, online: boolean, paired: boolean, source: string }

/** A transfer as `share inbox|outbox --enc=json` lists it (the fields the tests read). */
export interface SharedItem {
  id: string
  direction: 'in' | 'out'
  peer: string
  root: string
  name: string
  state: string
  bytes: number
  totalBytes: number
  sources: Array<{ peer: string, blocks: number, bytes: number }>
  verified: boolean
  savedTo?: string[]
  error?: { name: string, message: string }
}

export async function devicesOf (member: Member): Promise<SharedDevice[]> {
  return (await jsonIn<{ devices: SharedDevice[] }>(member, ['share', 'devices'])).devices
}

export async function itemsOf (member: Member, box: 'inbox' | 'outbox'): Promise<SharedItem[]> {
  return (await jsonIn<{ items: SharedItem[] }>(member, ['share', box])).items
}

/** One item of the member's inbox or outbox, if it is there. */
export async function itemOf (member: Member, box: 'inbox' | 'outbox', id: string): Promise<SharedItem | undefined> {
  return (await itemsOf(member, box)).find((i) => i.id === id)
}

/** Wait until the member's item `id` is in `state`; fails early if it ends in another terminal state. */
export async function waitForItem (member: Member, box: 'inbox' | 'outbox', id: string, state: string, ms: number): Promise<SharedItem> {
  let item: SharedItem | undefined
  await waitFor(async () => {
    item = await itemOf(member, box, id)
    if (item !== undefined && item.state !== state && ['done', 'declined', 'cancelled', 'expired', 'failed'].includes(item.state)) throw new Error(`${member.label}'s ${box} item ${id} ended ${item.state}, not ${state}: ${JSON.stringify(item)}`)
    return item?.state === state
  }, ms, `${member.label}'s ${box} item ${id} to be ${state}`, () => JSON.stringify(item))
  if (item === undefined) throw new Error(`${member.label}: no item ${id}`)
  return item
}

/** Blocks in the member's repo (`repo stat`; offline when its daemon is stopped). */
export async function blockCount (member: Member): Promise<number> {
  return (await jsonIn<{ NumObjects: number }>(member, ['repo', 'stat'])).NumObjects
}

/** The member's Bitswap counters since its daemon started. */
export async function bitswapStat (member: Member): Promise<{ BlocksReceived: number, DupBlksReceived: number, DataReceived: number, BlocksSent: number }> {
  return await jsonIn(member, ['bitswap', 'stat'])
}
