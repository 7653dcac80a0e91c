/**
 * The process entry of the CLI: real stdio, real environment, exit code.
 */
import { runCli } from './main.ts'

process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  interactive: process.stderr.isTTY
})
