/**
 * Numbers as people read them: sizes, speeds, durations, short CIDs.
 */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB']

/** `1536` → `1.5 KB` (decimal units, as file managers show sizes). */
export function formatBytes (bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000
    unit++
  }
  return `${unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit] ?? 'B'}`
}

/** Bytes per second → `12 MB/s`. */
export function formatSpeed (bytesPerSecond: number): string {
  return `${formatBytes(Math.max(0, bytesPerSecond))}/s`
}

/** Seconds → `1 h 5 min`, `3 min 20 s`, `12 s`; `—` when unknown. */
export function formatDuration (seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—'
  const s = Math.round(seconds)
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`
}

/** A long identifier shortened in the middle: `bafybe…x4q`. */
export function shorten (text: string, keep = 6): string {
  return text.length <= keep * 2 + 1 ? text : `${text.slice(0, keep)}…${text.slice(-keep)}`
}

/** Percent of `part` in `whole`, 0 to 100, never NaN. */
export function percent (part: number, whole: number): number {
  if (!(whole > 0)) return 0
  return Math.min(100, Math.max(0, (part / whole) * 100))
}
