// `npm run bench -- share`: sending 1 GiB (BENCH_SHARE_MIB) between real
// daemons in network namespaces on one bridge (no rate limit, found by
// mDNS), driven by the CLI, against `planetary cat` of the same CID in the
// same run. Four namespaces: A sends, F cats from A alone (then stops, so
// that it is no source later), B receives from A, C receives with A and B
// both holding the content. Needs root (network namespaces).
//
// Times: `share send` from the CLI's start to the offer made (import into
// the node, listing, offer); a receive from `share accept` (its CLI start)
// to the item done on the receiver (its `updatedAt`: fetched, checked,
// saved into the inbox folder and /Inbox, receipt signed). The receiver is
// watched every 100 ms over its RPC with curl inside its namespace (a node
// CLI per poll would cost a quarter of a core) and its inbox folder from
// here, which splits a receive into fetch (to the last progress), check
// (to the first byte in the inbox folder) and save.
import { execFile, spawn } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { CLI } from '../node-core/test/helpers/cli.ts'
import { canCreateNamespaces, createLan } from '../node-core/test/helpers/netns.ts'
import { waitFor } from '../node-core/test/helpers/nodes.ts'
import { cliIn, createMember, devicesOf, jsonIn, startDaemon, stopDaemon } from '../node-core/test/helpers/share-lan.ts'
import { machine, printTable, saveResult, seededFile } from './measure.ts'
import type { Member, SharedItem } from '../node-core/test/helpers/share-lan.ts'

const MIB = Number(process.env.BENCH_SHARE_MIB ?? 1024)
const BYTES = MIB * 2 ** 20
const mbps = (seconds: number): number => BYTES / 1e6 / seconds
const run = promisify(execFile)

if (!canCreateNamespaces()) {
  process.stderr.write('the share benchmark needs root and iproute2 (network namespaces)\n')
  process.exit(2)
}

/** The member's item `id` over its RPC (curl in its namespace, no node process per poll). */
async function rpcItem (member: Member, direction: 'in' | 'out', id: string): Promise<SharedItem & { updatedAt: number } | undefined> {
  const api = (await readFile(join(member.repo, 'api'), 'utf8')).trim()
  const [, , host, , port] = api.split('/')
  const { stdout } = await run('ip', ['netns', 'exec', member.ns, 'curl', '-sf', '-X', 'POST', `http://${host ?? ''}:${port ?? ''}/api/v0/share/items?direction=${direction}`])
  return (JSON.parse(stdout) as { items: Array<SharedItem & { updatedAt: number }> }).items.find((i) => i.id === id)
}

