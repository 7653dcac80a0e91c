/**
 * Receiving an accepted item: one background run per item fetches its DAG
 * over a Bitswap session (from the sender and every other holder), checks
 * it against the offer, saves it (one save at a time) and signs the
 * receipt. A run pauses when its sender is gone or silent, steps aside for
 * a waiting GC and walks again after it, and a run started again (resume,
 * restart) reads from the store what it already has.
 */
import { readdir, rm, stat, statfs } from 'node:fs/promises'
import { join } from 'node:path'
import { peerIdFromString } from '@libp2p/peer-id'
import { CID } from 'multiformats/cid'
import { walkDag } from '../dag/walk.ts'
import { inboxFolder } from './device-info.ts'
import { ItemStateError, NotEnoughSpaceError, OfferMismatchError, SenderGoneError } from './errors.ts'
import { errorOf } from './items.ts'
import { STALL_MS } from './limits.ts'
import { listItem, sameListing } from './listing.ts'
import { signReceipt } from './receipt.ts'
import { PARTIAL_PREFIX, saveItem } from './save.ts'
import { request } from './wire.ts'
import type { Bitswap, SourcedSession } from '../exchange/bitswap.ts'
import type { GcLock } from '../gc/lock.ts'
import type { Mfs } from '../mfs/mfs.ts'
import type { Host } from '../network/host.ts'
import type { Repo } from '../repo/repo.ts'
import type { Item, Items } from './items.ts'
import type { RequestBody } from './messages.ts'
import type { PrivateKey } from '@libp2p/interface'

/** What receiving needs. */
export interface ReceiverInit {
  host: Host
  repo: Repo
  bitswap: Bitswap
  mfs: Mfs
  gcLock: GcLock
  privateKey: PrivateKey
  items: Items
  /** Tell the sender (a cancel when an item fails here). */
  tell(peer: string, body: Extract<RequestBody, { type: 'cancel' }>): void
  /** Send the receipt of a done item (kept for later if the sender is away). */
  sendReceipt(id: string): Promise<void>
}

const PROGRESS_EMIT_MS = 250
const PROGRESS_SEND_MS = 1_000
const SPEED_WINDOW_MS = 3_000
/** Why a walk stopped to let a waiting GC run. */
const GC_STEP_ASIDE = new Error('a GC is waiting')

/** How far a received item's walks have come. */
interface WalkProgress {
  bytes: number
  blocks: number
  emitted: number
  sent: number
  window: Array<[number, number]>
}

/** The receives of one node. */
export class Receiver {
  readonly #init: ReceiverInit
  readonly #runs = new Map<string, AbortController>()
  readonly #running = new Map<string, Promise<void>>()
  #saving: Promise<unknown> = Promise.resolve()
  #open = false

  constructor (init: ReceiverInit) {
    this.#init = init
  }

