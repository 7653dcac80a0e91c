// The project electron-builder packs (`npm run dist`, and
// electron/test/packaging.test.ts): package.json, the lock, the builder's
// config and assets/ copied, node_modules linked, and the built files put
// in by the caller. Its package.json names the "traversal" package
// manager, so electron-builder collects the production dependencies by
// walking node_modules from package.json's dependencies. Its default for a
// package-lock.json, `npm list`, loses packages (they are then missing from
// app.asar, and the app cannot start) whenever npm does not trust
// node_modules/.package-lock.json — as after every clean `npm ci` here,
// whose `node` package installs its binary's packages under
// node_modules/node/node_modules, where that hidden lockfile does not list
// them. The checkout's own package.json is left alone (corepack would
// refuse a package manager named "traversal").
import { copyFile, cp, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Stage the project to pack in `dir` (existing, empty but for the built files) from the checkout at `root`. */
export async function stageProject (root: string, dir: string): Promise<void> {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as Record<string, unknown>
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ ...pkg, packageManager: 'traversal' }, null, 2)}\n`)
  for (const file of ['package-lock.json', 'electron-builder.yml']) await copyFile(join(root, file), join(dir, file))
  await cp(join(root, 'assets'), join(dir, 'assets'), { recursive: true })
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir')
}
