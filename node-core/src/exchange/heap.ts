/**
 * V8's young generation, capped so that moving blocks does not keep the
 * garbage collector marking.
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
 */
import { setFlagsFromString } from 'node:v8'

const FLAG = '--scavenger-max-new-space-capacity-mb'
const YOUNG_GENERATION_MB = 4

let applied = false

/** Cap V8's young generation for this process (once; not when the command line sets it). */
export function capYoungGeneration (): void {
  if (applied) return
  applied = true
  if ([...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => a.replaceAll('_', '-').startsWith(FLAG))) return
  setFlagsFromString(`${FLAG}=${YOUNG_GENERATION_MB}`)
}
