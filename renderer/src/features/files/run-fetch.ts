/**
 * "Add from IPFS" as one step: fetch and pin a path, then place it in
 * Files. A pin this fetch made is taken back if placing fails (the name
 * taken, the folder gone) or is cancelled, so nothing stays pinned out of
 * sight; a pin that was there before is left alone.
 */
import { requireApi } from '../../lib/connection-store.ts'
import { ticker } from './import-steps.ts'
import { cidKey } from './names.ts'
import { transferFailure } from './transfer-errors.ts'
import type { Transfer } from './transfers-store.ts'

/** Fetch and pin `path`, then place it at `to` in Files, reporting through `update`; resolves true once placed (never rejects). */
export async function runFetch (path: string, to: string, signal: AbortSignal, update: (changes: Partial<Transfer>) => void): Promise<boolean> {
  const api = requireApi()
  const tick = ticker<Partial<Transfer> & { bytes: number }>(update)
  let madePin: string | undefined
  try {
    // Content pinned before is not this fetch's to unpin.
    const before = new Set((await api.pins.ls({ type: 'recursive' }, { signal })).pins.map((p) => cidKey(p.cid)))
    const { cid } = await api.pins.add({ path }, { signal, onProgress: (p) => { tick({ bytes: p.bytes, blocks: p.blocks, peers: p.peers ?? 0 }) } })
    if (!before.has(cidKey(cid))) madePin = cid
    tick.stop()
    update({ status: 'finishing' })
    signal.throwIfAborted()
    await api.files.cp({ from: `/ipfs/${cid}`, to }, { signal })
    madePin = undefined
    update({ status: 'done' })
    return true
  } catch (err) {
    tick.stop()
    if (madePin !== undefined) await api.pins.rm({ cid: madePin }).catch(() => {})
    update(signal.aborted ? { status: 'cancelled' } : transferFailure(err))
    return false
  }
}