  /** Receive from now on; partial saves a crash left in the inbox folder are removed first (no save runs yet). */
  async open (): Promise<void> {
    this.#open = true
    const folder = inboxFolder(this.#init.repo.config)
    const names = await readdir(folder).catch(() => [])
    await Promise.all(names.filter((name) => name.startsWith(PARTIAL_PREFIX)).map(async (name) => { await rm(join(folder, name), { recursive: true, force: true }).catch(() => {}) }))
  }

  /** Stop every run; each records its pause before this resolves (before the repo closes). */
  async close (): Promise<void> {
    this.#open = false
    for (const run of this.#runs.values()) run.abort(new SenderGoneError('the node is stopping; the transfer resumes when it starts'))
    await Promise.all([...this.#running.values()])
  }

  /** Start receiving `id` in the background (once at a time). */
  start (id: string): void {
    if (this.#running.has(id) || !this.#open) return
    const running = this.#receive(id).catch(() => {}).finally(() => { this.#running.delete(id) })
    this.#running.set(id, running)
  }

  /** Stop `id`'s run, if any (a cancel: `reason` is an ItemStateError, and the caller records the state). */
  abort (id: string, reason: Error): void {
    this.#runs.get(id)?.abort(reason)
  }

  /**
   * NotEnoughSpaceError unless the blocks still to come and the saved copy
   * fit, with what the transfers already running still need: twice the
   * bytes where the repo and the inbox folder share a file system.
   */
  async checkSpace (item: Item): Promise<void> {
    const running = this.#init.items.list('in').filter((i) => i.id !== item.id && i.state === 'transferring').reduce((n, i) => n + i.totalBytes - i.bytes, 0)
    const need = item.totalBytes - item.bytes + running
    const repo = this.#init.repo.path
    const folder = inboxFolder(this.#init.repo.config)
    const device = async (path: string): Promise<number | undefined> => await stat(path).then((s) => s.dev, () => undefined)
    const repoDevice = await device(repo)
    const shared = repoDevice !== undefined && repoDevice === await device(folder)
    const wants: Array<[string, number]> = shared ? [[repo, need * 2]] : [[repo, need], [folder, need]]
    for (const [path, bytes] of wants) {
      const fs = await statfs(path).catch(() => undefined)
      if (fs !== undefined && fs.bavail * fs.bsize < bytes) throw new NotEnoughSpaceError(`${item.name} needs ${bytes} bytes${shared ? ' (its blocks and the saved copy)' : ''}; ${path} has ${fs.bavail * fs.bsize} free`)
    }
  }

  /** Fetch, check and save a received item; pauses when its sender is gone. */
  async #receive (id: string): Promise<void> {
    const item = this.#init.items.get(id)
    if (item === undefined || this.#runs.has(id)) return
    const run = new AbortController()
    this.#runs.set(id, run)
    const sender = peerIdFromString(item.peer)
    const store = this.#init.repo.blockstore
    const session = this.#init.bitswap.session()
    let lastBlock = Date.now()
    let pass: AbortController | undefined
    const watchdog = setInterval(() => {
      const quiet = Date.now() - lastBlock
      if (quiet > STALL_MS && this.#init.host.getConnections(sender).length === 0) run.abort(new SenderGoneError(`${item.deviceName} went away; the transfer resumes when it is back`))
      else if (quiet > 4 * STALL_MS) run.abort(new SenderGoneError(`no blocks arrived from ${item.deviceName} for ${Math.round(quiet / 1000)} s; the transfer resumes when it reconnects, or accept it again`))
      // A GC waits for the lock this walk holds: step aside, and walk again once it is done (what it kept is read from the store).
      else if (this.#init.gcLock.gcWaiting) pass?.abort(GC_STEP_ASIDE)
    }, 1_000)
    // The run is over before its last state is written, so an accept that sees that state may start a new one.
    const finish = (): void => {
      clearInterval(watchdog)
      this.#runs.delete(id)
    }
    const signal = run.signal
    try {
      await this.#init.items.update(id, { state: 'transferring' })
      const progress: WalkProgress = { bytes: 0, blocks: 0, emitted: 0, sent: 0, window: [] }
      for (;;) {
        pass = new AbortController()
        try {
          await this.#init.gcLock.withShared(async () => {
            await this.#walk(item, session, AbortSignal.any([signal, (pass ?? run).signal]), progress, () => { lastBlock = Date.now() })
            await session.stored()
            await store.sync()
          })
          break
        } catch (err) {
          if (signal.aborted || pass.signal.reason !== GC_STEP_ASIDE) throw err
          await session.stored().catch(() => {})
        } finally {
          pass = undefined
        }
      }
      // One save at a time: a free name is picked and taken before the next save looks.
      const save = this.#saving.then(async () => await saveItem({ store, mfs: this.#init.mfs, lock: this.#init.gcLock, folder: inboxFolder(this.#init.repo.config) }, CID.parse(item.root), item.name, item.wrapped, { signal }))
      this.#saving = save.catch(() => {})
      const saved = await save
      const receivedAt = Date.now()
      const signature = await signReceipt(this.#init.privateKey, { item: id, root: item.root, bytes: item.totalBytes, receivedAt, sender: item.peer, receiver: this.#init.host.peerId.toString() })
      finish()
      await this.#init.items.update(id, { state: 'done', bytes: item.totalBytes, speed: 0, sources: session.sources(), verified: true, ...saved, receipt: { receivedAt, signature }, receiptSent: false })
      await this.#init.sendReceipt(id)
    } catch (err) {
      const reason = signal.aborted ? signal.reason as Error : err as Error
      finish()
      if (reason.name === ItemStateError.name) return
      const pause = reason.name === SenderGoneError.name || reason.name === 'BlockUnavailableError'
      // A failed item (not what was offered, a name or disk refused) ends the sender's wait too.
      if (!pause) this.#init.tell(item.peer, { type: 'cancel', item: id })
      await this.#init.items.update(id, { state: pause ? 'paused' : 'failed', speed: 0, error: errorOf(reason) }).catch(() => {})
    } finally {
      finish()
    }
  }

  /**
   * One walk of a received item's DAG under the GC lock: the folders' and
   * files' root blocks first (what they list must be what was offered
   * before any file data is fetched), then every block, with progress to
   * the UI and the sender. Blocks already in the store are read from it, so
   * a walk again (after a GC, a pause, a restart) fetches only what is
   * missing; `progress` carries across walks and never goes back.
   */
  async #walk (item: Item, session: SourcedSession, signal: AbortSignal, progress: WalkProgress, onBlock: () => void): Promise<void> {
    const sender = peerIdFromString(item.peer)
    // Blocks beyond the offered size (with room for the DAG's own nodes) mean the offer lied: stop before they fill the disk.
    const most = item.totalBytes * 1.05 + 4 * 1024 * 1024
    let walked = 0
    sameListing(item, await listItem(session, CID.parse(item.root), item.name, item.wrapped, { signal }))
    for await (const block of walkDag(session, CID.parse(item.root), { signal })) {
      onBlock()
      walked += block.bytes.byteLength
      if (walked > most) throw new OfferMismatchError(`more than the ${item.totalBytes} bytes offered arrived`)
      progress.blocks++
      progress.bytes = Math.max(progress.bytes, Math.min(walked, item.totalBytes))
      const now = Date.now()
      if (now - progress.emitted >= PROGRESS_EMIT_MS) {
        progress.emitted = now
        progress.window.push([now, progress.bytes])
        while (progress.window.length > 1 && now - (progress.window[0]?.[0] ?? now) > SPEED_WINDOW_MS) progress.window.shift()
        const [t0, b0] = progress.window[0] ?? [now, progress.bytes]
        await this.#init.items.update(item.id, { bytes: progress.bytes, speed: now > t0 ? Math.round((progress.bytes - b0) * 1000 / (now - t0)) : 0, sources: session.sources() })
      }
      if (now - progress.sent >= PROGRESS_SEND_MS) {
        progress.sent = now
        void request(this.#init.host, sender, { type: 'progress', item: item.id, bytes: progress.bytes, blocks: progress.blocks, sources: session.sources().slice(0, 64) }).catch(() => {})
      }
    }
  }
}
