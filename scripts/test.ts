// `npm test`: lint (boundaries included), typecheck, then every test file
// under node's test runner. Each step must pass; the test runner's summary is
// the last thing printed.
import { spawnSync } from 'node:child_process'

const node = process.execPath
const steps: Array<[string, string[]]> = [
  ['lint', [node, 'node_modules/eslint/bin/eslint.js', '.']],
  ['typecheck', [node, 'node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['tests', [node, '--test', '--test-concurrency=2', '--test-timeout=600000', '--test-reporter=spec', ...(process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['node-core/test/**/*.test.ts'])]]
]

for (const [name, [command = node, ...args]] of steps) {
  process.stdout.write(`\n== ${name}\n`)
  const result = spawnSync(command, args, { stdio: 'inherit' })
  if (result.status !== 0) {
    process.stdout.write(`\n${name} failed (exit ${result.status ?? result.signal})\n`)
    process.exit(result.status ?? 1)
  }
}
