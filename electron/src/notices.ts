/**
 * What the desktop app tells the user outside its window: a native
 * notification when an import it started (tray, open-with, a second
 * launch) ends, and a warning for what a launch could not open. Pure:
 * main shows them with Electron's Notification and dialog.
 */
import type { WireError } from '../../node-core/src/api/contract.ts'
import type { LaunchRequest } from './launch-args.ts'

/** A notification's words. */
export interface Notice {
  title: string
  body: string
}

const MAX_NAMES = 3

function names (paths: readonly string[]): string {
  const base = paths.map((p) => p.split(/[\\/]/).filter((part) => part !== '').pop() ?? p)
  const shown = base.slice(0, MAX_NAMES).join(', ')
  return base.length > MAX_NAMES ? `${shown} and ${base.length - MAX_NAMES} more` : shown
}

/** The notification for an import that ended: added (with the first CID) or failed (with the node's reason). */
export function importNotice (paths: readonly string[], outcome: { ok: true, entries: ReadonlyArray<{ path: string, cid: string }> } | { ok: false, error: Pick<WireError, 'name' | 'message'> }): Notice {
  if (!outcome.ok) return { title: 'Import failed', body: `${names(paths)}: ${outcome.error.message}` }
  const count = paths.length
  const first = outcome.entries.at(-1)
  return {
    title: count === 1 ? 'Added to Files' : `Added ${count} items to Files`,
    body: first === undefined ? names(paths) : `${names(paths)} · ${first.cid}`
  }
}

/** The warning for a launch's arguments that could not be opened, or undefined when all could. */
export function launchWarning (request: Pick<LaunchRequest, 'rejected'>): { message: string, detail: string } | undefined {
  if (request.rejected.length === 0) return undefined
  const lines = request.rejected.map(({ arg, reason }) => `${arg.length > 120 ? `${arg.slice(0, 119)}…` : arg}: ${reason}`)
  return {
    message: request.rejected.length === 1 ? 'Planetary could not open a link it was given' : `Planetary could not open ${request.rejected.length} links it was given`,
    detail: lines.join('\n')
  }
}
