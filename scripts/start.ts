/**
 * `npm start`: build the web UI (renderer/dist) and the desktop bundle
 * (electron/dist), then run Electron on electron/dist/main.mjs with this
 * terminal, and exit with its code. Extra arguments go to the app (files to
 * import, ipfs:// links).
 *
 * Electron's binary is found with electron/src/find-electron.ts (never by
 * requiring the `electron` package, whose index.js downloads it). When it
 * is missing, one message says how to run Planetary without it (the
 * daemon and its web UI) and the exit code is 1.
 *
 * Environment:
 *   PLANETARY_START_SKIP_BUILD=1  run what is already built (no vite builds)
 *   ELECTRON_OVERRIDE_DIST_PATH   a folder holding the Electron binary (as the electron package honours it)
 */
import { spawn } from 'node:child_process'
import { constants } from 'node:os'
import { join } from 'node:path'
import { findElectron } from '../electron/src/find-electron.ts'

const root = join(import.meta.dirname, '..')
/** The bundle Electron runs. */
const MAIN_ENTRY = join(root, 'electron', 'dist', 'main.mjs')

async function buildAll (): Promise<void> {
  const { build } = await import('vite')
  await build({ configFile: join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' })
  const desktop = join(root, 'electron', 'vite.config.ts')
  await build({ configFile: desktop })
  await build({ configFile: desktop, mode: 'preload' })
}

/** The message when there is no Electron binary. */
function missingElectronMessage (reason: string): string {
  return [
    `Planetary's desktop window needs Electron, which is not available here: ${reason}.`,
    'Run the node with its web UI instead: `npx planetary daemon --init`, then open the address on the line it prints,',
    '  WebUI: http://127.0.0.1:5001/webui/#token=…'
  ].join('\n')
}

async function main (): Promise<number> {
  if (process.env.PLANETARY_START_SKIP_BUILD !== '1') await buildAll()
  const electron = findElectron(join(root, 'node_modules', 'electron'))
  if (!electron.found) {
    console.error(missingElectronMessage(electron.reason))
    return 1
  }
  const child = spawn(electron.path, [MAIN_ENTRY, ...process.argv.slice(2)], { stdio: 'inherit' })
  const forward = (signal: NodeJS.Signals): void => { child.kill(signal) }
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  return await new Promise<number>((resolve) => {
    child.once('error', (err) => {
      console.error(`Could not run Electron (${electron.path}): ${err.message}`)
      resolve(1)
    })
    child.once('exit', (code, signal) => { resolve(code ?? (signal === null ? 1 : 128 + (constants.signals[signal] ?? 0))) })
  })
}

process.exitCode = await main()
