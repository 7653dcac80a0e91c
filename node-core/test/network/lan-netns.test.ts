// LAN discovery across real hosts: one daemon per network namespace, on a
// bridge, with only mDNS to find each other. Every daemon must find and
// connect to every other within 5 s; then the LAN DHT routes between them.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { initRepo, openRepo } from '../../src/repo/repo.ts'
import { CLI, tempDir } from '../helpers/cli.ts'
import { createLan } from '../helpers/netns.ts'
import { waitFor } from '../helpers/nodes.ts'
import type { ChildProcess } from 'node:child_process'

const HOSTS = 3

interface Member { ns: string, ip: string, repo: string, id: string, daemon?: ChildProcess }

/** Run the CLI inside a namespace against a member's repo. */
async function cliIn (member: Member, args: string[]): Promise<string> {
  const child = spawn('ip', ['netns', 'exec', member.ns, process.execPath, CLI, ...args], { env: { ...process.env, PLANETARY_PATH: member.repo } })
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => { out += d.toString() })
  child.stderr.on('data', (d: Buffer) => { err += d.toString() })
  const code = await new Promise((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`${member.ns}: planetary ${args.join(' ')} exited ${String(code)}: ${err}`)
  return out
}

async function startDaemon (member: Member): Promise<void> {
  const child = spawn('ip', ['netns', 'exec', member.ns, process.execPath, CLI, 'daemon'], { env: { ...process.env, PLANETARY_PATH: member.repo }, stdio: ['ignore', 'pipe', 'pipe'] })
  member.daemon = child
  let out = ''
  child.stdout.on('data', (d: Buffer) => { out += d.toString() })
  child.stderr.on('data', (d: Buffer) => { out += d.toString() })
  await waitFor(() => out.includes('Daemon is ready') || child.exitCode !== null, 20_000, `${member.ns} daemon to start`)
  if (!out.includes('Daemon is ready')) throw new Error(`${member.ns} daemon failed: ${out}`)
}

async function stopDaemon (member: Member): Promise<void> {
  const child = member.daemon
  if (child === undefined || child.exitCode !== null) return
  const closed = new Promise((resolve) => child.on('close', resolve))
  child.kill('SIGTERM')
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 6000))])
  if (child.exitCode === null) child.kill('SIGKILL')
}

test('daemons in separate network namespaces find each other by mDNS within 5 s, and the LAN DHT routes between them', async () => {
  const lan = createLan(HOSTS)
  const dir = await tempDir()
  const members: Member[] = []
  try {
    for (const host of lan.hosts) {
      const repoPath = join(dir.path, host.ns)
      await initRepo(repoPath, 'test')
      const repo = await openRepo(repoPath)
      await repo.saveConfig({
        ...repo.config,
        Addresses: { ...repo.config.Addresses, Swarm: [`/ip4/${host.ip}/tcp/4001`] },
        Discovery: { MDNS: { Enabled: true } },
        Routing: { Type: 'none', LanDHT: true }
      })
      members.push({ ...host, repo: repoPath, id: repo.config.Identity.PeerID })
      await repo.close()
    }
    await Promise.all(members.map(startDaemon))
    const connected = async (m: Member): Promise<boolean> => {
      const peers = JSON.parse(await cliIn(m, ['--enc', 'json', 'swarm', 'peers'])) as { Peers: Array<{ Peer: string }> }
      return members.filter((o) => o !== m).every((o) => peers.Peers.some((p) => p.Peer === o.id))
    }
    const started = Date.now()
    await waitFor(async () => (await Promise.all(members.map(connected))).every(Boolean), 5000, 'every daemon to connect to every other by mDNS')
    assert.ok(Date.now() - started <= 5000 + 2000)

    const [first, , last] = members
    assert.ok(first !== undefined && last !== undefined)
    const cid = 'bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e'
    // Connected is not yet in each other's LAN DHT routing table (identify runs first): under
    // load the first provide can reach nobody, so provide and look again until it lands.
    let providers = ''
    await waitFor(async () => {
      await cliIn(first, ['dht', 'provide', cid])
      providers = await cliIn(last, ['dht', 'findprovs', '-n', '1', cid])
      return providers.trim() === first.id
    }, 15_000, 'the provider record to reach the LAN DHT')
    assert.equal(providers.trim(), first.id)
    const addresses = await cliIn(last, ['dht', 'findpeer', first.id])
    assert.ok(addresses.includes(`/ip4/${first.ip}/tcp/4001`), addresses)
  } finally {
    await Promise.all(members.map(stopDaemon))
    lan.remove()
    await dir.cleanup()
  }
})
