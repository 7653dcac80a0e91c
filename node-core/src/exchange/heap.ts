/**
 * V8's heap sized for moving blocks: the young generation capped and the
 * old generation given room, so that a transfer does not keep the garbage
 * collector marking.
 *
 * Node is built without pointer compression, so V8 lets the young
 * generation grow to 64 MiB, and it starts a full mark-compact (incremental,
 * mostly on its worker threads) whenever the old generation's headroom
 * (its limit minus its size) is below the young generation's capacity: a
 * scavenge could promote all of it. A node's old generation holds ~35 MiB,
 * V8 gives it 16–56 MiB of headroom after each collection, and starting up
 * grows the young generation to its maximum; from then on every collection
 * schedules the next. A transfer allocates mostly Buffers, outside the heap,
 * yet ran about 20 mark-compacts per 128 MiB on each side, a mark-compact
 * every ~100 ms: half of a seeder's CPU and a third of a fetcher's went to
 * the GC threads (`perf record`, `--trace-gc`; bench/README.md).
 *
 * Capped at 8 MiB (4 MiB by the flag, doubled without pointer compression)
 * the young generation stays below the headroom: 1–4 mark-compacts per
 * 128 MiB on the seeder and 3–9 on the fetcher, the seeder's CPU 1.5–2.1 s
 * → 0.6–0.85 s, the fetcher's 2.0–2.9 s → 1.4–2.3 s, and a lower peak RSS.
 * A transfer allocates only ~15 MB/s of heap objects, so the extra
 * scavenges cost little. V8 reads the flag at every collection, so setting
 * it once the process runs works, but only in part: a young generation that
 * startup already grew does not all shrink back, and over 256 MiB the
 * seeder still ran 14–39 mark-compacts, where the flag given when the
 * process starts (`node --scavenger-max-new-space-capacity-mb=4`, which
 * then wins over this) kept it at 2–6. The fetcher ran ~20 per 256 MiB
 * either way, started by something else.
 * (`--optimize-for-size`, which the daemon's launcher sets, keeps the old
 * generation's headroom so small that it marks continuously whatever the
 * cap: ~45 mark-compacts per 128 MiB.)
 *
 * The fetcher's ~20 were V8 sizing the old generation's next limit by how
 * fast the program allocates heap objects (`--trace-gc-verbose`): a
 * transfer allocates few (its bytes are Buffers, outside the heap), so V8
 * set the limit only 1.1–1.6x the live heap, and every few MB promoted
 * started another mark-compact. Growing the limit to 2x the live heap
 * (`--heap-growing-percent=100`) cut them to 9–10 per 256 MiB set here
 * (~6 given at start), the fetcher's
 * CPU from 3.4–4.2 s to 3.0–3.5 s and lifted ours → ours from 77–98 to
 * 89–104 MB/s in alternating runs (bench/README.md). The daemon's heap mode
 * sets it back to V8's own while it idles lean (daemon/heap-mode.ts).
 */
import { setFlagsFromString } from 'node:v8'

/** Young generation cap, in MiB (doubled without pointer compression). */
const YOUNG_GENERATION_MB = 4
/** How far past the live heap the old generation may grow before V8 marks again: 100 is 2x. */
export const HEAP_GROWING_PERCENT = 100

let applied = false

function givenAtStart (flag: string): boolean {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => a.replaceAll('_', '-').startsWith(flag))
}

/** Size V8's heap for moving blocks (once per process; a flag given on the command line wins). */
export function tuneHeapForTransfers (): void {
  if (applied) return
  applied = true
  if (!givenAtStart('--scavenger-max-new-space-capacity-mb')) setFlagsFromString(`--scavenger-max-new-space-capacity-mb=${YOUNG_GENERATION_MB}`)
  if (!givenAtStart('--heap-growing-percent')) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
}
