// `npm test`: lint (boundaries included), typecheck (node and web code),
// the web UI's build, its component and store tests (Vitest, jsdom), then
// every node-core and e2e test file under node's test runner (the e2e tests
// drive Debian's Chromium against real daemons). Each step must pass; the
// test runner's summary is the last thing printed.
import { spawnSync } from 'node:child_process'

const node = process.execPath
const steps: Array<[string, string[]]> = [
  ['lint', [node, 'node_modules/eslint/bin/eslint.js', '.']],
  ['typecheck', [node, 'node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['typecheck (desktop)', [node, 'node_modules/typescript/bin/tsc', '-p', 'tsconfig.electron.json', '--noEmit']],
  ['typecheck (e2e)', [node, 'node_modules/typescript/bin/tsc', '-p', 'tsconfig.e2e.json', '--noEmit']],
  ['typecheck (web UI)', [node, 'node_modules/typescript/bin/tsc', '-p', 'renderer/tsconfig.json', '--noEmit']],
  ['typecheck (web UI tests)', [node, 'node_modules/typescript/bin/tsc', '-p', 'renderer/tsconfig.test.json', '--noEmit']],
  ['build (web UI)', [node, 'node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']],
  ['web UI tests', [node, 'node_modules/vitest/vitest.mjs', 'run', '--config', 'renderer/vite.config.ts']],
  ['tests', [node, '--test', '--test-concurrency=2', '--test-timeout=600000', '--test-reporter=spec', ...(process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['node-core/test/**/*.test.ts', 'electron/test/**/*.test.ts', 'e2e/**/*.test.ts'])]]
]

for (const [name, [command = node, ...args]] of steps) {
  process.stdout.write(`\n== ${name}\n`)
  const result = spawnSync(command, args, { stdio: 'inherit' })
  if (result.status !== 0) {
    process.stdout.write(`\n${name} failed (exit ${result.status ?? result.signal})\n`)
    process.exit(result.status ?? 1)
  }
}
