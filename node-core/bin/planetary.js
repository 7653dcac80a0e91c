#!/usr/bin/env node
// The `planetary` command. The sources are TypeScript run by Node's own type
// stripping (Node >= 22.18); an older Node hands over to the project's pinned
// Node (the `node` devDependency) when it is installed.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const pinned = fileURLToPath(new URL('../../node_modules/node/bin/node', import.meta.url))
if (process.features.typescript === undefined || process.features.typescript === false) {
  if (!existsSync(pinned) || process.execPath === pinned) {
    process.stderr.write(`Error: planetary needs Node >= 22.18 (this is ${process.version}); run 'npm ci' to install the pinned Node 24\n`)
    process.exit(1)
  }
  const result = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
process.env.UV_THREADPOOL_SIZE ??= '16'
await import('../src/cli/run.ts')
