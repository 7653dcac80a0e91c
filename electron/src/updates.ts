/**
 * Update checks: electron-updater asking the release feed that
 * electron-builder.yml's `publish` names (electron-builder writes it into
 * the packaged app as app-update.yml, which electron-updater reads).
 *
 * Off unless every condition holds: a packaged app (an unpackaged one has
 * no feed and no installer to replace), not a test run, not turned off by
 * the environment, and the user opted in. When on: one check at start and
 * one every six hours; a downloaded update installs when the app quits and
 * the user is told so once. A failed check is a log line, never a throw.
 *
 * electron-updater comes in as a narrow injected object (main.ts passes its
 * `autoUpdater`), so tests drive small fakes.
 */
import { readFileSync } from 'node:fs'
import type { UpdateInfo } from 'electron-updater'

/** How often to check again after the first check, in milliseconds. */
export const CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000

/** What {@link updatePolicy} reads. */
export interface UpdatePolicyInput {
  /** `app.isPackaged`. */
  isPackaged: boolean
  /** The process environment: `PLANETARY_UPDATES=off` and `NODE_ENV=test` turn checks off. */
  env: NodeJS.ProcessEnv
  /** The user's choice: true when they opted in, undefined when never asked. */
  setting: boolean | undefined
}

/** Whether to check for updates, and why (for the log). */
export interface UpdatePolicy {
  enabled: boolean
  reason: string
}

/**
 * Decide whether this run checks for updates.
 *
 * The environment wins over everything, then the kind of build, then the
 * user's choice; the first reason to stay off is the one given.
 */
export function updatePolicy ({ isPackaged, env, setting }: UpdatePolicyInput): UpdatePolicy {
  if (env.PLANETARY_UPDATES === 'off') return { enabled: false, reason: 'update checks off: PLANETARY_UPDATES=off' }
  if (env.NODE_ENV === 'test') return { enabled: false, reason: 'update checks off: NODE_ENV=test' }
  if (!isPackaged) return { enabled: false, reason: 'update checks off: an unpackaged (development) app has no release feed' }
  if (setting !== true) return { enabled: false, reason: 'update checks off: the user has not opted in' }
  return { enabled: true, reason: 'update checks on: at start and every 6 hours' }
}

/**
 * The user's choice as saved in `file` (`{"checkForUpdates": true}`).
 *
 * Undefined when the file is missing, unreadable or holds no boolean: the
 * user was never asked, and checks stay off.
 */
export function readUpdateSetting (file: string): boolean | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as unknown
    const value = typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>).checkForUpdates : undefined
    return typeof value === 'boolean' ? value : undefined
  } catch {
    return undefined
  }
}

/** What {@link startUpdateChecks} uses of electron-updater's `autoUpdater`. */
export interface AutoUpdaterLike {
  checkForUpdates(): Promise<unknown>
  on(event: 'update-downloaded', listener: (info: UpdateInfo) => void): unknown
  on(event: 'error', listener: (err: Error) => void): unknown
}

/** A notification's words. */
export interface UpdateNotice {
  title: string
  body: string
}

/** The notice for a downloaded update. */
export function updateNotice (version: string): UpdateNotice {
  return { title: 'Planetary update ready', body: `Version ${version} installs when you quit Planetary.` }
}

/** What {@link startUpdateChecks} needs. */
export interface UpdateCheckDeps {
  updater: AutoUpdaterLike
  log: (line: string) => void
  /** Show the user a notice (main.ts's native notification). */
  notify: (notice: UpdateNotice) => void
  /** Between checks; {@link CHECK_INTERVAL_MS} by default. */
  intervalMs?: number
}

/** Running update checks. */
export interface UpdateChecks {
  /** Check now, as the timer does; resolves once the check is done or has failed. */
  check(): Promise<void>
  /** No more checks. */
  stop(): void
}

/**
 * Check at once and then every `intervalMs`.
 *
 * Errors are logged once, from the updater's `error` event (electron-updater
 * emits it for a failed check too, and then rejects the check, which is
 * therefore not logged again); a downloaded version is announced once
 * however often it is reported.
 */
export function startUpdateChecks (deps: UpdateCheckDeps): UpdateChecks {
  const { updater, log } = deps
  const announced = new Set<string>()
  updater.on('error', (err) => { log(`updates: ${err.message}`) })
  updater.on('update-downloaded', (info) => {
    if (announced.has(info.version)) return
    announced.add(info.version)
    log(`updates: ${info.version} downloaded, installs on quit`)
    deps.notify(updateNotice(info.version))
  })
  const check = async (): Promise<void> => {
    await updater.checkForUpdates().then(() => {}, () => {})
  }
  const timer = setInterval(() => { void check() }, deps.intervalMs ?? CHECK_INTERVAL_MS)
  timer.unref()
  void check()
  return { check, stop: () => { clearInterval(timer) } }
}
