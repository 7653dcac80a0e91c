// V8 flags the `planetary daemon` process starts with (planetary.js
// re-executes itself with them; they must be given at start).

/** For footprint while idle; the daemon's heap mode turns it off while busy (src/daemon/heap-mode.ts). */
export const LEAN_FLAGS = ['--optimize-for-size']

/** The young-generation cap that src/exchange/heap.ts also sets at run time, where it works only in part. */
export const TRANSFER_FLAGS = ['--scavenger-max-new-space-capacity-mb=4']
