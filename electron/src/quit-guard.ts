/**
 * Before a quit the user asked for (the tray's Quit, closing the window
 * where that quits, the OS's quit): if devices are downloading from this
 * one, ask whether to quit anyway, then run the quit sequence or keep
 * running.
 *
 * Who downloads is asked of the node through the API (`downloaders`) with a time limit; a
 * node that does not answer in time, or fails, does not hold the quit up.
 * A quit asked for while the question is open joins it; once the quit
 * sequence runs, nothing is asked again.
 */
import { quitWarning } from './share-notices.ts'
import type { QuitWarning, ShareItem, Upload } from './share-notices.ts'
import type { NodeApi } from '../../node-core/src/api/node-api.ts'

/**
 * Who is downloading from this node: `share.uploads` (the peers with Bitswap
 * wants open here now), plus each sent item a device accepted and has not
 * receipted yet while that device is online.
 *
 * The wants alone flicker: between want rounds a fast download has none
 * open for a few milliseconds, and a receiver that stalls (asleep, busy)
 * has its last wants answered and shows none at all, though its download
 * is not done. The item stays `transferring` until the receipt.
 */
export function downloaders (uploads: readonly Upload[], sent: ReadonlyArray<Pick<ShareItem, 'id' | 'direction' | 'state' | 'peer' | 'deviceName' | 'bytes'>>, online: ReadonlySet<string>): Upload[] {
  const all = [...uploads]
  for (const item of sent) {
    if (item.direction !== 'out' || item.state !== 'transferring' || !online.has(item.peer)) continue
    if (all.some((u) => u.peer === item.peer)) continue
    all.push({ peer: item.peer, deviceName: item.deviceName, blocks: 0, bytes: item.bytes, itemId: item.id })
  }
  return all
}

/** Who downloads from `node` now: its uploads, sent items and online devices, asked through the API. */
export async function askDownloaders (node: Pick<NodeApi, 'methods'>, signal: AbortSignal): Promise<Upload[]> {
  const options = { signal, progress: () => {} }
  const [{ uploads }, { items }, { devices }] = await Promise.all([
    node.methods['share.uploads']({}, options),
    node.methods['share.items']({ direction: 'out' }, options),
    node.methods['share.devices']({}, options)
  ])
  return downloaders(uploads, items, new Set(devices.filter((d) => d.online).map((d) => d.peer)))
}

/** How long the node may take to list its uploads before quitting goes on without (ms). */
export const UPLOADS_TIMEOUT_MS = 2_000

/** What the guard drives. */
export interface QuitGuardDeps {
  /** The peers downloading from this node (`downloaders` over the API's answers). */
  uploads: (signal: AbortSignal) => Promise<readonly Upload[]>
  /** Ask the question: true to quit anyway. */
  confirm: (warning: QuitWarning) => Promise<boolean>
  /** The quit sequence. */
  sequence: { quit: () => Promise<unknown>, readonly quitting: boolean }
  log: (message: string) => void
  uploadsTimeoutMs?: number
}

/** What a quit request came to. */
export type QuitRequestOutcome = 'quit' | 'kept'

/** The guard: `request()` is how the app quits. */
export interface QuitGuard {
  request(): Promise<QuitRequestOutcome>
  /** The question is on screen (or the uploads are being asked for). */
  readonly asking: boolean
}

/** Make the guard over `deps`. */
export function createQuitGuard (deps: QuitGuardDeps): QuitGuard {
  const limit = deps.uploadsTimeoutMs ?? UPLOADS_TIMEOUT_MS
  let asking: Promise<QuitRequestOutcome> | undefined

  async function uploads (): Promise<readonly Upload[]> {
    const signal = AbortSignal.timeout(limit)
    // Raced too: a call that does not heed its signal must not hold the quit up either.
    const late = new Promise<never>((_resolve, reject) => { signal.addEventListener('abort', () => { reject(new Error(`no answer in ${limit} ms`)) }, { once: true }) })
    try {
      return await Promise.race([deps.uploads(signal), late])
    } catch (err) {
      deps.log(`quit: could not ask who downloads from this device (${err instanceof Error ? err.message : String(err)}); quitting`)
      return []
    }
  }

  async function ask (): Promise<QuitRequestOutcome> {
    const warning = quitWarning(await uploads())
    if (warning !== undefined && !await deps.confirm(warning)) {
      deps.log('quit: kept running, devices are downloading from this one')
      return 'kept'
    }
    void deps.sequence.quit()
    return 'quit'
  }

  return {
    async request () {
      if (deps.sequence.quitting) {
        void deps.sequence.quit()
        return 'quit'
      }
      asking ??= ask().finally(() => { asking = undefined })
      return await asking
    },
    get asking () { return asking !== undefined }
  }
}
