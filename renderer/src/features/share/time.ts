/**
 * When something happened, as people say it: `just now`, `5 min ago`.
 */
import { share as t } from '../../texts/share.ts'

/** `at` (ms since the epoch) relative to `now`. */
export function ago (at: number, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000))
  if (seconds < 60) return t.time.now
  if (seconds < 3600) return t.time.minutes(Math.floor(seconds / 60))
  if (seconds < 86_400) return t.time.hours(Math.floor(seconds / 3600))
  return t.time.days(Math.floor(seconds / 86_400))
}