/** Peak RSS of a member's daemon so far (VmHWM), in MiB. */
async function peakRss (member: Member): Promise<number> {
  const status = await readFile(`/proc/${member.daemon?.pid ?? 0}/status`, 'utf8').catch(() => '')
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

/** CPU seconds (user + system) a member's daemon has used so far. */
async function cpuSeconds (member: Member): Promise<number> {
  const stat = await readFile(`/proc/${member.daemon?.pid ?? 0}/stat`, 'utf8').catch(() => '')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100
}

/** CPU seconds the daemons of `members` use while `work` runs. */
async function cpuOf<T> (members: Member[], work: () => Promise<T>): Promise<{ result: T, cpu: number[] }> {
  const before = await Promise.all(members.map(cpuSeconds))
  const result = await work()
  const after = await Promise.all(members.map(cpuSeconds))
  return { result, cpu: after.map((n, i) => n - (before[i] ?? 0)) }
}

interface Receive {
  seconds: number
  fetchSeconds: number
  checkSeconds: number
  saveSeconds: number
  sources: SharedItem['sources']
  peakRssMiB: number
}

/** Accept item `id` on `member` and follow it to done, timing its phases. */
async function receive (member: Member, id: string): Promise<Receive> {
  const accepted = Date.now()
  await cliIn(member, ['share', 'accept', id])
  let lastProgress = accepted
  let lastBytes = -1
  let firstSaved: number | undefined
  let item: Awaited<ReturnType<typeof rpcItem>>
  for (;;) {
    item = await rpcItem(member, 'in', id)
    const now = Date.now()
    if (item === undefined || !['transferring', 'done'].includes(item.state)) throw new Error(`${member.label}: item ${id} is ${item?.state ?? 'gone'}: ${JSON.stringify(item?.error)}`)
    if (item.state === 'transferring' && item.bytes !== lastBytes) {
      lastBytes = item.bytes
      lastProgress = now
    }
    if (firstSaved === undefined && (await readdir(member.inbox).catch(() => [])).length > 0) firstSaved = now
    if (item.state === 'done') break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const done = item.updatedAt
  const saveFrom = Math.min(firstSaved ?? done, done)
  return {
    seconds: (done - accepted) / 1000,
    fetchSeconds: (lastProgress - accepted) / 1000,
    checkSeconds: Math.max(0, saveFrom - lastProgress) / 1000,
    saveSeconds: (done - saveFrom) / 1000,
    sources: item.sources,
    peakRssMiB: await peakRss(member)
  }
}

/** `share send` on `from` to `to`; seconds from the CLI's start to the offer made, and the item. */
async function send (from: Member, to: Member, path: string): Promise<{ seconds: number, cliSeconds: number, item: SharedItem & { createdAt: number } }> {
  const started = Date.now()
  const item = await jsonIn<SharedItem & { createdAt: number }>(from, ['share', 'send', to.id, path])
  return { seconds: (item.createdAt - started) / 1000, cliSeconds: (Date.now() - started) / 1000, item }
}

/** `planetary cat <cid>` on `member`, its output counted and dropped; seconds. */
async function cat (member: Member, cid: string): Promise<number> {
  const started = Date.now()
  const child = spawn('ip', ['netns', 'exec', member.ns, process.execPath, CLI, 'cat', cid], { env: { ...process.env, PLANETARY_PATH: member.repo }, stdio: ['ignore', 'pipe', 'inherit'] })
  let bytes = 0
  child.stdout.on('data', (d: Buffer) => { bytes += d.byteLength })
  const code = await new Promise((resolve) => child.on('close', resolve))
  if (code !== 0 || bytes !== BYTES) throw new Error(`cat on ${member.label} exited ${String(code)} after ${bytes} bytes`)
  return (Date.now() - started) / 1000
}

const loadBefore = loadavg()[0] ?? 0
const lan = createLan(4)
const work = await mkdtemp(join(tmpdir(), 'planetary-bench-share-'))
const members: Member[] = []
try {
  const input = await seededFile(join(tmpdir(), 'planetary-bench-inputs'), BYTES, 'bench-share')
  const [hostA, hostB, hostC, hostF] = lan.hosts
  if (hostA === undefined || hostB === undefined || hostC === undefined || hostF === undefined) throw new Error('no LAN')
  const a = await createMember({ label: 'A', ns: hostA.ns, ips: [hostA.ip], dir: work, deviceName: 'Sender' })
  const b = await createMember({ label: 'B', ns: hostB.ns, ips: [hostB.ip], dir: work, deviceName: 'Receiver' })
  const c = await createMember({ label: 'C', ns: hostC.ns, ips: [hostC.ip], dir: work, deviceName: 'Second receiver' })
  const f = await createMember({ label: 'F', ns: hostF.ns, ips: [hostF.ip], dir: work, deviceName: 'Cat' })
  members.push(a, b, c, f)
  await Promise.all(members.map(async (m) => { await startDaemon(m) }))
  await waitFor(async () => (await devicesOf(a)).length >= 3, 20_000, 'A to see the others by mDNS')

  // The yardstick for the import: `planetary add` of another file of the same size through A's daemon.
  const other = await seededFile(join(tmpdir(), 'planetary-bench-inputs'), BYTES, 'bench-share-add')
  const addStarted = Date.now()
  const added = await cpuOf([a], async () => await cliIn(a, ['add', '-Q', '--pin=false', other]))
  const addSeconds = (Date.now() - addStarted) / 1000
  // A imports and offers to B; while the offer waits, F cats the CID from A alone, then stops.
  const sent = await cpuOf([a], async () => await send(a, b, input))
  const toB = sent.result
  const root = toB.item.root
  await waitFor(async () => (await rpcItem(b, 'in', toB.item.id))?.state === 'waiting', 10_000, 'the offer to reach B')
  const catted = await cpuOf([a, f], async () => await cat(f, root))
  const catSeconds = catted.result
  const catRss = await peakRss(f)
  await stopDaemon(f)
  const receivedB = await cpuOf([a, b], async () => await receive(b, toB.item.id))
  const atB = receivedB.result
  // A sends the same file to C: A and B hold it now.
  const toC = await send(a, c, input)
  await waitFor(async () => (await rpcItem(c, 'in', toC.item.id))?.state === 'waiting', 10_000, 'the offer to reach C')
  const receivedC = await cpuOf([a, b, c], async () => await receive(c, toC.item.id))
  const atC = receivedC.result

  const label = (peer: string): string => members.find((m) => m.id === peer)?.label ?? peer.slice(-6)
  const sources = (r: Receive): string => r.sources.map((s) => `${label(s.peer)} ${s.blocks}`).join(', ')
  const cpu = (who: Member[], used: number[]): string => who.map((m, i) => `${m.label} ${(used[i] ?? 0).toFixed(1)}`).join(' + ')
  const rows = [
    { name: `share send on A: import ${MIB} MiB, list, offer (CLI start to offer)`, seconds: toB.seconds, sources: '-', rss: '-', cpu: cpu([a], sent.cpu) },
    { name: `planetary add of another ${MIB} MiB file through A's daemon`, seconds: addSeconds, sources: '-', rss: '-', cpu: cpu([a], added.cpu) },
    { name: 'planetary cat <cid> > /dev/null on a fresh node, from A', seconds: catSeconds, sources: 'A', rss: catRss.toFixed(0), cpu: cpu([a, f], catted.cpu) },
    { name: 'share A → B: accept to done (fetch, check, save)', seconds: atB.seconds, sources: sources(atB), rss: atB.peakRssMiB.toFixed(0), cpu: cpu([a, b], receivedB.cpu) },
    { name: '  fetch (accept to last progress)', seconds: atB.fetchSeconds, sources: '', rss: '', cpu: '' },
    { name: '  check (session stored, sync, listing)', seconds: atB.checkSeconds, sources: '', rss: '', cpu: '' },
    { name: '  save into the inbox folder and /Inbox', seconds: atB.saveSeconds, sources: '', rss: '', cpu: '' },
    { name: 'share A + B → C (two holders): accept to done', seconds: atC.seconds, sources: sources(atC), rss: atC.peakRssMiB.toFixed(0), cpu: cpu([a, b, c], receivedC.cpu) },
    { name: '  fetch (accept to last progress)', seconds: atC.fetchSeconds, sources: '', rss: '', cpu: '' },
    { name: '  check (session stored, sync, listing)', seconds: atC.checkSeconds, sources: '', rss: '', cpu: '' },
    { name: '  save into the inbox folder and /Inbox', seconds: atC.saveSeconds, sources: '', rss: '', cpu: '' },
    { name: 'share A → B end to end: share send to done', seconds: toB.cliSeconds + atB.seconds, sources: '', rss: '', cpu: '' }
  ]
  const load = `load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after`
  process.stdout.write(`\nshare benchmark: ${MIB} MiB between daemons in network namespaces on a bridge, ${new Date().toISOString()}, ${machine()}, ${load}\n\n`)
  printTable(['case', 'seconds', 'MB/s', 'vs cat', 'blocks by source', 'daemons\' CPU s', 'receiver peak RSS MiB'], rows.map((r) => [r.name, r.seconds.toFixed(2), mbps(r.seconds).toFixed(0), `${(catSeconds / r.seconds).toFixed(2)}x`, r.sources, r.cpu, r.rss]))
  process.stdout.write(`\nroot ${root}; end to end is share send's CLI (${toB.cliSeconds.toFixed(2)} s) plus accept to done, without the wait between them (the bench ran the cat there)\n`)
  const saved = await saveResult('share', { date: new Date().toISOString(), machine: machine(), mib: MIB, load, root, rows, send: toB, addSeconds, catSeconds, catRssMiB: catRss, toB: atB, toC: atC })
  process.stdout.write(`wrote ${saved}\n`)
} finally {
  await Promise.all(members.map(async (m) => { await stopDaemon(m) }))
  lan.remove()
  await rm(work, { recursive: true, force: true })
}
