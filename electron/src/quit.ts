/**
 * Quitting the app: stop taking calls, let the calls in flight finish,
 * stop the node within a time limit, then exit. A second quit request
 * while this runs joins the first instead of running it again; a node
 * that does not stop in time is left behind with a logged reason, because
 * a quit the user asked for must end the process.
 *
 * Also what closing the window means: with a tray the node keeps running
 * there, without one closing the window is quitting.
 *
 * The shell wires it to Electron: `app.on('before-quit', e => { if
 * (!sequence.done) { e.preventDefault(); void sequence.quit() } })`, with
 * `exit` calling `app.exit(code)`.
 */

/**
 * How long calls in flight may take to finish (ms).
 *
 * The default of `QuitDeps.drainTimeoutMs`.
 */
export const DRAIN_TIMEOUT_MS = 3_000

/**
 * How long the node may take to stop (ms).
 *
 * The default of `QuitDeps.stopTimeoutMs`; past it the app exits anyway.
 */
export const STOP_TIMEOUT_MS = 10_000

/**
 * What the quit sequence drives.
 *
 * Injected so that tests run it with fakes.
 */
export interface QuitDeps {
  /** Refuse new calls from now on (IPC, the bridge). */
  stopAccepting: () => void
  /** Resolve when the calls in flight are done, or after `timeoutMs`. */
  drain: (timeoutMs: number) => Promise<unknown>
  /** Stop the node (libp2p, the repo). */
  stopNode: () => Promise<void>
  /** End the process (`app.exit`). */
  exit: (code: number) => void
  /** Where the reasons go. */
  log: (message: string) => void
  drainTimeoutMs?: number
  stopTimeoutMs?: number
}

/**
 * How the quit ended.
 *
 * `stopped`: the node stopped in time (exit code 0); `stop-timed-out` and
 * `stop-failed`: it did not, and the process exited anyway (exit code 1,
 * so a supervisor sees the node was not stopped cleanly).
 */
export interface QuitOutcome {
  reason: 'stopped' | 'stop-timed-out' | 'stop-failed'
  /** Whether the calls in flight finished within the drain time. */
  drained: boolean
  exitCode: number
}

/**
 * The quit sequence.
 *
 * `quit()` runs it once; while it runs and after, every call returns the
 * same promise. `quitting` says it has begun, `done` that it ended.
 */
export interface QuitSequence {
  quit: () => Promise<QuitOutcome>
  readonly quitting: boolean
  readonly done: boolean
}

function messageOf (error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

type Limited = { kind: 'done' } | { kind: 'timed-out' } | { kind: 'failed', error: unknown }

async function withLimit (run: () => Promise<unknown>, ms: number): Promise<Limited> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const limit = new Promise<Limited>((resolve) => { timer = setTimeout(() => { resolve({ kind: 'timed-out' }) }, ms) })
  const work = (async (): Promise<Limited> => {
    try {
      await run()
      return { kind: 'done' }
    } catch (error) {
      return { kind: 'failed', error }
    }
  })()
  try {
    return await Promise.race([work, limit])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Make the quit sequence over `deps`.
 *
 * Stop accepting, drain (its own limit, and ours as a guard should
 * `drain` never settle), stop the node within `stopTimeoutMs`, exit.
 */
export function createQuitSequence (deps: QuitDeps): QuitSequence {
  const drainMs = deps.drainTimeoutMs ?? DRAIN_TIMEOUT_MS
  const stopMs = deps.stopTimeoutMs ?? STOP_TIMEOUT_MS
  let running: Promise<QuitOutcome> | undefined
  let done = false

  async function run (): Promise<QuitOutcome> {
    try {
      deps.stopAccepting()
    } catch (err) {
      deps.log(`quit: could not stop accepting calls: ${messageOf(err)}`)
    }
    const drain = await withLimit(async () => await deps.drain(drainMs), drainMs)
    const drained = drain.kind === 'done'
    if (drain.kind === 'timed-out') deps.log(`quit: calls still in flight after ${drainMs} ms; stopping the node anyway`)
    if (drain.kind === 'failed') deps.log(`quit: draining calls failed: ${messageOf(drain.error)}`)
    const stop = await withLimit(deps.stopNode, stopMs)
    let outcome: QuitOutcome
    if (stop.kind === 'done') {
      outcome = { reason: 'stopped', drained, exitCode: 0 }
    } else if (stop.kind === 'timed-out') {
      deps.log(`quit: the node did not stop within ${stopMs} ms; exiting anyway`)
      outcome = { reason: 'stop-timed-out', drained, exitCode: 1 }
    } else {
      deps.log(`quit: stopping the node failed: ${messageOf(stop.error)}; exiting anyway`)
      outcome = { reason: 'stop-failed', drained, exitCode: 1 }
    }
    done = true
    deps.exit(outcome.exitCode)
    return outcome
  }

  return {
    quit () {
      running ??= run()
      return running
    },
    get quitting () { return running !== undefined },
    get done () { return done }
  }
}

/**
 * What closing the main window does.
 *
 * `close`: let it close (the app is quitting anyway); `hide`: hide it and
 * keep the node running in the tray (the caller prevents the close);
 * `quit`: no tray to keep running in, so closing the window quits.
 */
export type WindowCloseAction = 'close' | 'hide' | 'quit'

/**
 * Decide what closing the window does.
 *
 * While quitting the window just closes; otherwise a tray keeps the app
 * alive and its absence quits it.
 */
export function windowCloseAction (options: { hasTray: boolean, quitting: boolean }): WindowCloseAction {
  if (options.quitting) return 'close'
  return options.hasTray ? 'hide' : 'quit'
}
