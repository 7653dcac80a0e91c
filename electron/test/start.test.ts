// `npm start` (scripts/start.ts) with its builds skipped
// (PLANETARY_START_SKIP_BUILD=1) and Electron's folder overridden
// (ELECTRON_OVERRIDE_DIST_PATH, as the electron package honours it): with no
// binary there it says how to run the daemon's web UI instead and exits 1;
// with a stand-in binary there it runs it on electron/dist/main.mjs, with the
// terminal, and exits with its code.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..', '..')
const script = join(root, 'scripts', 'start.ts')

function start (distPath: string, args: string[] = []): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, [script, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PLANETARY_START_SKIP_BUILD: '1', ELECTRON_OVERRIDE_DIST_PATH: distPath }
  })
}

test('without an Electron binary, start says how to run the daemon and its web UI, and exits 1', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'planetary-start-'))
  t.after(async () => { await rm(dir, { recursive: true, force: true }) })
  const run = start(dir)
  assert.equal(run.status, 1, `exit code (stderr: ${String(run.stderr)})`)
  const stderr = String(run.stderr)
  assert.match(stderr, /npx planetary daemon --init/)
  assert.match(stderr, /WebUI: http:\/\/127\.0\.0\.1:5001\/webui\/#token=/)
  assert.match(stderr, new RegExp(`holds no electron`), 'the reason names what is missing')
  assert.equal(stderr.trim().split('\n').filter((line) => line.includes('npx planetary daemon')).length, 1, 'one message')
})

test('with an Electron binary, start runs it on electron/dist/main.mjs and exits with its code', { skip: process.platform === 'win32' ? 'the stand-in binary is a shell script' : false }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'planetary-start-'))
  t.after(async () => { await rm(dir, { recursive: true, force: true }) })
  const fake = join(dir, 'electron')
  await writeFile(fake, '#!/bin/sh\nfor arg in "$@"; do echo "ARG $arg"; done\nexit 7\n')
  await chmod(fake, 0o755)
  const run = start(dir, ['ipfs://bafkqaaa'])
  assert.equal(run.status, 7, `exits with Electron's code (stderr: ${String(run.stderr)})`)
  const args = String(run.stdout).trim().split('\n').map((line) => line.replace(/^ARG /, ''))
  assert.deepEqual(args, [join(root, 'electron', 'dist', 'main.mjs'), 'ipfs://bafkqaaa'])
})
