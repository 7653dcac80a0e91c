/**
 * Durations in the config: `500ms`, `20s`, `5m`, `22h`, or `0` for never.
 */

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** Milliseconds of a duration the schema has already checked; 0 for `0`. */
export function durationMs (text: string): number {
  const match = /^(\d+)(ms|s|m|h)$/.exec(text)
  if (match === null) return 0
  return Number(match[1]) * (UNITS[match[2] ?? 'ms'] ?? 1)
}
