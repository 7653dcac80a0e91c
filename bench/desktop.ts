// `npm run bench -- desktop`: the node as the desktop app's main process
// hosts it, minus Electron (whose binary cannot be had here): the node in
// this process, a 1 GiB file (BENCH_DESKTOP_MIB) imported into Files through
// the real IPC binding, the preload's bridge and the renderer's adapter
// (over the fake ipcMain/ipcRenderer pair the tests use, which
// structured-clones every message as Electron does), while
// perf_hooks.monitorEventLoopDelay watches this main event loop — the one
// that would also serve every IPC call and the tray. Beside it, in the same
// run, `planetary add` of another file of the same size into a repo of its
// own (each file its own seeded bytes). Then the app itself on the stand-in
// runtime (e2e/electron-standin): the real bundled main, preload and
// renderer, the page calling window.planetary (contextBridge, the preload's
// ipcRenderer, the DevTools binding to main, the IPC binding) with a third
// file, the delay measured in that main process. Targets (issue 13):
// event-loop delay p99 under 20 ms and max under 100 ms during the import.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createClient } from '../node-core/src/api/client.ts'
import { createNodeApi } from '../node-core/src/api/node-api.ts'
import { createNode } from '../node-core/src/node.ts'
import { initRepo, openRepo } from '../node-core/src/repo/repo.ts'
import { bindIpc } from '../electron/src/ipc-main.ts'
import { createBridge } from '../electron/src/preload-bridge.ts'
import { FakeIpcMain, fakeWebUtils, openWindow, trustedIn } from '../electron/test/fake-ipc.ts'
import { bridgeTransport } from '../renderer/src/lib/preload.ts'
import { launchStandin } from '../e2e/electron-standin/harness.ts'
import { waitOnline } from '../e2e/helpers/ui.ts'
import { machine, printTable, saveResult, seededFile } from './measure.ts'

const MIB = Number(process.env.BENCH_DESKTOP_MIB ?? 1024)
const BYTES = MIB * 2 ** 20
const APP_URL = 'file:///app/renderer/dist/index.html'
const cli = new URL('../node-core/bin/planetary.js', import.meta.url).pathname
const inputs = join(tmpdir(), 'planetary-bench-inputs')
const work = await mkdtemp(join(tmpdir(), 'planetary-bench-desktop-'))

async function run (args: string[], repo: string): Promise<number> {
  const started = performance.now()
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, PLANETARY_PATH: repo }, stdio: ['ignore', 'ignore', 'inherit'] })
  const code = await new Promise((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`planetary ${args.join(' ')} exited ${String(code)}`)
  return (performance.now() - started) / 1000
}

const ms = (ns: number): string => (ns / 1e6).toFixed(1)

