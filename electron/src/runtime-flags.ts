/**
 * The daemon's start-up settings, given to Electron's main process.
 *
 * `planetary daemon` re-executes itself with V8 flags and environment
 * variables that only work from process start (node-core/bin/daemon-start.js
 * holds the one list). Electron cannot re-execute in place, so:
 * `--js-flags` is appended to Chromium's command line before the app is
 * ready (that reaches the renderers and utility processes, not the running
 * main process), and what the main process lacks — V8 flags it was not
 * started with, `MALLOC_ARENA_MAX`, `UV_THREADPOOL_SIZE` (libuv's pool and
 * glibc's arenas exist before any of our code runs) — makes a decision to
 * relaunch once with them, marked in the environment so it never loops.
 */
import { START_ENV, V8_FLAGS } from '../../node-core/bin/daemon-start.js'
import type { App } from 'electron'

/** The environment variable set on the relaunched process; while it is set, no further relaunch is asked for. */
export const RELAUNCH_MARKER = 'PLANETARY_RELAUNCHED'

/** What {@link applyRuntimeFlags} found, and whether the app should relaunch once. */
export interface RuntimeFlagsDecision {
  /** Relaunch with {@link relaunchOnce}: something that only works from start is missing, and this is not the relaunched process. */
  relaunch: boolean
  /** The `--js-flags` value appended to the command line. */
  jsFlags: string
  /** V8 flags the main process was not started with. */
  missingFlags: string[]
  /** Start-only environment variables missing or different here. */
  missingEnv: string[]
  /** The environment the relaunched process needs, the marker included. */
  env: Record<string, string>
  /** Why (not) relaunch, for the log. */
  reason: string
}

function splitFlags (value: string): string[] {
  return value.split(/\s+/).filter((flag) => flag !== '')
}

/**
 * Append the daemon's V8 flags as `js-flags` and decide whether to relaunch.
 *
 * Call before the app is ready. `env` is read, never changed.
 */
export function applyRuntimeFlags (app: Pick<App, 'commandLine'>, env: NodeJS.ProcessEnv): RuntimeFlagsDecision {
  const startedWith = splitFlags(app.commandLine.getSwitchValue('js-flags'))
  const missingFlags = V8_FLAGS.filter((flag) => !startedWith.includes(flag))
  const jsFlags = [...startedWith, ...missingFlags].join(' ')
  if (missingFlags.length > 0) app.commandLine.appendSwitch('js-flags', jsFlags)
  const missingEnv = Object.entries(START_ENV).filter(([name, value]) => env[name] !== value).map(([name]) => name)
  const needed = [...missingFlags, ...missingEnv]
  const relaunched = env[RELAUNCH_MARKER] !== undefined
  const relaunch = needed.length > 0 && !relaunched
  const reason = needed.length === 0
    ? 'started with every start-only setting'
    : relaunched
      ? `still missing after one relaunch, running without: ${needed.join(', ')}`
      : `relaunching once for settings that only work from process start: ${needed.join(', ')}`
  return { relaunch, jsFlags, missingFlags, missingEnv, env: { ...START_ENV, [RELAUNCH_MARKER]: '1' }, reason }
}

/**
 * Relaunch the app once with the decision's environment and V8 flags, and exit this process.
 *
 * The relaunched process inherits `env` (set here), and gets `--js-flags` on
 * its command line, where the main process's V8 reads it. Does nothing
 * unless `decision.relaunch`; returns whether it relaunched.
 */
export function relaunchOnce (app: Pick<App, 'relaunch' | 'exit'>, decision: RuntimeFlagsDecision, env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): boolean {
  if (!decision.relaunch) return false
  Object.assign(env, decision.env)
  const args = argv.slice(1).filter((arg) => !arg.startsWith('--js-flags='))
  app.relaunch({ args: [...args, `--js-flags=${decision.jsFlags}`] })
  app.exit(0)
  return true
}
