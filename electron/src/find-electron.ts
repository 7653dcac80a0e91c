/**
 * Where Electron's binary is, found without running the `electron`
 * package's index.js: requiring it downloads the binary when it is missing,
 * and a machine without network access (this project's CI included) must
 * get a clear answer instead. It reads what the package's installer leaves
 * behind (`path.txt`, `dist/`), and honours ELECTRON_OVERRIDE_DIST_PATH as
 * the package does.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The binary's path, or why there is none. */
export type ElectronBinary = { found: true, path: string } | { found: false, reason: string }

/** Find the Electron binary of the `electron` package installed at `packageDir`. */
export function findElectron (packageDir: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  if (!existsSync(join(packageDir, 'package.json'))) return { found: false, reason: `the electron package is not installed (no ${packageDir})` }
  const pathFile = join(packageDir, 'path.txt')
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  if (override !== undefined && override !== '') {
    const path = join(override, executable ?? 'electron')
    return existsSync(path) ? { found: true, path } : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH names ${override}, which holds no ${executable ?? 'electron'}` }
  }
  if (executable === undefined || executable === '') return { found: false, reason: 'the electron package has no binary: its download did not run (electron installs it on first use, from the network)' }
  const path = join(packageDir, 'dist', executable)
  return existsSync(path) ? { found: true, path } : { found: false, reason: `the electron package names ${executable}, but ${path} does not exist` }
}
