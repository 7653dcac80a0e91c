/**
 * Transfers made up for tests (the list's 10,000 rows, merging), in the
 * shape the node sends. Used by tests only; never bundled.
 */
import type { ShareItem } from './merge.ts'

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567'

/** A valid, unique item id for `n`. */
export function itemId (n: number): string {
  let id = ''
  let rest = n
  do {
    id = (BASE32[rest % 32] ?? 'a') + id
    rest = Math.floor(rest / 32)
  } while (rest > 0)
  return id.padStart(26, 'a')
}

/** A transfer numbered `n` (received, waiting, 1 kB) with `changes`. */
export function makeItem (n: number, changes: Partial<ShareItem> = {}): ShareItem {
  return {
    id: itemId(n),
    direction: 'in',
    peer: '12D3KooWQYhTNQdmr3ArTeUHRYzFg94BKyTkoWBDWez9kSCVe2Xo',
    deviceName: 'Ana’s laptop',
    root: 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy',
    name: `file-${n}.txt`,
    files: [{ path: `file-${n}.txt`, size: 1000 }],
    fileCount: 1,
    totalBytes: 1000,
    createdAt: 1_000 + n,
    updatedAt: 1_000 + n,
    state: 'waiting',
    bytes: 0,
    speed: 0,
    sources: [],
    verified: false,
    ...changes
  }
}
