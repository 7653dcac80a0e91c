#!/usr/bin/env node
// The `planetary` command. The sources are TypeScript run by Node's own type
// stripping (Node >= 22.18); an older Node hands over to the project's pinned
// Node (the `node` devDependency) when it is installed.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { enableCompileCache } from 'node:module'
import { fileURLToPath } from 'node:url'
import { ALLOCATOR_ENV, LEAN_FLAGS, TRANSFER_FLAGS } from './daemon-start.js'

const pinned = fileURLToPath(new URL('../../node_modules/node/bin/node', import.meta.url))
if (process.features.typescript === undefined || process.features.typescript === false) {
  if (!existsSync(pinned) || process.execPath === pinned) {
    process.stderr.write(`Error: planetary needs Node >= 22.18 (this is ${process.version}); run 'npm ci' to install the pinned Node 24\n`)
    process.exit(1)
  }
  const result = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
// The daemon idles in the background for hours, so it starts lean: V8 sized
// for footprint (daemon/heap-mode.ts turns that off while it is busy) and two
// glibc malloc arenas instead of one per thread. V8's young generation is
// capped at 4 MiB, or a transfer keeps V8 marking (exchange/heap.ts; the cap
// works fully only from the start). These must be set when the process
// starts, so the daemon re-executes itself in place (same PID) with them.
if (process.argv.slice(2).includes('daemon') && process.env.PLANETARY_LEAN === undefined && typeof process.execve === 'function') {
  process.execve(process.execPath, [process.execPath, ...LEAN_FLAGS, ...TRANSFER_FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { ...process.env, ...ALLOCATOR_ENV, PLANETARY_LEAN: '1' })
}
process.env.UV_THREADPOOL_SIZE ??= '16'
// Compiled code, the TypeScript already stripped, is cached on disk (in the
// OS temp dir, keyed by content): later runs start faster and never load the
// type stripper, about 17 MB of memory.
enableCompileCache()
await import('../src/cli/run.ts')
