/**
 * What a launch hands over on its command line: files to import and
 * `ipfs://` links to open. Electron gives the running instance a second
 * launch's `argv` and working directory (`app.on('second-instance')`); the
 * first launch reads its own `process.argv` the same way.
 *
 * Skipped: `argv[0]` (the executable), the app's path when Electron runs
 * unpackaged (`electron .` or `electron /path/to/app`), `.`, and every
 * switch (`--foo`, `--foo=bar`, macOS's `-psn_…`) — Chromium adds its own
 * (`--allow-file-access-from-files`, `--original-process-start-time=…`).
 * After `--` every argument is positional. Files are resolved against the
 * launch's working directory with the platform's path rules (a `file:` URL
 * is taken as its path); whether they exist is the importer's concern.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { isProtocolUrl, parseProtocolUrl } from './protocol-url.ts'
import type { ProtocolTarget } from './protocol-url.ts'

/**
 * Where the launch runs.
 *
 * `platform` picks the path rules (defaults to this process's);
 * `appPath` is `app.getAppPath()` when unpackaged, so it is not taken as a
 * file to import.
 */
export interface LaunchContext {
  workingDirectory: string
  platform?: NodeJS.Platform
  appPath?: string | undefined
}

/**
 * What a launch asks for.
 *
 * `rejected` holds the links that could not be parsed, with the reason, so
 * the shell can say so instead of dropping them silently.
 */
export interface LaunchRequest {
  files: string[]
  urls: ProtocolTarget[]
  rejected: Array<{ arg: string, reason: string }>
}

/**
 * Read a launch's arguments.
 *
 * `argv` as Electron gives it (the executable first). Files come out
 * absolute and once each, in order.
 */
export function parseLaunchArgs (argv: readonly string[], context: LaunchContext): LaunchRequest {
  const windows = (context.platform ?? process.platform) === 'win32'
  const paths = windows ? path.win32 : path.posix
  const cwd = context.workingDirectory
  const skip = new Set<string>()
  if (context.appPath !== undefined && context.appPath !== '') skip.add(paths.resolve(cwd, context.appPath))
  const request: LaunchRequest = { files: [], urls: [], rejected: [] }
  const seen = new Set<string>()
  let positionalOnly = false
  for (const arg of argv.slice(1)) {
    if (arg === '') continue
    if (!positionalOnly && arg === '--') {
      positionalOnly = true
      continue
    }
    if (!positionalOnly && arg.startsWith('-')) continue
    if (isProtocolUrl(arg)) {
      try {
        request.urls.push(parseProtocolUrl(arg))
      } catch (err) {
        request.rejected.push({ arg, reason: (err as Error).message })
      }
      continue
    }
    if (arg === '.') continue
    const file = fileOf(arg, cwd, paths, windows)
    if (file === undefined) {
      request.rejected.push({ arg, reason: 'not a file path' })
      continue
    }
    if (skip.has(file) || seen.has(file)) continue
    seen.add(file)
    request.files.push(file)
  }
  return request
}

function fileOf (arg: string, cwd: string, paths: typeof path.posix, windows: boolean): string | undefined {
  if (/^file:/i.test(arg)) {
    try {
      return fileURLToPath(arg, { windows })
    } catch {
      return undefined
    }
  }
  // Another scheme (http:, mailto:), not a Windows drive letter.
  if (/^[a-z][a-z0-9+.-]+:/i.test(arg)) return undefined
  return paths.resolve(cwd, arg)
}
