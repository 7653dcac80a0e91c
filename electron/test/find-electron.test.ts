// Finding Electron's binary never runs the package's download: on this
// machine (no binary) it says why; a binary the installer placed, or one
// named by ELECTRON_OVERRIDE_DIST_PATH, is found.
import assert from 'node:assert/strict'
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from 'node:test'
import { tempDir } from '../../node-core/test/helpers/cli.ts'
import { findElectron } from '../src/find-electron.ts'

const INSTALLED = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'node_modules', 'electron')

test('the installed electron package without its binary: not found, with the reason, and nothing downloaded', () => {
  const result = findElectron(INSTALLED, {})
  if (result.found) {
    // A machine where the binary was downloaded (not this project's CI): it must exist.
    assert.ok(result.path.includes('electron'))
    return
  }
  assert.match(result.reason, /no binary|does not exist/)
})

test('a binary the installer placed, and one named by ELECTRON_OVERRIDE_DIST_PATH, are found; a missing override says so', async () => {
  const dir = await tempDir('planetary-electron-')
  try {
    const pkg = join(dir.path, 'electron')
    await mkdir(join(pkg, 'dist'), { recursive: true })
    await writeFile(join(pkg, 'package.json'), '{}')
    assert.equal(findElectron(join(dir.path, 'none'), {}).found, false)
    assert.deepEqual(findElectron(pkg, {}), { found: false, reason: 'the electron package has no binary: its download did not run (electron installs it on first use, from the network)' })
    await writeFile(join(pkg, 'path.txt'), 'electron')
    assert.equal(findElectron(pkg, {}).found, false)
    await writeFile(join(pkg, 'dist', 'electron'), '#!/bin/sh\n')
    await chmod(join(pkg, 'dist', 'electron'), 0o755)
    assert.deepEqual(findElectron(pkg, {}), { found: true, path: join(pkg, 'dist', 'electron') })
    const elsewhere = join(dir.path, 'custom')
    await mkdir(elsewhere)
    assert.equal(findElectron(pkg, { ELECTRON_OVERRIDE_DIST_PATH: elsewhere }).found, false)
    await writeFile(join(elsewhere, 'electron'), '')
    assert.deepEqual(findElectron(pkg, { ELECTRON_OVERRIDE_DIST_PATH: elsewhere }), { found: true, path: join(elsewhere, 'electron') })
  } finally {
    await dir.cleanup()
  }
})