try {
  const viaIpc = await seededFile(inputs, BYTES, 'bench-desktop-ipc')
  const viaCli = await seededFile(inputs, BYTES, 'bench-desktop-cli')
  const viaApp = await seededFile(inputs, BYTES, 'bench-desktop-app')

  const cliRepo = join(work, 'cli')
  await run(['init', '--profile', 'test'], cliRepo)
  const cliSeconds = await run(['add', '-Q', viaCli], cliRepo)

  const repoPath = join(work, 'app')
  await initRepo(repoPath, 'test')
  const repo = await openRepo(repoPath)
  const node = await createNode(repo)
  await node.start()
  const main = new FakeIpcMain()
  const fakeWindow = openWindow(main, APP_URL)
  const binding = bindIpc(main.asIpcMain(), createNodeApi(node), { isTrusted: trustedIn(() => [fakeWindow.contents], APP_URL) })
  const client = createClient(bridgeTransport(createBridge(fakeWindow.renderer.asIpcRenderer(), fakeWebUtils)))
  let progressEvents = 0
  const idle = monitorEventLoopDelay({ resolution: 10 })
  idle.enable()
  await new Promise((resolve) => setTimeout(resolve, 3000))
  idle.disable()
  const busy = monitorEventLoopDelay({ resolution: 10 })
  busy.enable()
  const started = performance.now()
  const added = await client.files.add({ paths: [viaIpc], to: '/', pin: false }, { onProgress: () => { progressEvents++ } })
  const ipcSeconds = (performance.now() - started) / 1000
  busy.disable()
  const placed = await client.files.stat({ path: `/${added.entries[0]?.path.split('/').pop() ?? ''}` })
  if (placed.size !== BYTES) throw new Error(`Files holds ${placed.size} bytes, not ${BYTES}`)
  await binding.drain(5000)
  binding.unbind()
  await node.stop()
  await repo.close()

  await run(['init', '--profile', 'test'], join(work, 'standin'))
  const standin = await launchStandin({ repoPath: join(work, 'standin'), userData: join(work, 'standin-user-data') })
  let app: { seconds: number, ok: boolean, delay: { p50: number, p99: number, max: number } }
  try {
    const page = await standin.page()
    await waitOnline(page, 60_000)
    await standin.command('loop-delay', { action: 'start' })
    const appStarted = performance.now()
    const reply = await page.evaluate(async (path) => await window.planetary?.call('files.add', { paths: [path], to: '/', pin: false }).result, viaApp)
    const seconds = (performance.now() - appStarted) / 1000
    const delay = await standin.command('loop-delay', { action: 'stop' }) as { p50: number, p99: number, max: number }
    if (reply?.ok !== true) throw new Error(`the app's import failed: ${JSON.stringify(reply)}`)
    app = { seconds, ok: true, delay }
    await standin.clickMenu('Quit Planetary')
    await standin.allExited(60_000)
  } finally {
    await standin.close()
  }

  const rows = [
    [`the app (stand-in): ${MIB} MiB into Files from the page through preload and IPC`, `${(BYTES / 1e6 / app.seconds).toFixed(1)} MB/s`, `${app.seconds.toFixed(1)} s`],
    ['  its main process\'s event-loop delay: p50 / p99 / max', `${app.delay.p50.toFixed(1)} / ${app.delay.p99.toFixed(1)} / ${app.delay.max.toFixed(1)} ms`, 'targets: p99 < 20 ms, max < 100 ms (10 ms sampling interval included)'],
    [`import ${MIB} MiB into Files through the IPC binding`, `${(BYTES / 1e6 / ipcSeconds).toFixed(1)} MB/s`, `${ipcSeconds.toFixed(1)} s, ${progressEvents} progress events`],
    [`planetary add of ${MIB} MiB (own repo, same run)`, `${(BYTES / 1e6 / cliSeconds).toFixed(1)} MB/s`, `${cliSeconds.toFixed(1)} s`],
    ['event-loop delay during the import: p50 / p99 / max', `${ms(busy.percentile(50))} / ${ms(busy.percentile(99))} / ${ms(busy.max)} ms`, `targets: p99 < 20 ms, max < 100 ms (${ms(busy.max - 10e6)} ms over the 10 ms interval at most)`],
    ['event-loop delay, node idle 3 s: p50 / p99 / max', `${ms(idle.percentile(50))} / ${ms(idle.percentile(99))} / ${ms(idle.max)} ms`, 'each sample includes the 10 ms sampling interval']
  ]
  process.stdout.write(`\ndesktop benchmark: the app on the stand-in runtime, and the node in this process as Electron's main would host it over the IPC binding with fakes, ${new Date().toISOString()}, ${machine()}\n\n`)
  const table = printTable(['what', 'result', 'detail'], rows)
  const saved = await saveResult('desktop', {
    date: new Date().toISOString(),
    machine: machine(),
    bytes: BYTES,
    ipcSeconds,
    cliSeconds,
    app,
    progressEvents,
    loopDelayMs: { p50: busy.percentile(50) / 1e6, p99: busy.percentile(99) / 1e6, max: busy.max / 1e6 },
    idleLoopDelayMs: { p50: idle.percentile(50) / 1e6, p99: idle.percentile(99) / 1e6, max: idle.max / 1e6 },
    table
  })
  process.stdout.write(`\nwrote ${saved}\n`)
} finally {
  await rm(work, { recursive: true, force: true })
}
